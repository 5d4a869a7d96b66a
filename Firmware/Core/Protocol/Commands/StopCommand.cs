using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>stop: a programme by id, or every non-emergency programme of the issuer's level or below (docs/protocol.md §3.2).</summary>
    public sealed class StopCommand : Command
    {
        /// <summary>Creates the row.</summary>
        public StopCommand()
            : base(CommandKind.Stop, "stop", new string[] { "programme" }, 0, PersistRule.Counter)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return ArgsParser.Member(r, JsonMembers.ReadToken(r, ScheduleItem.MaxIdLength, out a.TargetId), RefusalReason.InvalidField, Members[0]);
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            return c.Core.Stop(c.Args.TargetId, c.Key.Level, now);
        }

        /// <inheritdoc/>
        public override string PathOf(string leaf)
        {
            return leaf == "id" ? "args.programme" : leaf;
        }
    }
}
