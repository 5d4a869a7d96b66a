using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>time: a signed time beacon from a province or above; sets a clock that is not synced (docs/protocol.md §3.2).</summary>
    public sealed class TimeCommand : Command
    {
        /// <summary>Creates the row.</summary>
        public TimeCommand()
            : base(CommandKind.Time, "time", new string[] { "utc_ms" }, 1, PersistRule.Counter)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return ArgsParser.Member(r, JsonMembers.ReadInt64(r, out a.UtcMs) && a.UtcMs > 0, RefusalReason.InvalidField, Members[0]);
        }

        /// <inheritdoc/>
        public override CommandResult Authorize(CommandContext c)
        {
            return c.Key.Level >= IssuerLevel.Province ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "cmd");
        }

        /// <summary>The platform sets its clock to the beacon's time and then calls <c>ClockSynced</c> (only while not synced).</summary>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            if (c.Core.Clock.State != ClockState.Synced)
            {
                c.Endpoint.ClockSetRequestUtcMs = c.Args.UtcMs;
            }

            return CommandResult.Ok;
        }
    }
}
