namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// 32-bit FNV-1a digest of a schedule, so a server can tell at a glance whether a station holds the
    /// schedule it sent. Items are hashed in id order as canonical text lines, UTF-8 encoded:
    /// <c>id|kind|day|daysMask|startSecond|durationSeconds|validFrom|validUntil|class|level|issuer|lines|source\n</c>
    /// with enums and numbers in decimal. Example: the empty schedule is 0x811C9DC5 ("811c9dc5"). Test vectors:
    /// docs/protocol-vectors.json, "digests".
    /// </summary>
    public static class ScheduleDigest
    {
        /// <summary>FNV-1a offset basis: the digest of an empty schedule.</summary>
        public const uint Empty = 2166136261;

        private const uint Prime = 16777619;

        /// <summary>Folds one item into a running digest.</summary>
        public static uint Add(uint h, ScheduleItem item)
        {
            h = AddText(h, item.Id);
            h = AddInt(AddSep(h), (int)item.Kind);
            h = AddInt(AddSep(h), item.Day);
            h = AddInt(AddSep(h), item.DaysMask);
            h = AddInt(AddSep(h), item.StartSecond);
            h = AddInt(AddSep(h), item.DurationSeconds);
            h = AddInt(AddSep(h), item.ValidFromDay);
            h = AddInt(AddSep(h), item.ValidUntilDay);
            h = AddInt(AddSep(h), (int)item.Class);
            h = AddInt(AddSep(h), (int)item.Level);
            h = AddText(AddSep(h), item.Issuer);
            h = AddInt(AddSep(h), item.Lines);
            h = AddInt(AddSep(h), item.Source);
            return AddByte(h, (byte)'\n');
        }

        private static uint AddSep(uint h)
        {
            return AddByte(h, (byte)'|');
        }

        private static uint AddByte(uint h, byte b)
        {
            return unchecked((h ^ b) * Prime);
        }

        // UTF-8 without allocating an encoded copy. A null string adds nothing (as ""); an unpaired surrogate is
        // encoded as U+FFFD, as .NET's Encoding.UTF8 and RecordWriter do.
        private static uint AddText(uint h, string s)
        {
            if (s == null)
            {
                return h;
            }

            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (IsHigh(c) && i + 1 < s.Length && IsLow(s[i + 1]))
                {
                    c = 0x10000 + (((c & 0x3FF) << 10) | (s[i + 1] & 0x3FF));
                    i++;
                }
                else if (IsHigh(c) || IsLow(c))
                {
                    c = 0xFFFD;
                }

                if (c < 0x80)
                {
                    h = AddByte(h, (byte)c);
                }
                else if (c < 0x800)
                {
                    h = AddByte(h, (byte)(0xC0 | (c >> 6)));
                    h = AddByte(h, (byte)(0x80 | (c & 0x3F)));
                }
                else if (c < 0x10000)
                {
                    h = AddByte(h, (byte)(0xE0 | (c >> 12)));
                    h = AddByte(h, (byte)(0x80 | ((c >> 6) & 0x3F)));
                    h = AddByte(h, (byte)(0x80 | (c & 0x3F)));
                }
                else
                {
                    h = AddByte(h, (byte)(0xF0 | (c >> 18)));
                    h = AddByte(h, (byte)(0x80 | ((c >> 12) & 0x3F)));
                    h = AddByte(h, (byte)(0x80 | ((c >> 6) & 0x3F)));
                    h = AddByte(h, (byte)(0x80 | (c & 0x3F)));
                }
            }

            return h;
        }

        private static bool IsHigh(int c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLow(int c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }

        private static uint AddInt(uint h, int value)
        {
            long v = value;
            if (v < 0)
            {
                h = AddByte(h, (byte)'-');
                v = -v;
            }

            long div = 1;
            while (div * 10 <= v)
            {
                div *= 10;
            }

            for (; div > 0; div /= 10)
            {
                h = AddByte(h, (byte)('0' + (v / div) % 10));
            }

            return h;
        }
    }
}
