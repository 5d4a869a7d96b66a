namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// Bounds-checked reader for records written by <see cref="RecordWriter"/>. A read past the end sets
    /// <see cref="Failed"/> and returns zero/null instead of throwing, so a corrupt record is simply refused.
    /// </summary>
    public sealed class RecordReader
    {
        private readonly byte[] _data;
        private readonly int _end;
        private int _pos;

        /// <summary>Reads <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public RecordReader(byte[] data, int offset, int count)
        {
            _data = data;
            _pos = offset;
            _end = offset + count;
        }

        /// <summary>True once any read ran past the end or found an invalid value.</summary>
        public bool Failed { get; private set; }

        /// <summary>True when every byte has been read.</summary>
        public bool AtEnd
        {
            get { return _pos == _end; }
        }

        /// <summary>Marks the record invalid (a value out of range).</summary>
        public void Fail()
        {
            Failed = true;
        }

        /// <summary>Reads one byte.</summary>
        public int ReadByte()
        {
            if (!Has(1))
            {
                return 0;
            }

            return _data[_pos++];
        }

        /// <summary>Reads a bool.</summary>
        public bool ReadBool()
        {
            int b = ReadByte();
            if (b > 1)
            {
                Failed = true;
            }

            return b == 1;
        }

        /// <summary>Reads 4 bytes.</summary>
        public int ReadInt32()
        {
            if (!Has(4))
            {
                return 0;
            }

            int v = 0;
            for (int i = 0; i < 4; i++)
            {
                v |= _data[_pos++] << (8 * i);
            }

            return v;
        }

        /// <summary>Reads 8 bytes.</summary>
        public long ReadInt64()
        {
            if (!Has(8))
            {
                return 0;
            }

            long v = 0;
            for (int i = 0; i < 8; i++)
            {
                v |= (long)_data[_pos++] << (8 * i);
            }

            return v;
        }

        /// <summary>Reads a length-prefixed UTF-8 string of at most <paramref name="maxBytes"/> bytes.</summary>
        public string ReadString(int maxBytes)
        {
            int n = ReadByte() | (ReadByte() << 8);
            if (n == 0xFFFF || Failed)
            {
                return null;
            }

            if (n > maxBytes || !Has(n))
            {
                Failed = true;
                return null;
            }

            string s = new string(System.Text.Encoding.UTF8.GetChars(_data, _pos, n));
            _pos += n;
            return s;
        }

        /// <summary>Reads <paramref name="count"/> raw bytes into a new array.</summary>
        public byte[] ReadBytes(int count)
        {
            if (count < 0 || !Has(count))
            {
                Failed = true;
                return null;
            }

            byte[] b = new byte[count];
            System.Array.Copy(_data, _pos, b, 0, count);
            _pos += count;
            return b;
        }

        private bool Has(int n)
        {
            if (Failed || _pos + n > _end)
            {
                Failed = true;
                return false;
            }

            return true;
        }
    }
}
