using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// update.commit: <c>{"version":"1.4.0"}</c> (docs/protocol.md §8). The station reads the received image back from
    /// flash, checks its chain again, puts the version on trial and restarts into it once the result is sent (the
    /// runtime's reboot request). A commit repeated for the version on trial is acknowledged.
    ///</summary>
    public sealed class UpdateCommitCommand : UpdateCommand
    {
        /// <summary>Creates the row.</summary>
        public UpdateCommitCommand()
            : base(CommandKind.UpdateCommit, "update.commit", new string[] { "version" }, 1)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return ReadVersion(r, a);
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            UpdateReason reason = c.Endpoint.Update.Commit(c.Args.UpdateVersion, c.Key.Issuer, c.Key.Key);
            string field = reason == UpdateReason.WrongVersion ? "args.version" : reason == UpdateReason.WrongIssuer ? "iss" : null;
            return ResultOf(reason, field);
        }
    }
}
