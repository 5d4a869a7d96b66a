namespace CommuneRadio.Core.Update
{
    /// <summary>
    /// What <c>update.begin</c> announces: the version, the application's <c>.pe</c> files with their sizes, the
    /// chunk size and the image MAC (the last link of the <see cref="ImageChain"/> over every chunk, in order,
    /// under the beginning issuer's key). Built by the command parser; checked by <see cref="Check"/>.
    /// </summary>
    public sealed class UpdateManifest
    {
        /// <summary>Files one image may hold.</summary>
        public const int MaxFiles = 16;

        /// <summary>Longest file name (letters, digits, '.', '-', '_').</summary>
        public const int MaxNameLength = 40;

        /// <summary>Longest version string.</summary>
        public const int MaxVersionLength = 32;

        /// <summary>Largest chunk: its base64 in a signed command stays under the 12,288-byte command limit.</summary>
        public const int MaxChunkSize = 8192;

        /// <summary>Smallest chunk.</summary>
        public const int MinChunkSize = 256;

        /// <summary>Largest file (a nanoFramework application's assemblies are tens of kilobytes).</summary>
        public const int MaxFileSize = 1024 * 1024;

        /// <summary>The version being installed, e.g. "1.4.0".</summary>
        public string Version;

        /// <summary>File names, in transfer order.</summary>
        public string[] Names;

        /// <summary>File sizes in bytes, by index of <see cref="Names"/>.</summary>
        public int[] Sizes;

        /// <summary>Bytes per chunk (the last chunk of a file may be shorter).</summary>
        public int ChunkSize;

        /// <summary>The image MAC: 32 bytes.</summary>
        public byte[] ImageMac;

        /// <summary>Total bytes of every file.</summary>
        public long TotalBytes
        {
            get
            {
                long total = 0;
                for (int i = 0; i < Sizes.Length; i++)
                {
                    total += Sizes[i];
                }

                return total;
            }
        }

        /// <summary>Null when the manifest can be taken, else the dotted path of the member at fault (args.…).</summary>
        public string Check()
        {
            if (!IsName(Version, MaxVersionLength))
            {
                return "args.version";
            }

            if (Names == null || Sizes == null || Names.Length == 0 || Names.Length > MaxFiles || Sizes.Length != Names.Length)
            {
                return "args.files";
            }

            for (int i = 0; i < Names.Length; i++)
            {
                if (!IsName(Names[i], MaxNameLength) || Sizes[i] <= 0 || Sizes[i] > MaxFileSize)
                {
                    return "args.files";
                }

                for (int j = 0; j < i; j++)
                {
                    if (Names[j] == Names[i])
                    {
                        return "args.files";
                    }
                }
            }

            if (ChunkSize < MinChunkSize || ChunkSize > MaxChunkSize)
            {
                return "args.chunk";
            }

            if (ImageMac == null || ImageMac.Length != 32)
            {
                return "args.mac";
            }

            return null;
        }

        /// <summary>The chunks of file <paramref name="file"/>.</summary>
        public int ChunksOf(int file)
        {
            return (Sizes[file] + ChunkSize - 1) / ChunkSize;
        }

        /// <summary>The length of the chunk of <paramref name="file"/> at <paramref name="offset"/>.</summary>
        public int ChunkLength(int file, int offset)
        {
            int left = Sizes[file] - offset;
            return left < ChunkSize ? left : ChunkSize;
        }

        private static bool IsName(string s, int max)
        {
            if (s == null || s.Length == 0 || s.Length > max || s == "." || s == "..")
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
