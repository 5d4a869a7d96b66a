namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// Hexadecimal text for signatures and digests: writes lowercase, reads either case, and validates
    /// without throwing. Examples: {0x00, 0xAB, 0x7F} ↔ "00ab7f"; "00AB7F" also reads; "0ab" (odd length)
    /// and "0g" (not a hex digit) are refused.
    /// </summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Lowercase hex of the whole array ("" for null or empty).</summary>
        public static string ToHex(byte[] data)
        {
            return data == null ? string.Empty : ToHex(data, 0, data.Length);
        }

        /// <summary>Lowercase hex of <paramref name="count"/> bytes from <paramref name="offset"/>; "" when the range is not inside the array.</summary>
        public static string ToHex(byte[] data, int offset, int count)
        {
            if (!IsRange(data, offset, count) || count == 0)
            {
                return string.Empty;
            }

            char[] chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int b = data[offset + i];
                chars[2 * i] = Digits[b >> 4];
                chars[2 * i + 1] = Digits[b & 0x0F];
            }

            return new string(chars);
        }

        /// <summary>
        /// Writes <c>2 × count</c> lowercase ASCII hex digits into <paramref name="dest"/> at
        /// <paramref name="destOffset"/> without allocating; false (nothing written) when a range is invalid or too small.
        /// </summary>
        public static bool TryEncode(byte[] data, int offset, int count, byte[] dest, int destOffset)
        {
            if (!IsRange(data, offset, count) || !IsRange(dest, destOffset, 2 * count))
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                int b = data[offset + i];
                dest[destOffset + 2 * i] = (byte)Digits[b >> 4];
                dest[destOffset + 2 * i + 1] = (byte)Digits[b & 0x0F];
            }

            return true;
        }

        /// <summary>
        /// Decodes hex text into a new array. False (and null) for null, odd length or a non-hex character;
        /// "" gives an empty array.
        /// </summary>
        public static bool TryParse(string hex, out byte[] bytes)
        {
            bytes = null;
            if (hex == null || (hex.Length & 1) != 0)
            {
                return false;
            }

            byte[] result = new byte[hex.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                int hi = DigitValue(hex[2 * i]);
                int lo = DigitValue(hex[2 * i + 1]);
                if (hi < 0 || lo < 0)
                {
                    return false;
                }

                result[i] = (byte)((hi << 4) | lo);
            }

            bytes = result;
            return true;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> ASCII hex digits (e.g. a string token of a <see cref="JsonReader"/>,
        /// via TokenStart and TokenLength) into <paramref name="dest"/> without allocating. False for an invalid
        /// range, odd count, a non-hex byte or too little room; <paramref name="dest"/> may then be partly written.
        /// </summary>
        public static bool TryDecode(byte[] ascii, int offset, int count, byte[] dest, int destOffset, out int written)
        {
            written = 0;
            if (!IsRange(ascii, offset, count) || (count & 1) != 0 || !IsRange(dest, destOffset, count / 2))
            {
                return false;
            }

            for (int i = 0; i < count / 2; i++)
            {
                int hi = DigitValue(ascii[offset + 2 * i]);
                int lo = DigitValue(ascii[offset + 2 * i + 1]);
                if (hi < 0 || lo < 0)
                {
                    return false;
                }

                dest[destOffset + i] = (byte)((hi << 4) | lo);
            }

            written = count / 2;
            return true;
        }

        /// <summary>The value of one hex digit ('0'..'9', 'a'..'f', 'A'..'F'), or -1.</summary>
        public static int DigitValue(int c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        // Overflow-safe: offset + count is never computed before both are known to be in range.
        internal static bool IsRange(byte[] array, int offset, int count)
        {
            return array != null && offset >= 0 && count >= 0 && offset <= array.Length && count <= array.Length - offset;
        }
    }
}
