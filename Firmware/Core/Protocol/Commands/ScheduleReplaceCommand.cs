using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>schedule.replace: the item with the same id, replaced (docs/protocol.md §3.2).</summary>
    public sealed class ScheduleReplaceCommand : ScheduleCommand
    {
        /// <summary>Creates the row.</summary>
        public ScheduleReplaceCommand()
            : base(CommandKind.ScheduleReplace, "schedule.replace", new string[] { "item" }, 1)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return ArgsParser.ReadItem(r, a);
        }

        /// <inheritdoc/>
        public override bool IsEmergencyWork(CommandContext c)
        {
            return c.Args.Item.Class == BroadcastClass.Emergency;
        }

        /// <inheritdoc/>
        public override CommandResult Authorize(CommandContext c)
        {
            return MayChange(c.Args.Item.Id, c);
        }

        /// <inheritdoc/>
        public override CommandResult Check(CommandContext c, Instant now)
        {
            Stamp(c.Args.Item, c);
            c.Change.Replace(c.Args.Item);
            return c.Core.Check(c.Change);
        }

        /// <inheritdoc/>
        public override string PathOf(string leaf)
        {
            return ItemPath(leaf);
        }
    }
}
