using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// What the schedule commands share: the change they build is checked by the Core once, its image is the schedule
    /// record written before it is applied, and it is applied as checked. The item's issuer and level are always the
    /// signing key's (or, in a sync, those of the higher issuer's item it keeps), never values from the payload.
    ///</summary>
    public abstract class ScheduleCommand : Command
    {
        /// <summary>Creates a row.</summary>
        protected ScheduleCommand(CommandKind kind, string name, string[] members, int required)
            : base(kind, name, members, required, PersistRule.CounterThenChange)
        {
        }

        /// <inheritdoc/>
        public override bool Save(CommandContext c, Instant now)
        {
            int count;
            long version;
            ScheduleEntry[] image = c.Change.Image(c.Core.Schedule, out count, out version);
            return c.Store.TrySaveSchedule(image, count, version, now);
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            return c.Core.Apply(c.Change, now);
        }

        /// <summary>The item's issuer and level become the signing key's.</summary>
        protected static void Stamp(ScheduleItem item, CommandContext c)
        {
            item.Issuer = c.Key.Issuer;
            item.Level = c.Key.Level;
        }

        /// <summary>Refuses a change to an item scheduled by a higher level than the issuer.</summary>
        protected static CommandResult MayChange(string id, CommandContext c)
        {
            ScheduleEntry existing;
            bool higher = c.Core.Schedule.TryGet(id, out existing) && existing.Item.Level > c.Key.Level;
            return higher ? CommandResult.Refuse(RefusalReason.NotAuthorized, "args") : CommandResult.Ok;
        }

        /// <summary>"id" >> "args.item.id", "item" >> "args.item".</summary>
        protected static string ItemPath(string leaf)
        {
            return leaf == "item" ? "args.item" : "args.item." + leaf;
        }
    }
}
