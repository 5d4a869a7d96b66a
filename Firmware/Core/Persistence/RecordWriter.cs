namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// Little-endian binary writer into a growing buffer, for persisted records. Strings are UTF-8 with a
    /// 16-bit length prefix; null is written as length 0xFFFF.
    /// </summary>
    public sealed class RecordWriter
    {
        private byte[] _buffer;
        private int _length;

        /// <summary>Creates a writer with an initial capacity.</summary>
        public RecordWriter(int capacity)
        {
            _buffer = new byte[capacity < 16 ? 16 : capacity];
        }

        /// <summary>The bytes written so far (the array may be longer: use <see cref="Length"/>).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes written.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Starts over, keeping the buffer.</summary>
        public void Reset()
        {
            _length = 0;
        }

        /// <summary>Writes one byte.</summary>
        public void WriteByte(int value)
        {
            Ensure(1);
            _buffer[_length++] = (byte)value;
        }

        /// <summary>Writes a bool as one byte.</summary>
        public void WriteBool(bool value)
        {
            WriteByte(value ? 1 : 0);
        }

        /// <summary>Writes 4 bytes.</summary>
        public void WriteInt32(int value)
        {
            Ensure(4);
            for (int i = 0; i < 4; i++)
            {
                _buffer[_length++] = (byte)(value >> (8 * i));
            }
        }

        /// <summary>Writes 8 bytes.</summary>
        public void WriteInt64(long value)
        {
            Ensure(8);
            for (int i = 0; i < 8; i++)
            {
                _buffer[_length++] = (byte)(value >> (8 * i));
            }
        }

        /// <summary>Writes a length-prefixed UTF-8 string (null allowed).</summary>
        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteByte(0xFF);
                WriteByte(0xFF);
                return;
            }

            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(value);
            int n = utf8.Length > 0xFFFE ? 0xFFFE : utf8.Length;
            WriteByte(n & 0xFF);
            WriteByte(n >> 8);
            WriteBytes(utf8, 0, n);
        }

        /// <summary>Writes raw bytes.</summary>
        public void WriteBytes(byte[] data, int offset, int count)
        {
            Ensure(count);
            System.Array.Copy(data, offset, _buffer, _length, count);
            _length += count;
        }

        /// <summary>Overwrites 4 bytes at an earlier position (for lengths and checksums).</summary>
        public void PatchInt32(int at, int value)
        {
            for (int i = 0; i < 4; i++)
            {
                _buffer[at + i] = (byte)(value >> (8 * i));
            }
        }

        private void Ensure(int more)
        {
            if (_length + more <= _buffer.Length)
            {
                return;
            }

            int size = _buffer.Length * 2;
            while (size < _length + more)
            {
                size *= 2;
            }

            byte[] bigger = new byte[size];
            System.Array.Copy(_buffer, bigger, _length);
            _buffer = bigger;
        }
    }
}
