using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// update.begin: announces an image (docs/protocol.md §8), e.g.
    /// <c>{"version":"1.4.0","files":[{"name":"App.pe","size":48213}],"chunk":4096,"mac":"9f…(64 hex)"}</c>.
    /// A value of the wrong type is <c>invalid-field</c> on its path (<c>args.files.size</c>); a manifest the station cannot
    /// take (a name with '/', a size of 0, a chunk of 100, more than 16 files) is <c>invalid-manifest</c> on
    /// <see cref="UpdateManifest.Check"/>'s path. The same version and MAC again resumes the transfer where it stands.
    ///</summary>
    public sealed class UpdateBeginCommand : UpdateCommand
    {
        private static readonly string[] FileMembers = { "name", "size" };

        /// <summary>Creates the row.</summary>
        public UpdateBeginCommand()
            : base(CommandKind.UpdateBegin, "update.begin", new string[] { "version", "files", "chunk", "mac" }, 15)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            if (a.Manifest == null)
            {
                a.Manifest = new UpdateManifest();
            }

            switch (which)
            {
                case 0:
                    return ReadVersion(r, a);
                case 1:
                    return ReadFiles(r, a.Manifest);
                case 2:
                    return ArgsParser.Member(r, JsonMembers.ReadInt32(r, 0, int.MaxValue, out a.Manifest.ChunkSize), RefusalReason.InvalidField, "chunk");
                default:
                    byte[] mac = new byte[32];
                    int start;
                    int length;
                    int written;
                    bool ok = JsonMembers.ReadRaw(r, out start, out length) && length == 64 && Hex.TryDecode(r.Buffer, start, length, mac, 0, out written) && written == 32;
                    a.Manifest.ImageMac = mac;
                    return ArgsParser.Member(r, ok, RefusalReason.InvalidField, "mac");
            }
        }

        /// <inheritdoc/>
        public override CommandResult Check(CommandContext c, Instant now)
        {
            CommandResult r = base.Check(c, now);
            if (!r.Accepted)
            {
                return r;
            }

            c.Args.Manifest.Version = c.Args.UpdateVersion;
            string fault = c.Args.Manifest.Check();
            return fault == null ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.InvalidManifest, fault);
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            UpdateReason reason = c.Endpoint.Update.Begin(c.Args.Manifest, c.Key.Issuer, c.Key.Key);
            string field = reason == UpdateReason.AlreadyRunning ? "args.version" : reason == UpdateReason.StorageFull ? "args.files" : null;
            return ResultOf(reason, field);
        }

        // [{"name":"App.pe","size":48213},…]: at most MaxFiles (one more is read to refuse it as invalid-manifest).
        private static CommandResult ReadFiles(JsonReader r, UpdateManifest m)
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
            {
                return ArgsParser.Member(r, false, RefusalReason.InvalidField, "files");
            }

            string[] names = new string[UpdateManifest.MaxFiles + 1];
            int[] sizes = new int[UpdateManifest.MaxFiles + 1];
            int n = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (n == names.Length)
                {
                    return CommandResult.Refuse(RefusalReason.InvalidManifest, "args.files");
                }

                CommandResult one = ReadFile(r, out names[n], out sizes[n]);
                if (!one.Accepted)
                {
                    return one;
                }

                n++;
            }

            if (r.TokenType != JsonTokenType.EndArray)
            {
                return CommandResult.Refuse(RefusalReason.Malformed, "args.files");
            }

            m.Names = new string[n];
            m.Sizes = new int[n];
            System.Array.Copy(names, m.Names, n);
            System.Array.Copy(sizes, m.Sizes, n);
            return CommandResult.Ok;
        }

        private static CommandResult ReadFile(JsonReader r, out string name, out int size)
        {
            name = null;
            size = 0;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "args.files");
            }

            CommandResult problem = CommandResult.Ok;
            int seen = 0;
            while (JsonMembers.Next(r, ref problem))
            {
                bool duplicate;
                int which = JsonMembers.Which(r, FileMembers, ref seen, out duplicate);
                if (which < 0)
                {
                    return JsonMembers.Unknown(r, "args.files.");
                }

                if (duplicate)
                {
                    return CommandResult.Refuse(RefusalReason.DuplicateField, "args.files." + FileMembers[which]);
                }

                bool ok = which == 0 ? JsonMembers.ReadToken(r, 64, out name) : JsonMembers.ReadInt32(r, 0, int.MaxValue, out size);
                if (!ok)
                {
                    return ArgsParser.Member(r, false, RefusalReason.InvalidField, "files." + FileMembers[which]);
                }
            }

            if (!problem.Accepted)
            {
                return CommandResult.Refuse(RefusalReason.Malformed, "args.files");
            }

            return seen == 3 ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.InvalidField, (seen & 1) == 0 ? "args.files.name" : "args.files.size");
        }
    }
}
