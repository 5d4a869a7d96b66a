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

        /// <summary>Writes a length-prefixed UTF-8 string (null allowed), encoding in place without a temporary copy.</summary>
        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteByte(0xFF);
                WriteByte(0xFF);
                return;
            }

            int lengthAt = _length;
            WriteByte(0);
            WriteByte(0);
            for (int i = 0; i < value.Length; i++)
            {
                int c = value[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < value.Length && value[i + 1] >= 0xDC00 && value[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (value[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }

                if (c < 0x80)
                {
                    WriteByte(c);
                }
                else if (c < 0x800)
                {
                    WriteByte(0xC0 | (c >> 6));
                    WriteByte(0x80 | (c & 0x3F));
                }
                else if (c < 0x10000)
                {
                    WriteByte(0xE0 | (c >> 12));
                    WriteByte(0x80 | ((c >> 6) & 0x3F));
                    WriteByte(0x80 | (c & 0x3F));
                }
                else
                {
                    WriteByte(0xF0 | (c >> 18));
                    WriteByte(0x80 | ((c >> 12) & 0x3F));
                    WriteByte(0x80 | ((c >> 6) & 0x3F));
                    WriteByte(0x80 | (c & 0x3F));
                }
            }

            int n = _length - lengthAt - 2;
            if (n > 0xFFFE)
            {
                // Longer than a record string may be: keep it valid by cutting at the limit (never reached:
                // the codecs only write bounded ids, names and scopes).
                _length = lengthAt + 2 + 0xFFFE;
                n = 0xFFFE;
            }

            _buffer[lengthAt] = (byte)(n & 0xFF);
            _buffer[lengthAt + 1] = (byte)(n >> 8);
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
