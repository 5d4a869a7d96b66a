using System.Text;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// Hostile JSON-ish values for fuzzing: nesting up to 1000 levels, huge and malformed numbers, 10 KB
    /// strings, invalid UTF-8 (overlong, encoded surrogates, truncated, 0xFF, beyond U+10FFFF), lone surrogate
    /// and broken escapes, NUL bytes, long arrays and objects of repeated members.
    /// Randomness comes from the caller's <see cref="PayloadFuzzer"/>, so a payload is rebuilt from its seed.
    /// </summary>
    public static class HostileJson
    {
        private static readonly string[] Numbers =
        {
            "99999999999999999999999", "1e999999", "-1e999999", "1E-999999", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "2147483647", "2147483648", "-2147483649", "4294967296",
            "18446744073709551616", "0.5", "1.0", "1E+2", "-0", "0", "00", "01", "1.", ".1", "-", "1e", "+1", "1e1",
            "123456789012345678901234567890123456789012345678901234567890", "0x10", "NaN", "Infinity",
        };

        private static readonly byte[][] BadUtf8 =
        {
            new byte[] { 0xC0, 0xAF }, new byte[] { 0xC1, 0xBF }, new byte[] { 0xE0, 0x80, 0xAF }, new byte[] { 0xF0, 0x80, 0x80, 0xAF },
            new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xED, 0xBF, 0xBF }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98 },
            new byte[] { 0xFF }, new byte[] { 0xFE }, new byte[] { 0x80 }, new byte[] { 0xBF }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0xC2 }, new byte[] { 0x00 }, new byte[] { 0xEF, 0xBF, 0xBE },
        };

        private static readonly string[] Escapes =
        {
            "\\ud800", "\\udc00", "\\udbff", "\\ud800\\u0041", "\\ud800\\ud800", "\\udc00\\ud800", "\\ud83d\\ude00", "\\u0000",
            "\\uZZZZ", "\\u12", "\\x41", "\\", "\\U0041", "\\u00e9", "\\/", "\\\"",
        };

        /// <summary>A hostile JSON-ish value: deep nesting, huge number, long or invalid string, NUL…</summary>
        public static byte[] Fragment(PayloadFuzzer f)
        {
            switch (f.Next(11))
            {
                case 0:
                    return Nest(f, "[", "]", Depth(f));
                case 1:
                    return Nest(f, "{\"a\":", "}", Depth(f));
                case 2:
                    return Nest(f, f.Next(2) == 0 ? "[{\"args\":" : "{\"body\":[", f.Next(2) == 0 ? "}]" : "]}", Depth(f));
                case 3:
                    return PayloadFuzzer.Ascii(Numbers[f.Next(Numbers.Length)]);
                case 4:
                    return LongString(f, 10240 + f.Next(64));
                case 5:
                    return PayloadFuzzer.Concat(PayloadFuzzer.Concat(PayloadFuzzer.Ascii("\"ab"), BadUtf8[f.Next(BadUtf8.Length)]), PayloadFuzzer.Ascii("cd\""));
                case 6:
                    return PayloadFuzzer.Ascii("\"x" + Escapes[f.Next(Escapes.Length)] + "y\"");
                case 7:
                    return f.Next(2) == 0 ? new byte[] { (byte)'"', (byte)'a', 0, (byte)'b', (byte)'"' } : new byte[] { 0 };
                case 8:
                    return Repeat("[", "1,", "1]", f.Next(3000) + 1);
                case 9:
                    return Repeat("{", "\"a\":1,", "\"a\":1}", f.Next(300) + 1);
                default:
                    string[] odd = { "true", "false", "null", "{}", "[]", "\"\"", "\"st/ht-ab-001\"", "[[]]", "{\"\":{}}", " ", "" };
                    return PayloadFuzzer.Ascii(odd[f.Next(odd.Length)]);
            }
        }

        private static int Depth(PayloadFuzzer f)
        {
            return f.Next(3) == 0 ? 1 + f.Next(1000) : 1 + f.Next(12);
        }

        // open × d, a leaf, close × d (sometimes one short: unbalanced).
        private static byte[] Nest(PayloadFuzzer f, string open, string close, int d)
        {
            int closes = f.Next(8) == 0 ? d - 1 : d;
            StringBuilder sb = new StringBuilder(d * (open.Length + close.Length) + 4);
            for (int i = 0; i < d; i++)
            {
                sb.Append(open);
            }

            sb.Append('1');
            for (int i = 0; i < closes; i++)
            {
                sb.Append(close);
            }

            return PayloadFuzzer.Ascii(sb.ToString());
        }

        private static byte[] Repeat(string head, string middle, string tail, int n)
        {
            StringBuilder sb = new StringBuilder(head.Length + middle.Length * n + tail.Length);
            sb.Append(head);
            for (int i = 0; i < n; i++)
            {
                sb.Append(middle);
            }

            sb.Append(tail);
            return PayloadFuzzer.Ascii(sb.ToString());
        }

        private static byte[] LongString(PayloadFuzzer f, int length)
        {
            byte[] s = new byte[length + 2];
            s[0] = (byte)'"';
            s[s.Length - 1] = (byte)'"';
            string alphabet = f.Next(2) == 0 ? "a" : "abcdefghijklmnopqrstuvwxyz0123456789-._:/";
            for (int i = 1; i <= length; i++)
            {
                s[i] = (byte)alphabet[f.Next(alphabet.Length)];
            }

            return s;
        }

        /// <summary>A huge, boundary or malformed number.</summary>
        public static byte[] Number(PayloadFuzzer f)
        {
            return PayloadFuzzer.Ascii(Numbers[f.Next(Numbers.Length)]);
        }
    }
}
