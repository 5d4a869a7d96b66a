namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// Torn-write-safe records on top of a plain <see cref="IStorage"/>. Each record name has two slots,
    /// "{name}.a" and "{name}.b"; saves alternate between them, so the slot not being written always holds
    /// the previous good copy. A slot is:
    /// <code>
    /// offset 0  "CRR1"           magic
    ///        4  u16 format       record format version (the caller's)
    ///        6  u16 reserved     0
    ///        8  u32 sequence     increases with every save of this name
    ///       12  u32 length       payload bytes
    ///       16  payload
    ///  16+len   u32 crc32        over bytes 0 … 16+len-1
    /// </code>
    /// Load reads both slots and takes the valid one with the higher sequence. A write torn at any byte, or a
    /// corrupted slot, fails its length or checksum check and is ignored: the other slot is used.
    /// </summary>
    public sealed class RecordStore
    {
        private const int HeaderLength = 16;

        /// <summary>
        /// Record names whose slot names are kept (a station uses five); the names of any further ones are built at
        /// each save, so a caller saving under ever new names cannot grow the store without bound.
        /// </summary>
        public const int MaxCachedNames = 8;

        private readonly IStorage _storage;
        private byte[] _frame;
        private readonly System.Collections.ArrayList _slotNames = new System.Collections.ArrayList();

        /// <summary>Creates a store over a platform storage.</summary>
        public RecordStore(IStorage storage)
        {
            _storage = storage;
        }

        /// <summary>Record names whose slot names are cached (at most <see cref="MaxCachedNames"/>).</summary>
        public int CachedNames
        {
            get { return _slotNames.Count / 3; }
        }

        /// <summary>The platform storage.</summary>
        public IStorage Storage
        {
            get { return _storage; }
        }

        /// <summary>
        /// Loads the newest valid copy of <paramref name="name"/> written with <paramref name="format"/>.
        /// Returns null when neither slot holds one. <paramref name="sequence"/> is its sequence (0 if none).
        /// </summary>
        public byte[] Load(string name, int format, out int payloadOffset, out int payloadLength, out long sequence)
        {
            byte[] a = _storage.Read(name + ".a");
            byte[] b = _storage.Read(name + ".b");
            long seqA = Validate(a, format);
            long seqB = Validate(b, format);
            sequence = seqA > seqB ? seqA : seqB;
            payloadOffset = HeaderLength;
            if (sequence <= 0)
            {
                payloadLength = 0;
                return null;
            }

            byte[] best = seqA > seqB ? a : b;
            payloadLength = ReadU32(best, 12);
            return best;
        }

        /// <summary>
        /// Saves a record as sequence <paramref name="sequence"/> (the previous sequence + 1) into the slot
        /// the previous save did not use. False when the storage refused the write; the previous copy is intact.
        /// </summary>
        public bool Save(string name, int format, long sequence, byte[] payload, int count)
        {
            // One frame buffer per store, grown when needed: a save allocates nothing on a steady state.
            int length = HeaderLength + count + 4;
            if (_frame == null || _frame.Length < length)
            {
                _frame = new byte[length < 256 ? 256 : length * 2];
            }

            byte[] frame = _frame;
            frame[0] = (byte)'C';
            frame[1] = (byte)'R';
            frame[2] = (byte)'R';
            frame[3] = (byte)'1';
            WriteU32(frame, 4, format & 0xFFFF);
            WriteU32(frame, 8, (int)sequence);
            WriteU32(frame, 12, count);
            System.Array.Copy(payload, 0, frame, HeaderLength, count);
            WriteU32(frame, HeaderLength + count, (int)Crc32.Compute(frame, 0, HeaderLength + count));
            return _storage.Write(SlotName(name, (sequence & 1) == 0), frame, length);
        }

        // "{name}.a" / "{name}.b", built once per record name (a handful) instead of on every save.
        private string SlotName(string name, bool a)
        {
            for (int i = 0; i < _slotNames.Count; i += 3)
            {
                if ((string)_slotNames[i] == name)
                {
                    return (string)_slotNames[a ? i + 1 : i + 2];
                }
            }

            if (_slotNames.Count >= MaxCachedNames * 3)
            {
                return a ? name + ".a" : name + ".b";
            }

            _slotNames.Add(name);
            _slotNames.Add(name + ".a");
            _slotNames.Add(name + ".b");
            return (string)_slotNames[_slotNames.Count - (a ? 2 : 1)];
        }

        // Sequence of a valid slot, or 0.
        private static long Validate(byte[] slot, int format)
        {
            if (slot == null || slot.Length < HeaderLength + 4 || slot[0] != 'C' || slot[1] != 'R' || slot[2] != 'R' || slot[3] != '1')
            {
                return 0;
            }

            if ((ReadU32(slot, 4) & 0xFFFF) != (format & 0xFFFF))
            {
                return 0;
            }

            int length = ReadU32(slot, 12);
            if (length < 0 || slot.Length != HeaderLength + length + 4)
            {
                return 0;
            }

            uint crc = (uint)ReadU32(slot, HeaderLength + length);
            if (crc != Crc32.Compute(slot, 0, HeaderLength + length))
            {
                return 0;
            }

            return (uint)ReadU32(slot, 8);
        }

        private static int ReadU32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        private static void WriteU32(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }
    }
}
