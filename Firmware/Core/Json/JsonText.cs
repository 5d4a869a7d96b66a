namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// Decoding of string tokens that <see cref="JsonScanner.ScanString"/> accepted: escapes, surrogate
    /// pairs and UTF-8 to code points, compared in place or copied into a new string of known length.
    /// </summary>
    internal static class JsonText
    {
        /// <summary>
        /// Decodes the code point at <paramref name="p"/> of a string body that <see cref="JsonScanner.ScanString"/>
        /// accepted, and moves <paramref name="p"/> past it. Example: <c>\ud83d\ude00</c> → 0x1F600, p += 12.
        /// </summary>
        internal static int NextCodePoint(byte[] b, ref int p)
        {
            int c = b[p];
            if (c == '\\')
            {
                int e = b[p + 1];
                p += 2;
                switch (e)
                {
                    case 'b': return 0x08;
                    case 'f': return 0x0C;
                    case 'n': return 0x0A;
                    case 'r': return 0x0D;
                    case 't': return 0x09;
                    case 'u': break;
                    default: return e;
                }

                int u = JsonScanner.Hex4(b, p, p + 4);
                p += 4;
                if (u >= 0xD800 && u <= 0xDBFF)
                {
                    int low = JsonScanner.Hex4(b, p + 2, p + 6);
                    p += 6;
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                }

                return u;
            }

            if (c < 0x80)
            {
                p++;
                return c;
            }

            if (c < 0xE0)
            {
                c = ((c & 0x1F) << 6) | (b[p + 1] & 0x3F);
                p += 2;
                return c;
            }

            if (c < 0xF0)
            {
                c = ((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F);
                p += 3;
                return c;
            }

            c = ((c & 0x07) << 18) | ((b[p + 1] & 0x3F) << 12) | ((b[p + 2] & 0x3F) << 6) | (b[p + 3] & 0x3F);
            p += 4;
            return c;
        }

        /// <summary>
        /// True when the <paramref name="chars"/>-unit string body in [start, end) equals <paramref name="text"/>
        /// (ordinal). A surrogate pair in the text is compared as one code point, a lone surrogate never matches.
        /// </summary>
        internal static bool Equals(byte[] b, int start, int end, int chars, string text)
        {
            if (text == null || chars != text.Length)
            {
                return false;
            }

            int p = start;
            int i = 0;
            while (p < end)
            {
                if (i >= text.Length)
                {
                    return false;
                }

                int cp = NextCodePoint(b, ref p);
                int c = text[i++];
                if (c >= 0xD800 && c <= 0xDBFF && i < text.Length && text[i] >= 0xDC00 && text[i] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[i++] - 0xDC00);
                }

                if (c != cp)
                {
                    return false;
                }
            }

            return i == text.Length;
        }

        /// <summary>Decodes the string body in [start, end), known to be <paramref name="chars"/> UTF-16 units long.</summary>
        internal static string Decode(byte[] b, int start, int end, int chars)
        {
            if (chars == 0)
            {
                return string.Empty;
            }

            char[] result = new char[chars];
            int p = start;
            int n = 0;
            while (p < end)
            {
                int cp = NextCodePoint(b, ref p);
                if (cp >= 0x10000)
                {
                    result[n++] = (char)(0xD800 + ((cp - 0x10000) >> 10));
                    result[n++] = (char)(0xDC00 + ((cp - 0x10000) & 0x3FF));
                }
                else
                {
                    result[n++] = (char)cp;
                }
            }

            return new string(result);
        }
    }
}
