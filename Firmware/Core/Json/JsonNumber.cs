namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// Number grammar and integer conversion for <see cref="JsonReader"/>, in place and without allocating.
    /// </summary>
    internal static class JsonNumber
    {
        /// <summary>
        /// Validates a number at <paramref name="p"/>: <c>-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?</c>,
        /// which must not run on into a digit, letter, <c>.</c>, <c>+</c> or <c>-</c>.
        /// Examples: <c>-12</c> integer; <c>0.5e-3</c> not integer; <c>01</c> InvalidNumber at the 1; <c>1.</c> at end UnexpectedEnd.
        /// </summary>
        internal static JsonError Scan(byte[] b, int p, int end, out int next, out bool integer, out int errorPos)
        {
            next = p;
            integer = true;
            errorPos = 0;
            if (b[p] == '-')
            {
                p++;
            }

            if (p >= end)
            {
                errorPos = end;
                return JsonError.UnexpectedEnd;
            }

            if (b[p] == '0')
            {
                p++;
            }
            else if (IsDigit(b[p]))
            {
                p = SkipDigits(b, p, end);
            }
            else
            {
                errorPos = p;
                return JsonError.InvalidNumber;
            }

            if (p < end && b[p] == '.')
            {
                integer = false;
                if (!Digits(b, p + 1, end, out p, out errorPos))
                {
                    return errorPos == end ? JsonError.UnexpectedEnd : JsonError.InvalidNumber;
                }
            }

            if (p < end && (b[p] == 'e' || b[p] == 'E'))
            {
                integer = false;
                p++;
                if (p < end && (b[p] == '+' || b[p] == '-'))
                {
                    p++;
                }

                if (!Digits(b, p, end, out p, out errorPos))
                {
                    return errorPos == end ? JsonError.UnexpectedEnd : JsonError.InvalidNumber;
                }
            }

            if (p < end)
            {
                int c = b[p];
                if (IsDigit(c) || c == '.' || c == '+' || c == '-' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                {
                    errorPos = p;
                    return JsonError.InvalidNumber;
                }
            }

            next = p;
            return JsonError.None;
        }

        // One or more digits at p; on failure errorPos is p (or end when there is nothing left).
        private static bool Digits(byte[] b, int p, int end, out int next, out int errorPos)
        {
            next = p;
            errorPos = p;
            if (p >= end || !IsDigit(b[p]))
            {
                return false;
            }

            next = SkipDigits(b, p, end);
            return true;
        }

        private static int SkipDigits(byte[] b, int p, int end)
        {
            while (p < end && IsDigit(b[p]))
            {
                p++;
            }

            return p;
        }

        internal static bool IsDigit(int c)
        {
            return c >= '0' && c <= '9';
        }

        /// <summary>
        /// Parses a number token that <see cref="Scan"/> accepted as an integer. Examples: "-0" → 0;
        /// "-9223372036854775808" → long.MinValue; "9223372036854775808" → false (overflow).
        /// </summary>
        internal static bool TryParseInt64(byte[] b, int p, int end, out long value)
        {
            value = 0;
            bool negative = b[p] == '-';
            if (negative)
            {
                p++;
            }

            // Accumulate downwards: long.MinValue has no positive counterpart.
            long v = 0;
            for (; p < end; p++)
            {
                int d = b[p] - '0';
                if (v < long.MinValue / 10 || v * 10 < long.MinValue + d)
                {
                    return false;
                }

                v = v * 10 - d;
            }

            if (!negative)
            {
                if (v == long.MinValue)
                {
                    return false;
                }

                v = -v;
            }

            value = v;
            return true;
        }
    }
}
