using CommuneRadio.Core.Results;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Turns the field of a Core refusal into the dotted path of the command member at fault (docs/protocol.md §5).
    /// The Core checks items and programmes without knowing where they came from and names leaves (<c>id</c>,
    /// <c>lines</c>, <c>until</c>); on the wire the field is always the full path, the same one the parser gives for
    /// a bad value of that member. Examples:
    /// <code>
    /// schedule.add     duplicate-id  "id"     >> "args.item.id"
    /// schedule.add     in-the-past   "until"  >> "args.item.until"   (a malformed until is "args.item.until" too)
    /// schedule.sync    duplicate-id  "id"     >> "args.items.id"
    /// schedule.remove  unknown-id    "id"     >> "args.item_id"
    /// play             invalid-lines "lines"  >> "args.lines"
    /// play             duplicate-id  "id"     >> "id"                (the programme id is the command's id)
    /// stop             unknown-id    "id"     >> "args.programme"
    /// </code>
    /// A field that already is a path (starts with "args") or a body member is left as it is.
    /// </summary>
    public static class RefusalPaths
    {
        /// <summary>The result with its field as the dotted path within a <paramref name="kind"/> command.</summary>
        public static CommandResult Qualify(CommandKind kind, CommandResult r)
        {
            string f = r.Field;
            if (r.Accepted || f == null || f.StartsWith("args"))
            {
                return r;
            }

            return CommandResult.Refuse(r.Reason, PathOf(kind, f));
        }

        private static string PathOf(CommandKind kind, string leaf)
        {
            switch (kind)
            {
                case CommandKind.ScheduleAdd:
                case CommandKind.ScheduleReplace:
                    return leaf == "item" ? "args.item" : "args.item." + leaf;
                case CommandKind.ScheduleSync:
                    return leaf == "items" ? "args.items" : "args.items." + leaf;
                case CommandKind.ScheduleRemove:
                    return leaf == "id" ? "args.item_id" : leaf;
                case CommandKind.Stop:
                    return leaf == "id" ? "args.programme" : leaf;
                case CommandKind.Play:
                case CommandKind.EmergencyStart:
                case CommandKind.EmergencyStop:
                    return leaf == "id" ? "id" : "args." + leaf;
                default:
                    return leaf;
            }
        }
    }
}
