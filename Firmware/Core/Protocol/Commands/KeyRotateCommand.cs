using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>key.rotate: a lower issuer's key replaced; the key and the counter are one keyring write (docs/protocol.md §3.2).</summary>
    public sealed class KeyRotateCommand : Command
    {
        /// <summary>Creates the row.</summary>
        public KeyRotateCommand()
            : base(CommandKind.KeyRotate, "key.rotate", new string[] { "issuer", "key" }, 3, PersistRule.ChangeWithCounter)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            bool ok = which == 0 ? JsonMembers.ReadToken(r, 48, out a.KeyIssuer) : ArgsParser.ReadKey(r, a);
            return ArgsParser.Member(r, ok, RefusalReason.InvalidField, Members[which]);
        }

        /// <summary>Only an issuer above the rotated one may rotate its key.</summary>
        public override CommandResult Authorize(CommandContext c)
        {
            IssuerKey target = c.Keys.Find(c.Args.KeyIssuer);
            if (target == null)
            {
                return CommandResult.Refuse(RefusalReason.UnknownIssuer, "args.issuer");
            }

            return target.Level < c.Key.Level ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "args.issuer");
        }

        /// <summary>The rotated key and the counter of the command that rotates it: one atomic record.</summary>
        public override bool Save(CommandContext c, Instant now)
        {
            return c.Store.TrySaveKeys(c.Keys, c.Args.KeyIssuer, c.Args.Key, now);
        }

        /// <summary>Without a store the rotated key lives in memory only, and is due for a background write.</summary>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            c.Keys.Find(c.Args.KeyIssuer).Key = c.Args.Key;
            c.Endpoint.KeysChanged = c.Store == null;
            return CommandResult.Ok;
        }
    }
}
