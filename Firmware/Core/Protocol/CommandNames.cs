using CommuneRadio.Core.Json;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>Wire names of the commands (docs/protocol.md §3.2), matched without allocating.</summary>
    public static class CommandNames
    {
        private static readonly string[] Names =
        {
            null, "schedule.add", "schedule.replace", "schedule.remove", "schedule.sync", "play", "stop",
            "emergency.start", "emergency.stop", "relay.selftest", "status", "time", "config.set", "key.rotate",
        };

        /// <summary>The command named by the reader's current string, or <see cref="CommandKind.Unknown"/>.</summary>
        public static CommandKind Match(JsonReader reader)
        {
            for (int i = 1; i < Names.Length; i++)
            {
                if (reader.ValueEquals(Names[i]))
                {
                    return (CommandKind)i;
                }
            }

            return CommandKind.Unknown;
        }

        /// <summary>Wire name of a command, e.g. "schedule.add".</summary>
        public static string Of(CommandKind kind)
        {
            int i = (int)kind;
            return i > 0 && i < Names.Length ? Names[i] : "unknown";
        }
    }
}
