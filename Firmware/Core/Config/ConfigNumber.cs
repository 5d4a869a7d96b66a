namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// Reads a JSON number token (already validated by the JSON reader) as a double, without culture-dependent
    /// parsing. Up to 17 significant digits are used; exponents beyond ±30 are refused, which bounds every
    /// calibration constant to a sane range.
    /// <para>Examples: "12.375" → 12.375; "-6.19" → -6.19; "2.5e-3" → 0.0025; "1e31" → refused.</para>
    /// </summary>
    public static class ConfigNumber
    {
        /// <summary>Parses <paramref name="count"/> ASCII bytes at <paramref name="offset"/>; false when the number cannot be represented.</summary>
        public static bool TryParse(byte[] b, int offset, int count, out double value)
        {
            value = 0;
            int p = offset;
            int end = offset + count;
            bool negative = p < end && b[p] == '-';
            if (negative)
            {
                p++;
            }

            double mantissa = 0;
            int digits = 0;
            int exponent = 0;
            bool any = false;
            while (p < end && b[p] >= '0' && b[p] <= '9')
            {
                Accumulate(b[p] - '0', ref mantissa, ref digits, ref exponent, false);
                any = true;
                p++;
            }

            if (p < end && b[p] == '.')
            {
                p++;
                while (p < end && b[p] >= '0' && b[p] <= '9')
                {
                    Accumulate(b[p] - '0', ref mantissa, ref digits, ref exponent, true);
                    any = true;
                    p++;
                }
            }

            if (!any)
            {
                return false;
            }

            if (p < end && (b[p] == 'e' || b[p] == 'E'))
            {
                p++;
                bool expNegative = p < end && b[p] == '-';
                if (p < end && (b[p] == '-' || b[p] == '+'))
                {
                    p++;
                }

                int e = 0;
                bool expAny = false;
                while (p < end && b[p] >= '0' && b[p] <= '9')
                {
                    if (e < 1000)
                    {
                        e = e * 10 + (b[p] - '0');
                    }

                    expAny = true;
                    p++;
                }

                if (!expAny)
                {
                    return false;
                }

                exponent += expNegative ? -e : e;
            }

            if (p != end)
            {
                return false;
            }

            if (mantissa == 0)
            {
                value = 0;
                return true;
            }

            int magnitude = exponent + digits;
            if (magnitude > 31 || magnitude < -30)
            {
                return false;
            }

            value = Scale(mantissa, exponent);
            if (negative)
            {
                value = -value;
            }

            return true;
        }

        private static void Accumulate(int digit, ref double mantissa, ref int digits, ref int exponent, bool fraction)
        {
            if (digits == 0 && digit == 0)
            {
                if (fraction)
                {
                    exponent--;
                }

                return;
            }

            if (digits < 17)
            {
                mantissa = mantissa * 10 + digit;
                digits++;
                if (fraction)
                {
                    exponent--;
                }
            }
            else if (!fraction)
            {
                exponent++;
            }
        }

        private static double Scale(double mantissa, int exponent)
        {
            // Dividing by an exact power of ten rounds once, so "12.375" is exactly 12375 / 1000.
            double power = 1;
            int e = exponent < 0 ? -exponent : exponent;
            for (int i = 0; i < e; i++)
            {
                power *= 10;
            }

            return exponent < 0 ? mantissa / power : mantissa * power;
        }
    }
}
