using System.Collections.Generic;

namespace CommuneRadio.Benchmarks.PerCommand
{
    /// <summary>
    /// One row of the per-command table: a command of one kind that a prepared station accepts, and what the station
    /// must have done first (<see cref="PrepCommand"/>: another command, e.g. the play that a stop stops). All are signed by the
    /// province key to <c>g/prov.ht</c>; the schedule commands work on the station's eight commune items.
    /// </summary>
    public sealed class CommandScenario
    {
        private CommandScenario(string command, string args, string? prepCommand, string? prepArgs)
        {
            Command = command;
            Args = args;
            PrepCommand = prepCommand;
            PrepArgs = prepArgs;
        }

        /// <summary>The command name (its row of the command table).</summary>
        public string Command { get; }

        /// <summary>Its args object.</summary>
        public string Args { get; }

        /// <summary>A command the station handles before (unmeasured), or null.</summary>
        public string? PrepCommand { get; }

        /// <summary>The prep command's args.</summary>
        public string? PrepArgs { get; }

        /// <summary>Id of the prep command (a stop names it).</summary>
        public const string PrepId = "prep-1";

        /// <summary>Every row of the command table, in its order.</summary>
        public static IReadOnlyList<CommandScenario> All(long utcMs)
        {
            string items = "[" + BenchStation.ItemJson("sync-a", "18:00") + "," + BenchStation.ItemJson("sync-b", "19:00") + "," +
                BenchStation.ItemJson("sync-c", "20:00") + "," + BenchStation.ItemJson("sync-d", "21:00") + "]";
            const string Emergency = "{\"duration\":600,\"lines\":[0,1,2,3],\"source\":1}";
            const string Play = "{\"class\":\"normal\",\"duration\":60,\"lines\":[0,1],\"source\":0}";
            return new[]
            {
                new CommandScenario("schedule.add", "{\"item\":" + BenchStation.ItemJson("bench-evening-news", "20:00") + "}", null, null),
                new CommandScenario("schedule.replace", "{\"item\":" + BenchStation.ItemJson("slot-00-morning-news", "21:00") + "}", null, null),
                new CommandScenario("schedule.remove", "{\"item_id\":\"slot-01-morning-news\"}", null, null),
                new CommandScenario("schedule.sync", "{\"version\":5,\"items\":" + items + "}", null, null),
                new CommandScenario("play", Play, null, null),
                new CommandScenario("stop", "{\"programme\":\"" + PrepId + "\"}", "play", Play),
                new CommandScenario("emergency.start", Emergency, null, null),
                new CommandScenario("emergency.stop", "{}", "emergency.start", Emergency),
                new CommandScenario("relay.selftest", "{}", null, null),
                new CommandScenario("status", "{}", null, null),
                new CommandScenario("time", "{\"utc_ms\":" + utcMs + "}", null, null),
                new CommandScenario("config.set", "{\"telemetry_s\":120}", null, null),
                new CommandScenario("key.rotate", "{\"issuer\":\"com.ht.ab\",\"key\":\"" + new string('7', 64) + "\"}", null, null),
            };
        }
    }
}
