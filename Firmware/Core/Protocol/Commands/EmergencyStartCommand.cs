using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>emergency.start: an emergency for a scope takes the speakers at once (docs/protocol.md §3.2).</summary>
    public sealed class EmergencyStartCommand : ProgrammeCommand
    {
        /// <summary>Creates the row.</summary>
        public EmergencyStartCommand()
            : base(CommandKind.EmergencyStart, "emergency.start", new string[] { "scope", "duration", "lines", "source" }, 14)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            if (which == 0)
            {
                return ArgsParser.Member(r, JsonMembers.ReadToken(r, 64, out a.Scope), RefusalReason.InvalidField, Members[0]);
            }

            return ArgsParser.ReadProgramme(r, which, a, Members[which]);
        }

        /// <inheritdoc/>
        public override bool IsEmergencyWork(CommandContext c)
        {
            return true;
        }

        /// <summary>The scope, when given, must be within the issuer's scopes.</summary>
        public override CommandResult Authorize(CommandContext c)
        {
            return EmergencyStopCommand.AuthorizeScope(c);
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            CommandArgs a = c.Args;
            return c.Core.StartEmergency(c.Envelope.Id, a.Scope ?? c.Addressee, c.Key.Level, c.Key.Issuer, a.Duration, a.Lines, a.Source, now);
        }
    }
}
