using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// update.chunk: bytes of one file of the image (docs/protocol.md §8), e.g.
    /// <c>{"version":"1.4.0","file":0,"offset":4096,"data":"TVqQAAMAAAAEAAAA…"}</c> (base64, 256–8,192 bytes decoded).
    /// The data is decoded from the payload in place into one reused buffer (<see cref="Base64"/>): a chunk allocates
    /// no copy of itself. Only the next chunk is taken; the result's "update" member says which one that is.
    /// <code>
    /// the next chunk                      >> accepted
    /// a chunk already taken (a resend)    >> accepted (nothing written again)
    /// a later one                         >> out-of-order on args.offset (args.file when the file differs)
    /// an offset not on a chunk boundary   >> invalid-chunk on args.offset; a wrong length on args.data
    /// </code>
    ///</summary>
    public sealed class UpdateChunkCommand : UpdateCommand
    {
        /// <summary>Creates the row.</summary>
        public UpdateChunkCommand()
            : base(CommandKind.UpdateChunk, "update.chunk", new string[] { "version", "file", "offset", "data" }, 15)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            switch (which)
            {
                case 0:
                    return ReadVersion(r, a);
                case 1:
                    return ArgsParser.Member(r, JsonMembers.ReadInt32(r, 0, UpdateManifest.MaxFiles - 1, out a.UpdateFile), RefusalReason.InvalidField, "file");
                case 2:
                    return ArgsParser.Member(r, JsonMembers.ReadInt32(r, 0, UpdateManifest.MaxFileSize - 1, out a.UpdateOffset), RefusalReason.InvalidField, "offset");
                default:
                    return ArgsParser.Member(r, ReadData(r, a), RefusalReason.InvalidField, "data");
            }
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            UpdateManager u = c.Endpoint.Update;
            CommandArgs a = c.Args;
            UpdateReason reason = u.Chunk(a.UpdateVersion, c.Key.Issuer, c.Key.Key, a.UpdateFile, a.UpdateOffset, a.ChunkBuffer, 0, a.ChunkLength);
            return ResultOf(reason, FieldOf(reason, u, a));
        }

        // The member at fault: which of file, offset and data does not fit (invalid-chunk), is not the next (out-of-order).
        private static string FieldOf(UpdateReason reason, UpdateManager u, CommandArgs a)
        {
            switch (reason)
            {
                case UpdateReason.WrongVersion:
                    return "args.version";
                case UpdateReason.WrongIssuer:
                    return "iss";
                case UpdateReason.OutOfOrder:
                    return a.UpdateFile != u.NextFile ? "args.file" : "args.offset";
                case UpdateReason.InvalidChunk:
                    UpdateManifest m = u.Pending;
                    if (m == null || a.UpdateFile >= m.Names.Length)
                    {
                        return "args.file";
                    }

                    return a.UpdateOffset >= m.Sizes[a.UpdateFile] || a.UpdateOffset % m.ChunkSize != 0 ? "args.offset" : "args.data";
                default:
                    return null;
            }
        }

        // Plain base64 of 1…MaxChunkSize bytes, into the reused chunk buffer.
        private static bool ReadData(JsonReader r, CommandArgs a)
        {
            int start;
            int length;
            if (!JsonMembers.ReadRaw(r, out start, out length) || length == 0)
            {
                return false;
            }

            int decoded = Base64.DecodedLength(r.Buffer, start, length);
            if (decoded <= 0 || decoded > UpdateManifest.MaxChunkSize)
            {
                return false;
            }

            if (a.ChunkBuffer == null)
            {
                a.ChunkBuffer = new byte[UpdateManifest.MaxChunkSize];
            }

            return Base64.TryDecode(r.Buffer, start, length, a.ChunkBuffer, 0, out a.ChunkLength);
        }
    }
}
