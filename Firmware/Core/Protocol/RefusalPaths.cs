using CommuneRadio.Core.Protocol.Commands;
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
    /// A field that already is a path (starts with "args") or a body member is left as it is. Each command's row of the
    /// <see cref="CommandTable"/> knows its paths.
    /// </summary>
    public static class RefusalPaths
    {
        /// <summary>The result with its field as the dotted path within a command of <paramref name="row"/> (<see cref="Command.PathOf"/>).</summary>
        public static CommandResult Qualify(Command row, CommandResult r)
        {
            string f = r.Field;
            if (r.Accepted || f == null || f.StartsWith("args"))
            {
                return r;
            }

            return CommandResult.Refuse(r.Reason, row.PathOf(f));
        }
    }
}
