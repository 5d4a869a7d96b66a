using CommuneRadio.Core.Json;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// The commands of docs/protocol.md §3.2, one row each, indexed by <see cref="CommandKind"/>. Adding a command is
    /// one value of <see cref="CommandKind"/>, one row here and one <see cref="Command"/> subclass (its arguments,
    /// authorisation, what it persists and its handler); the endpoint's pass is the same for all.
    /// <code>
    /// kind             name               args (required *)                    persists            handler
    /// ScheduleAdd      schedule.add       item*                                counter, schedule   Core.Apply(change)
    /// ScheduleReplace  schedule.replace   item*                                counter, schedule   Core.Apply(change)
    /// ScheduleRemove   schedule.remove    item_id*                             counter, schedule   Core.Apply(change)
    /// ScheduleSync     schedule.sync      version* items*                      counter, schedule   Core.Apply(change)
    /// Play             play               class* duration* lines* source*      counter             Core.PlayNow
    /// Stop             stop               programme                            counter             Core.Stop
    /// EmergencyStart   emergency.start    scope duration* lines* source*       counter             Core.StartEmergency
    /// EmergencyStop    emergency.stop     scope                                counter             Core.StopEmergency
    /// RelaySelfTest    relay.selftest     -                                    counter             Core.SelfTest
    /// Status           status             -                                    (rides along)       health + state now
    /// Time             time               utc_ms*                              counter             clock-set request
    /// ConfigSet        config.set         telemetry_s*                         counter, config     telemetry period
    /// KeyRotate        key.rotate         issuer* key*                         keys with counter   the issuer's key
    /// UpdateBegin      update.begin       version* files* chunk* mac*          counter (+ update)  Update.Begin
    /// UpdateChunk      update.chunk       version* file* offset* data*         counter (+ update)  Update.Chunk
    /// UpdateCommit     update.commit      version*                             counter (+ update)  Update.Commit
    /// </code>
    ///</summary>
    public static class CommandTable
    {
        private static readonly Command[] Rows =
        {
            null,
            new ScheduleAddCommand(),
            new ScheduleReplaceCommand(),
            new ScheduleRemoveCommand(),
            new ScheduleSyncCommand(),
            new PlayCommand(),
            new StopCommand(),
            new EmergencyStartCommand(),
            new EmergencyStopCommand(),
            new RelaySelfTestCommand(),
            new StatusCommand(),
            new TimeCommand(),
            new ConfigSetCommand(),
            new KeyRotateCommand(),
            new UpdateBeginCommand(),
            new UpdateChunkCommand(),
            new UpdateCommitCommand(),
        };

        /// <summary>Number of rows (known commands).</summary>
        public static int Count
        {
            get { return Rows.Length - 1; }
        }

        /// <summary>The row of <paramref name="kind"/>, or null for <see cref="CommandKind.Unknown"/>.</summary>
        public static Command Of(CommandKind kind)
        {
            int i = (int)kind;
            return i > 0 && i < Rows.Length ? Rows[i] : null;
        }

        /// <summary>The command named by the reader's current string, or <see cref="CommandKind.Unknown"/> (no allocation).</summary>
        public static CommandKind Match(JsonReader reader)
        {
            for (int i = 1; i < Rows.Length; i++)
            {
                if (reader.ValueEquals(Rows[i].Name))
                {
                    return Rows[i].Kind;
                }
            }

            return CommandKind.Unknown;
        }

        /// <summary>Wire name of a command, e.g. "schedule.add"; "unknown" for none.</summary>
        public static string NameOf(CommandKind kind)
        {
            Command row = Of(kind);
            return row != null ? row.Name : "unknown";
        }
    }
}
