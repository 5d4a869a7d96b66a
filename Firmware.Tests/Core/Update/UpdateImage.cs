using CommuneRadio.Core.Update;

namespace CommuneRadio.Tests.Core.Update
{
    /// <summary>An update image for tests: files of deterministic bytes and the manifest an issuer would sign.</summary>
    public sealed class UpdateImage
    {
        public static readonly byte[] Key = Bytes(32, 7);

        public UpdateImage(string version, int chunkSize, int[] sizes, int seed)
        {
            Version = version;
            ChunkSize = chunkSize;
            Files = new byte[sizes.Length][];
            string[] names = new string[sizes.Length];
            for (int i = 0; i < sizes.Length; i++)
            {
                Files[i] = Bytes(sizes[i], seed + i);
                names[i] = "App" + i + ".pe";
            }

            Manifest = ManifestWith(names, sizes, MacOf(Key));
        }

        public string Version;

        public int ChunkSize;

        public byte[][] Files;

        public UpdateManifest Manifest;

        /// <summary>Chunks in transfer order.</summary>
        public int ChunkCount
        {
            get
            {
                int n = 0;
                for (int f = 0; f < Files.Length; f++)
                {
                    n += (Files[f].Length + ChunkSize - 1) / ChunkSize;
                }

                return n;
            }
        }

        /// <summary>The file and offset of chunk <paramref name="index"/> (transfer order).</summary>
        public void Locate(int index, out int file, out int offset)
        {
            for (file = 0; file < Files.Length; file++)
            {
                int chunks = (Files[file].Length + ChunkSize - 1) / ChunkSize;
                if (index < chunks)
                {
                    offset = index * ChunkSize;
                    return;
                }

                index -= chunks;
            }

            offset = 0;
        }

        public int LengthAt(int file, int offset)
        {
            int left = Files[file].Length - offset;
            return left < ChunkSize ? left : ChunkSize;
        }

        /// <summary>Sends chunk <paramref name="index"/>.</summary>
        public UpdateReason Send(UpdateManager m, int index)
        {
            int file;
            int offset;
            Locate(index, out file, out offset);
            return m.Chunk(Version, "province", Key, file, offset, Files[file], offset, LengthAt(file, offset));
        }

        /// <summary>The image MAC under <paramref name="key"/>: the chain over every chunk in order.</summary>
        public byte[] MacOf(byte[] key)
        {
            ImageChain chain = new ImageChain();
            byte[] link = ImageChain.Start(key, Version);
            for (int f = 0; f < Files.Length; f++)
            {
                for (int offset = 0; offset < Files[f].Length; offset += ChunkSize)
                {
                    link = chain.Next(key, link, f, offset, Files[f], offset, LengthAt(f, offset));
                }
            }

            return link;
        }

        public UpdateManifest ManifestWith(string[] names, int[] sizes, byte[] mac)
        {
            UpdateManifest m = new UpdateManifest();
            m.Version = Version;
            m.Names = names;
            m.Sizes = sizes;
            m.ChunkSize = ChunkSize;
            m.ImageMac = mac;
            return m;
        }

        public static byte[] Bytes(int count, int seed)
        {
            byte[] b = new byte[count];
            uint x = (uint)(seed * 2654435761u + 1);
            for (int i = 0; i < count; i++)
            {
                x = x * 1664525u + 1013904223u;
                b[i] = (byte)(x >> 24);
            }

            return b;
        }
    }
}
