using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// One row of the command table (<see cref="CommandTable"/>): the command's wire name, its argument parser (the
    /// members of "args", which are required, how each is read), its authorisation rule, what must persist before it
    /// is applied, and its handler (check → save → apply). The endpoint runs every command through the same pass
    /// (<c>StationEndpoint</c>, docs/architecture.md "Command table"); a row says only what differs.
    ///</summary>
    public abstract class Command
    {
        /// <summary>
        /// Creates a row. Its data is instance data, given here: nanoFramework runs every static constructor of an assembly
        /// at start-up in definition order (nf-interpreter, CLR_RT_ExecutionEngine::SpawnStaticConstructor), so a static
        /// array of one row class could still be null when the table's static constructor builds the rows.
        ///</summary>
        protected Command(CommandKind kind, string name, string[] members, int required, PersistRule persist)
        {
            Kind = kind;
            Name = name;
            Members = members;
            Required = required;
            Persist = persist;
        }

        /// <summary>The command's kind (its index in the table).</summary>
        public CommandKind Kind { get; }

        /// <summary>Wire name, e.g. "schedule.add".</summary>
        public string Name { get; }

        /// <summary>Names of the members of "args" (any other member is refused as unknown).</summary>
        public string[] Members { get; }

        /// <summary>Bit i set: member i of <see cref="Members"/> is required.</summary>
        public int Required { get; }

        /// <summary>What must be on flash before the command is applied.</summary>
        public PersistRule Persist { get; }

        /// <summary>
        /// Reads member <paramref name="which"/> of "args" (the reader is on its name) into <paramref name="a"/>. Called
        /// only for a member named in <see cref="Members"/>; a row without members never is.
        ///</summary>
        public virtual CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return CommandResult.Refuse(RefusalReason.UnknownField, "args");
        }

        /// <summary>Whether the command, as parsed, is emergency work (needs an issuer allowed the emergency class).</summary>
        public virtual bool IsEmergencyWork(CommandContext c)
        {
            return false;
        }

        /// <summary>The command's own authorisation rule, after the addressee and emergency checks every command gets.</summary>
        public virtual CommandResult Authorize(CommandContext c)
        {
            return CommandResult.Ok;
        }

        /// <summary>The one validation: builds the checked change (changes nothing). By default the handler checks it all.</summary>
        public virtual CommandResult Check(CommandContext c, Instant now)
        {
            return CommandResult.Ok;
        }

        /// <summary>Writes the checked change's record (<see cref="PersistRule.CounterThenChange"/>, <see cref="PersistRule.ChangeWithCounter"/>).</summary>
        public virtual bool Save(CommandContext c, Instant now)
        {
            return true;
        }

        /// <summary>The handler: applies the checked change and gives the command's result.</summary>
        public abstract CommandResult Apply(CommandContext c, Instant now);

        /// <summary>
        /// The dotted path of the args member a Core refusal's leaf field names (docs/protocol.md §5): by default the
        /// leaf itself (see <see cref="RefusalPaths"/>).
        ///</summary>
        public virtual string PathOf(string leaf)
        {
            return leaf;
        }
    }
}
