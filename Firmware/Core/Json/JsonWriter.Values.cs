namespace CommuneRadio.Core.Json
{
    /// <summary>Scalar and raw values, and their encoding into the buffer.</summary>
    public sealed partial class JsonWriter
    {
        /// <summary>Writes a string value (<c>null</c> for a null reference).</summary>
        public void WriteString(string value)
        {
            if (BeginValue())
            {
                if (value == null)
                {
                    PutAscii("null");
                }
                else
                {
                    PutString(value);
                }

                EndValue();
            }
        }

        /// <summary>Writes <c>"name":"value"</c>.</summary>
        public void WriteString(string name, string value)
        {
            WritePropertyName(name);
            WriteString(value);
        }

        /// <summary>
        /// Writes <paramref name="count"/> bytes of <paramref name="data"/> as a string without decoding them first: for a
        /// token read from a payload (e.g. a command id, letters, digits and <c>-_.:/</c>), which needs no escaping. A byte
        /// that would (a control character, a quote, a backslash, non-ASCII) makes the writer invalid, as a bad range does.
        /// </summary>
        public void WriteAsciiString(byte[] data, int offset, int count)
        {
            bool plain = Hex.IsRange(data, offset, count);
            for (int i = 0; i < count && plain; i++)
            {
                int b = data[offset + i];
                plain = b >= 0x20 && b < 0x7F && b != '"' && b != '\\';
            }

            if (!plain)
            {
                if (Usable())
                {
                    _invalid = true;
                }

                return;
            }

            if (BeginValue())
            {
                Put((byte)'"');
                for (int i = 0; i < count && !_overflowed; i++)
                {
                    Put(data[offset + i]);
                }

                Put((byte)'"');
                EndValue();
            }
        }

        /// <summary>Writes <c>"name":"…"</c> from plain ASCII bytes (<see cref="WriteAsciiString(byte[], int, int)"/>).</summary>
        public void WriteAsciiString(string name, byte[] data, int offset, int count)
        {
            WritePropertyName(name);
            WriteAsciiString(data, offset, count);
        }

        /// <summary>Writes an integer in decimal. Example: -9223372036854775808 is written in full.</summary>
        public void WriteNumber(long value)
        {
            if (BeginValue())
            {
                PutNumber(value);
                EndValue();
            }
        }

        /// <summary>Writes <c>"name":value</c>.</summary>
        public void WriteNumber(string name, long value)
        {
            WritePropertyName(name);
            WriteNumber(value);
        }

        /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
        public void WriteBoolean(bool value)
        {
            if (BeginValue())
            {
                PutAscii(value ? "true" : "false");
                EndValue();
            }
        }

        /// <summary>Writes <c>"name":true</c> or <c>"name":false</c>.</summary>
        public void WriteBoolean(string name, bool value)
        {
            WritePropertyName(name);
            WriteBoolean(value);
        }

        /// <summary>Writes <c>null</c>.</summary>
        public void WriteNull()
        {
            if (BeginValue())
            {
                PutAscii("null");
                EndValue();
            }
        }

        /// <summary>Writes <c>"name":null</c>.</summary>
        public void WriteNull(string name)
        {
            WritePropertyName(name);
            WriteNull();
        }

        /// <summary>
        /// Writes bytes as a value, unchanged and unchecked: they must be one complete JSON value, e.g. a
        /// signed body whose exact bytes the signature covers (from <see cref="JsonReader.TryGetValueSpan"/>).
        /// An invalid range or an empty one sets <see cref="Invalid"/>.
        /// </summary>
        public void WriteRawValue(byte[] value, int offset, int count)
        {
            if (!Hex.IsRange(value, offset, count) || count == 0)
            {
                if (Usable())
                {
                    _invalid = true;
                }

                return;
            }

            if (BeginValue())
            {
                for (int i = 0; i < count && !_overflowed; i++)
                {
                    Put(value[offset + i]);
                }

                EndValue();
            }
        }

        /// <summary>Writes bytes as a string of lowercase hex digits without allocating. Example: {1, 0xAB} → <c>"01ab"</c>.</summary>
        public void WriteHexString(byte[] data, int offset, int count)
        {
            if (!Hex.IsRange(data, offset, count))
            {
                if (Usable())
                {
                    _invalid = true;
                }

                return;
            }

            if (BeginValue())
            {
                Put((byte)'"');
                for (int i = 0; i < count && !_overflowed; i++)
                {
                    int b = data[offset + i];
                    Put((byte)HexDigits[b >> 4]);
                    Put((byte)HexDigits[b & 0x0F]);
                }

                Put((byte)'"');
                EndValue();
            }
        }

        /// <summary>Writes <c>"name":"hex"</c>.</summary>
        public void WriteHexString(string name, byte[] data, int offset, int count)
        {
            WritePropertyName(name);
            WriteHexString(data, offset, count);
        }

        private void PutAscii(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                Put((byte)s[i]);
            }
        }

        // Sign, then digits from the most significant; the magnitude as ulong covers long.MinValue.
        private void PutNumber(long value)
        {
            ulong m = (ulong)value;
            if (value < 0)
            {
                Put((byte)'-');
                m = (ulong)(-(value + 1)) + 1;
            }

            ulong div = 1;
            while (m / div >= 10)
            {
                div *= 10;
            }

            for (; div > 0; div /= 10)
            {
                Put((byte)('0' + (int)(m / div % 10)));
            }
        }

        private void PutString(string s)
        {
            Put((byte)'"');
            for (int i = 0; i < s.Length && !_overflowed; i++)
            {
                int c = s[i];
                if (c == '"' || c == '\\')
                {
                    Put((byte)'\\');
                    Put((byte)c);
                }
                else if (c < 0x20)
                {
                    PutAscii("\\u00");
                    Put((byte)HexDigits[c >> 4]);
                    Put((byte)HexDigits[c & 0x0F]);
                }
                else if (c < 0x80)
                {
                    Put((byte)c);
                }
                else if (c < 0x800)
                {
                    Put((byte)(0xC0 | (c >> 6)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
                    Put((byte)(0xF0 | (c >> 18)));
                    Put((byte)(0x80 | ((c >> 12) & 0x3F)));
                    Put((byte)(0x80 | ((c >> 6) & 0x3F)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
                else
                {
                    if (c >= 0xD800 && c <= 0xDFFF)
                    {
                        c = 0xFFFD;
                    }

                    Put((byte)(0xE0 | (c >> 12)));
                    Put((byte)(0x80 | ((c >> 6) & 0x3F)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
            }

            Put((byte)'"');
        }
    }
}
