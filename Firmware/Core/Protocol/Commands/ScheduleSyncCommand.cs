using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>schedule.sync: the whole schedule replaced at a version (docs/protocol.md §3.2).</summary>
    public sealed class ScheduleSyncCommand : ScheduleCommand
    {
        /// <summary>Creates the row.</summary>
        public ScheduleSyncCommand()
            : base(CommandKind.ScheduleSync, "schedule.sync", new string[] { "version", "items" }, 3)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            if (which == 0)
            {
                return ArgsParser.Member(r, JsonMembers.ReadInt64(r, out a.Version) && a.Version >= 1, RefusalReason.InvalidField, Members[0]);
            }

            return ArgsParser.ReadItems(r, a, parser.MaxItems);
        }

        /// <inheritdoc/>
        public override bool IsEmergencyWork(CommandContext c)
        {
            ScheduleItem[] items = c.Args.Items;
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i].Class == BroadcastClass.Emergency)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A sync may not drop or change an item scheduled by a higher level than the issuer: it may only keep it as the
        /// same programme, which then keeps its issuer and level (see <see cref="Check"/>).
        ///</summary>
        public override CommandResult Authorize(CommandContext c)
        {
            Schedule schedule = c.Core.Schedule;
            ScheduleItem[] items = c.Args.Items;
            for (int i = 0; i < schedule.Count; i++)
            {
                ScheduleItem old = schedule.EntryAt(i).Item;
                if (old.Level <= c.Key.Level)
                {
                    continue;
                }

                bool kept = false;
                for (int j = 0; j < items.Length && !kept; j++)
                {
                    kept = items[j].SameProgramme(old);
                }

                if (!kept)
                {
                    return CommandResult.Refuse(RefusalReason.NotAuthorized, "args.items");
                }
            }

            return CommandResult.Ok;
        }

        /// <summary>
        /// A synced item that keeps a higher issuer's item (<see cref="Authorize"/> checked it is the same programme) stays
        /// that issuer's: a commune's sync must not lower the rank of, or take over, the province's programme.
        ///</summary>
        public override CommandResult Check(CommandContext c, Instant now)
        {
            ScheduleItem[] items = c.Args.Items;
            for (int i = 0; i < items.Length; i++)
            {
                ScheduleEntry existing = null;
                if (c.Core.Schedule.TryGet(items[i].Id, out existing) && existing.Item.Level > c.Key.Level)
                {
                    items[i].Issuer = existing.Item.Issuer;
                    items[i].Level = existing.Item.Level;
                }
                else
                {
                    Stamp(items[i], c);
                }
            }

            c.Change.Sync(items, c.Args.Version);
            return c.Core.Check(c.Change);
        }

        /// <inheritdoc/>
        public override string PathOf(string leaf)
        {
            return leaf == "items" ? "args.items" : "args.items." + leaf;
        }
    }
}
