namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// String validation for <see cref="JsonReader"/>: escapes and UTF-8 are checked in place, without
    /// allocating, once, when the token is read; later decoding (<see cref="JsonText"/>) can then trust the
    /// bytes. Every index is checked against <c>end</c> before it is read, so hostile input cannot throw.
    /// </summary>
    internal static class JsonScanner
    {
        /// <summary>
        /// Validates a string body starting just after its opening quote. On success <paramref name="close"/>
        /// is the index of the closing quote, <paramref name="chars"/> the decoded length in UTF-16 units
        /// and <paramref name="escaped"/> whether any backslash occurred.
        /// Examples: <c>ab"</c> → close 2, chars 2; <c>\u00e9"</c> → chars 1; <c>\ud83d\ude00"</c> → chars 2;
        /// <c>\ud83d"</c> → InvalidEscape at the backslash; bytes C0 80 → InvalidUtf8 at the C0.
        /// </summary>
        internal static JsonError ScanString(byte[] b, int p, int end, out int close, out int chars, out bool escaped, out int errorPos)
        {
            close = -1;
            chars = 0;
            escaped = false;
            errorPos = 0;
            while (p < end)
            {
                int c = b[p];
                if (c == '"')
                {
                    close = p;
                    return JsonError.None;
                }

                if (c < 0x20)
                {
                    errorPos = p;
                    return JsonError.InvalidString;
                }

                int length;
                JsonError e;
                if (c == '\\')
                {
                    escaped = true;
                    e = ScanEscape(b, p, end, out length);
                    chars += length == 12 ? 2 : 1;
                }
                else if (c < 0x80)
                {
                    e = JsonError.None;
                    length = 1;
                    chars++;
                }
                else
                {
                    e = ScanUtf8(b, p, end, out length);
                    chars += length == 4 ? 2 : 1;
                }

                if (e != JsonError.None)
                {
                    errorPos = e == JsonError.UnexpectedEnd ? end : p;
                    return e;
                }

                p += length;
            }

            errorPos = end;
            return JsonError.UnexpectedEnd;
        }

        // One escape at the backslash p: 2 bytes (\n), 6 (\u00e9) or 12 (a \uD83D\uDE00 surrogate pair).
        private static JsonError ScanEscape(byte[] b, int p, int end, out int length)
        {
            length = 0;
            if (p + 1 >= end)
            {
                return JsonError.UnexpectedEnd;
            }

            switch (b[p + 1])
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                case (byte)'b':
                case (byte)'f':
                case (byte)'n':
                case (byte)'r':
                case (byte)'t':
                    length = 2;
                    return JsonError.None;
                case (byte)'u':
                    break;
                default:
                    return JsonError.InvalidEscape;
            }

            int u = Hex4(b, p + 2, end);
            if (u < 0)
            {
                return u == -2 ? JsonError.UnexpectedEnd : JsonError.InvalidEscape;
            }

            if (u >= 0xDC00 && u <= 0xDFFF)
            {
                return JsonError.InvalidEscape;
            }

            if (u < 0xD800 || u > 0xDBFF)
            {
                length = 6;
                return JsonError.None;
            }

            // A high surrogate must be followed at once by an escaped low surrogate.
            for (int i = 6; i < 8; i++)
            {
                if (p + i >= end)
                {
                    return JsonError.UnexpectedEnd;
                }

                if (b[p + i] != (i == 6 ? '\\' : 'u'))
                {
                    return JsonError.InvalidEscape;
                }
            }

            int low = Hex4(b, p + 8, end);
            if (low == -2)
            {
                return JsonError.UnexpectedEnd;
            }

            if (low < 0xDC00 || low > 0xDFFF)
            {
                return JsonError.InvalidEscape;
            }

            length = 12;
            return JsonError.None;
        }

        /// <summary>Four hex digits at p: the value, -1 for a non-hex digit, -2 when the input ends first.</summary>
        internal static int Hex4(byte[] b, int p, int end)
        {
            int v = 0;
            for (int i = 0; i < 4; i++)
            {
                if (p + i >= end)
                {
                    return -2;
                }

                int d = Hex.DigitValue(b[p + i]);
                if (d < 0)
                {
                    return -1;
                }

                v = (v << 4) | d;
            }

            return v;
        }

        // One multi-byte UTF-8 sequence at lead byte p (>= 0x80), per RFC 3629's table: C2..DF 1 tail;
        // E0 A0..BF; E1..EC 2 tails; ED 80..9F (no surrogates); EE..EF; F0 90..BF; F1..F3 3 tails; F4 80..8F.
        private static JsonError ScanUtf8(byte[] b, int p, int end, out int length)
        {
            length = 0;
            int c = b[p];
            int tails;
            int min = 0x80;
            int max = 0xBF;
            if (c < 0xC2)
            {
                return JsonError.InvalidUtf8;
            }
            else if (c < 0xE0)
            {
                tails = 1;
            }
            else if (c < 0xF0)
            {
                tails = 2;
                min = c == 0xE0 ? 0xA0 : 0x80;
                max = c == 0xED ? 0x9F : 0xBF;
            }
            else if (c < 0xF5)
            {
                tails = 3;
                min = c == 0xF0 ? 0x90 : 0x80;
                max = c == 0xF4 ? 0x8F : 0xBF;
            }
            else
            {
                return JsonError.InvalidUtf8;
            }

            for (int i = 1; i <= tails; i++)
            {
                if (p + i >= end)
                {
                    return JsonError.UnexpectedEnd;
                }

                int t = b[p + i];
                if (t < min || t > max)
                {
                    return JsonError.InvalidUtf8;
                }

                min = 0x80;
                max = 0xBF;
            }

            length = tails + 1;
            return JsonError.None;
        }
    }
}
