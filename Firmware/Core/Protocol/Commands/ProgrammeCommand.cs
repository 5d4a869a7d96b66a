using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// What the commands that put a programme on air now share (play, emergency.start, emergency.stop): arguments
    /// duration, lines and source, and refusal paths under "args" — except "id", the programme's id, which is the
    /// command's own id. They persist only their replay counter; the Core checks the rest as it applies them.
    ///</summary>
    public abstract class ProgrammeCommand : Command
    {
        /// <summary>Creates a row.</summary>
        protected ProgrammeCommand(CommandKind kind, string name, string[] members, int required)
            : base(kind, name, members, required, PersistRule.Counter)
        {
        }

        /// <summary>"lines" >> "args.lines"; "id" stays "id".</summary>
        public override string PathOf(string leaf)
        {
            return leaf == "id" ? "id" : "args." + leaf;
        }
    }
}
