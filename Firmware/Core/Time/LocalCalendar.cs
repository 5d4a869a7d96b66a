namespace CommuneRadio.Core.Time
{
    /// <summary>
    /// Local civil time for a fixed UTC offset (Vietnam: +07:00, no daylight saving), in integer arithmetic
    /// so it allocates nothing and does not depend on the platform's time-zone support (nanoFramework has
    /// none). Days are counted from 1970-01-01 ("epoch day").
    /// <para>Worked example: UTC 2026-11-21T22:30Z at +420 min is local 2026-11-22 05:30, a Sunday:
    /// LocalDay = 20779, MinuteOfDay = 330, DayOfWeek = 6 (Monday = 0).</para>
    /// </summary>
    public static class LocalCalendar
    {
        /// <summary>Milliseconds in a day.</summary>
        public const long MsPerDay = 86400000L;

        /// <summary>Milliseconds in a minute.</summary>
        public const long MsPerMinute = 60000L;

        /// <summary>The local epoch day of a UTC instant.</summary>
        public static int LocalDay(long utcMs, int offsetMinutes)
        {
            return (int)FloorDiv(utcMs + offsetMinutes * MsPerMinute, MsPerDay);
        }

        /// <summary>Milliseconds since local midnight of a UTC instant.</summary>
        public static long LocalMsOfDay(long utcMs, int offsetMinutes)
        {
            long local = utcMs + offsetMinutes * MsPerMinute;
            return local - FloorDiv(local, MsPerDay) * MsPerDay;
        }

        /// <summary>The UTC instant of a local day and millisecond of that day.</summary>
        public static long ToUtc(int localDay, long msOfDay, int offsetMinutes)
        {
            return localDay * MsPerDay + msOfDay - offsetMinutes * MsPerMinute;
        }

        /// <summary>Day of week of an epoch day, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).</summary>
        public static int DayOfWeek(int epochDay)
        {
            int d = (epochDay + 3) % 7;
            return d < 0 ? d + 7 : d;
        }

        /// <summary>
        /// Epoch day of a proleptic Gregorian date, or -1 if the date does not exist
        /// (e.g. 2026-02-29). Example: (1970, 1, 1) = 0, (2026, 11, 22) = 20779.
        /// </summary>
        public static int DayFromDate(int year, int month, int day)
        {
            if (year < 1970 || year > 2199 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month))
            {
                return -1;
            }

            // Howard Hinnant's days_from_civil.
            int y = month <= 2 ? year - 1 : year;
            int era = y / 400;
            int yoe = y - era * 400;
            int mp = month > 2 ? month - 3 : month + 9;
            int doy = (153 * mp + 2) / 5 + day - 1;
            int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146097 + doe - 719468;
        }

        /// <summary>Splits an epoch day into year, month and day (inverse of <see cref="DayFromDate"/>).</summary>
        public static void DateFromDay(int epochDay, out int year, out int month, out int day)
        {
            int z = epochDay + 719468;
            int era = (z >= 0 ? z : z - 146096) / 146097;
            int doe = z - era * 146097;
            int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            int mp = (5 * doy + 2) / 153;
            day = doy - (153 * mp + 2) / 5 + 1;
            month = mp < 10 ? mp + 3 : mp - 9;
            year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        }

        /// <summary>Days in a month of a Gregorian year.</summary>
        public static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 2:
                    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                    return leap ? 29 : 28;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                default:
                    return 31;
            }
        }

        private static long FloorDiv(long a, long b)
        {
            long q = a / b;
            return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
        }
    }
}
