using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>emergency.stop: stops the emergency of a scope (an issuer at its level or above; docs/protocol.md §3.2).</summary>
    public sealed class EmergencyStopCommand : ProgrammeCommand
    {
        /// <summary>Creates the row.</summary>
        public EmergencyStopCommand()
            : base(CommandKind.EmergencyStop, "emergency.stop", new string[] { "scope" }, 0)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return ArgsParser.Member(r, JsonMembers.ReadToken(r, 64, out a.Scope), RefusalReason.InvalidField, Members[0]);
        }

        /// <inheritdoc/>
        public override bool IsEmergencyWork(CommandContext c)
        {
            return true;
        }

        /// <summary>The scope, when given, must be within the issuer's scopes.</summary>
        public override CommandResult Authorize(CommandContext c)
        {
            return AuthorizeScope(c);
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            return c.Core.StopEmergency(c.Args.Scope ?? c.Addressee, c.Key.Level, now);
        }

        /// <summary>An emergency's scope, when given, must be within the issuer's scopes (emergency.start and .stop).</summary>
        internal static CommandResult AuthorizeScope(CommandContext c)
        {
            bool covered = c.Args.Scope == null || c.Covers(c.Args.Scope);
            return covered ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "args.scope");
        }
    }
}
