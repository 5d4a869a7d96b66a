using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>schedule.remove: the item with this id, removed (docs/protocol.md §3.2).</summary>
    public sealed class ScheduleRemoveCommand : ScheduleCommand
    {
        /// <summary>Creates the row.</summary>
        public ScheduleRemoveCommand()
            : base(CommandKind.ScheduleRemove, "schedule.remove", new string[] { "item_id" }, 1)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return ArgsParser.Member(r, JsonMembers.ReadToken(r, ScheduleItem.MaxIdLength, out a.TargetId), RefusalReason.InvalidField, Members[0]);
        }

        /// <inheritdoc/>
        public override CommandResult Authorize(CommandContext c)
        {
            return MayChange(c.Args.TargetId, c);
        }

        /// <inheritdoc/>
        public override CommandResult Check(CommandContext c, Instant now)
        {
            c.Change.Remove(c.Args.TargetId);
            return c.Core.Check(c.Change);
        }

        /// <inheritdoc/>
        public override string PathOf(string leaf)
        {
            return leaf == "id" ? "args.item_id" : leaf;
        }
    }
}
