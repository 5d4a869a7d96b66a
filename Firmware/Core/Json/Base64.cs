namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// Decodes standard base64 (RFC 4648 §4: A–Z a–z 0–9 + /, '=' padding, no line breaks) straight from the bytes of a
    /// JSON string into a caller's buffer: an <c>update.chunk</c>'s <c>data</c> (docs/protocol.md §8).
    /// nanoFramework's mscorlib 1.17.11 has <c>Convert.FromBase64String(string)</c> and
    /// <c>FromBase64CharArray(char[], int, int)</c>, but both need the text as a string or char array first and return a
    /// new array: for an 8 KiB chunk that is about 11 K characters plus 8 KiB on a heap of about 100 KB, per chunk.
    /// This reads the payload in place and writes into one reused buffer, so a chunk costs no allocation here.
    /// <code>
    /// "TWFu"      >> 4d 61 6e        (3 bytes)
    /// "TWE="      >> 4d 61           (2 bytes)
    /// "TQ=="      >> 4d              (1 byte)
    /// "TQ="       >> false           (length not a multiple of 4)
    /// "TR=="      >> false           (bits after the last byte not zero: not the canonical encoding)
    /// </code>
    /// </summary>
    public static class Base64
    {
        /// <summary>The number of bytes the <paramref name="count"/> base64 characters at <paramref name="offset"/> decode to, or -1 when that is not a multiple of 4.</summary>
        public static int DecodedLength(byte[] ascii, int offset, int count)
        {
            if (count % 4 != 0)
            {
                return -1;
            }

            if (count == 0)
            {
                return 0;
            }

            int pad = ascii[offset + count - 1] == '=' ? (ascii[offset + count - 2] == '=' ? 2 : 1) : 0;
            return count / 4 * 3 - pad;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> characters at <paramref name="offset"/> of <paramref name="ascii"/> into
        /// <paramref name="dest"/> from <paramref name="destOffset"/>. False (and <paramref name="written"/> 0) on any
        /// character outside the alphabet, misplaced padding, non-zero trailing bits, or too little room.
        /// </summary>
        public static bool TryDecode(byte[] ascii, int offset, int count, byte[] dest, int destOffset, out int written)
        {
            written = 0;
            int length = DecodedLength(ascii, offset, count);
            if (length < 0 || destOffset < 0 || destOffset + length > dest.Length)
            {
                return false;
            }

            int o = destOffset;
            int end = offset + count;
            for (int i = offset; i < end; i += 4)
            {
                bool last = i + 4 == end;
                int a = Value(ascii[i]);
                int b = Value(ascii[i + 1]);
                int c = last && ascii[i + 2] == '=' && ascii[i + 3] == '=' ? -2 : Value(ascii[i + 2]);
                int d = last && ascii[i + 3] == '=' ? -2 : Value(ascii[i + 3]);
                if (a < 0 || b < 0 || c == -1 || d == -1)
                {
                    return false;
                }

                dest[o++] = (byte)((a << 2) | (b >> 4));
                if (c == -2)
                {
                    if ((b & 0x0F) != 0)
                    {
                        return false;
                    }

                    break;
                }

                dest[o++] = (byte)(((b & 0x0F) << 4) | (c >> 2));
                if (d == -2)
                {
                    if ((c & 0x03) != 0)
                    {
                        return false;
                    }

                    break;
                }

                dest[o++] = (byte)(((c & 0x03) << 6) | d);
            }

            written = o - destOffset;
            return true;
        }

        private static int Value(byte c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            return c == '+' ? 62 : c == '/' ? 63 : -1;
        }
    }
}
