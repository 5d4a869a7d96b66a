using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// What the three <c>update.*</c> rows share (docs/protocol.md §8): the issuer needs the update right of its key
    /// (<c>"update": true</c> in the station's keyring, like the emergency right), the station needs update storage
    /// (<see cref="StationEndpoint.Update"/>), and the counter is on flash before the <see cref="UpdateManager"/> acts,
    /// which itself writes a chunk before the progress that counts it. Every result of an update command carries the
    /// station's update progress (<see cref="MessageWriter.Result(string, CommandResult, UpdateManager)"/>).
    ///</summary>
    public abstract class UpdateCommand : Command
    {
        /// <summary>Creates a row.</summary>
        protected UpdateCommand(CommandKind kind, string name, string[] members, int required)
            : base(kind, name, members, required, PersistRule.Counter)
        {
        }

        /// <summary>Only a key with the update right may update the application.</summary>
        public override CommandResult Authorize(CommandContext c)
        {
            return c.Key.MayUpdate ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "cmd");
        }

        /// <summary>A station without update storage (a build without the resident loader) takes no update.</summary>
        public override CommandResult Check(CommandContext c, Instant now)
        {
            return c.Endpoint.Update == null ? CommandResult.Refuse(RefusalReason.NoUpdate, null) : CommandResult.Ok;
        }

        /// <summary>Reads "args.version": a token of at most <see cref="UpdateManifest.MaxVersionLength"/> characters.</summary>
        protected static CommandResult ReadVersion(JsonReader r, CommandArgs a)
        {
            return ArgsParser.Member(r, JsonMembers.ReadToken(r, UpdateManifest.MaxVersionLength, out a.UpdateVersion), RefusalReason.InvalidField, "version");
        }

        /// <summary>
        /// The command's result for the manager's <paramref name="reason"/>: accepted for <see cref="UpdateReason.None"/> and
        /// <see cref="UpdateReason.AlreadyReceived"/> (a duplicate is acknowledged, the progress says what comes next), else
        /// the refusal of the same wire name on <paramref name="field"/>.
        /// </summary>
        protected static CommandResult ResultOf(UpdateReason reason, string field)
        {
            RefusalReason refusal = RefusalOf(reason);
            return refusal == RefusalReason.None ? CommandResult.Ok : CommandResult.Refuse(refusal, field);
        }

        /// <summary>The refusal reason of an <see cref="UpdateReason"/> (the same wire name, <see cref="UpdateNames"/>).</summary>
        public static RefusalReason RefusalOf(UpdateReason reason)
        {
            switch (reason)
            {
                case UpdateReason.None:
                case UpdateReason.AlreadyReceived:
                    return RefusalReason.None;
                case UpdateReason.InvalidManifest: return RefusalReason.InvalidManifest;
                case UpdateReason.AlreadyRunning: return RefusalReason.AlreadyRunning;
                case UpdateReason.InTrial: return RefusalReason.UpdateInTrial;
                case UpdateReason.StorageFull: return RefusalReason.StorageFull;
                case UpdateReason.NoUpdate: return RefusalReason.NoUpdate;
                case UpdateReason.WrongVersion: return RefusalReason.WrongVersion;
                case UpdateReason.WrongIssuer: return RefusalReason.WrongIssuer;
                case UpdateReason.OutOfOrder: return RefusalReason.OutOfOrder;
                case UpdateReason.InvalidChunk: return RefusalReason.InvalidChunk;
                case UpdateReason.ImageMismatch: return RefusalReason.ImageMismatch;
                case UpdateReason.NotVerified: return RefusalReason.NotVerified;
                default: return RefusalReason.FlashMismatch;
            }
        }
    }
}
