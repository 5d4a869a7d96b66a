using CommuneRadio.Core.Time;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Time
{
    [TestClass]
    public class LocalCalendarTests
    {
        private const int Vietnam = 420;

        // 2026-11-21T17:00:00Z = 2026-11-22 00:00 local (+07:00), a Sunday.
        private const long SundayMidnightLocalUtc = 1795280400000L;

        [TestMethod]
        [DataRow(1970, 1, 1, 0)]
        [DataRow(2000, 2, 29, 11016)]
        [DataRow(2024, 2, 29, 19782)]
        [DataRow(2024, 3, 1, 19783)]
        [DataRow(2024, 12, 31, 20088)]
        [DataRow(2025, 12, 31, 20453)]
        [DataRow(2026, 1, 1, 20454)]
        [DataRow(2026, 11, 22, 20779)]
        [DataRow(2100, 2, 28, 47540)]
        [DataRow(2100, 3, 1, 47541)]
        [DataRow(2199, 12, 31, 84005)]
        public void DayFromDate_KnownDate_ReturnsEpochDay(int year, int month, int day, int expected)
        {
            Assert.AreEqual(expected, LocalCalendar.DayFromDate(year, month, day));
        }

        [TestMethod]
        [DataRow(1970, 1, 1, 0)]
        [DataRow(2000, 2, 29, 11016)]
        [DataRow(2024, 2, 29, 19782)]
        [DataRow(2024, 3, 1, 19783)]
        [DataRow(2026, 11, 22, 20779)]
        [DataRow(2100, 3, 1, 47541)]
        [DataRow(2199, 12, 31, 84005)]
        [DataRow(1969, 12, 31, -1)]
        [DataRow(1969, 1, 1, -365)]
        [DataRow(0, 3, 1, -719468)]
        [DataRow(0, 2, 29, -719469)]
        [DataRow(-400, 3, 1, -865565)]
        [DataRow(-400, 2, 29, -865566)]
        public void DateFromDay_KnownDay_ReturnsDate(int year, int month, int day, int epochDay)
        {
            int y;
            int m;
            int d;
            LocalCalendar.DateFromDay(epochDay, out y, out m, out d);
            Assert.AreEqual(year, y);
            Assert.AreEqual(month, m);
            Assert.AreEqual(day, d);
        }

        [TestMethod]
        [DataRow(2026, 2, 29)]
        [DataRow(2100, 2, 29)]
        [DataRow(2025, 4, 31)]
        [DataRow(2025, 6, 31)]
        [DataRow(2025, 9, 31)]
        [DataRow(2025, 11, 31)]
        [DataRow(2025, 2, 30)]
        [DataRow(2025, 0, 1)]
        [DataRow(2025, 13, 1)]
        [DataRow(2025, 1, 0)]
        [DataRow(2025, 1, 32)]
        [DataRow(1969, 12, 31)]
        [DataRow(2200, 1, 1)]
        public void DayFromDate_NonexistentOrOutOfRange_ReturnsMinusOne(int year, int month, int day)
        {
            Assert.AreEqual(-1, LocalCalendar.DayFromDate(year, month, day));
        }

        [TestMethod]
        [DataRow(2024, 29)]
        [DataRow(2000, 29)]
        [DataRow(2026, 28)]
        [DataRow(2100, 28)]
        [DataRow(1900, 28)]
        [DataRow(2028, 29)]
        public void DaysInMonth_February_FollowsGregorianLeapRule(int year, int expected)
        {
            Assert.AreEqual(expected, LocalCalendar.DaysInMonth(year, 2));
        }

        [TestMethod]
        public void DaysInMonth_OtherMonths_AreFixed()
        {
            int[] expected = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
            for (int m = 1; m <= 12; m++)
            {
                Assert.AreEqual(expected[m - 1], LocalCalendar.DaysInMonth(2026, m), "month " + m.ToString());
            }
        }

        [TestMethod]
        public void DayFromDate_ConsecutiveDates_AreConsecutiveDaysAndRoundTrip()
        {
            // Walks every date of several spans, including the 2000 and 2100 century years and the last
            // supported year; each date must be the day after the previous one and convert back exactly.
            CheckSpan(1970, 2040);
            CheckSpan(2095, 2105);
            CheckSpan(2195, 2199);
        }

        private static void CheckSpan(int fromYear, int toYear)
        {
            int expected = LocalCalendar.DayFromDate(fromYear, 1, 1);
            for (int y = fromYear; y <= toYear; y++)
            {
                for (int m = 1; m <= 12; m++)
                {
                    int n = LocalCalendar.DaysInMonth(y, m);
                    for (int d = 1; d <= n; d++)
                    {
                        int day = LocalCalendar.DayFromDate(y, m, d);
                        if (day != expected)
                        {
                            Assert.AreEqual(expected, day, "DayFromDate " + y.ToString() + "-" + m.ToString() + "-" + d.ToString());
                        }

                        int ry;
                        int rm;
                        int rd;
                        LocalCalendar.DateFromDay(day, out ry, out rm, out rd);
                        if (ry != y || rm != m || rd != d)
                        {
                            Assert.AreEqual(y * 10000 + m * 100 + d, ry * 10000 + rm * 100 + rd, "DateFromDay " + day.ToString() + " gave " + ry.ToString() + "-" + rm.ToString() + "-" + rd.ToString());
                        }

                        expected++;
                    }
                }
            }
        }

        [TestMethod]
        [DataRow(0, 3)]
        [DataRow(4, 0)]
        [DataRow(10, 6)]
        [DataRow(19782, 3)]
        [DataRow(20779, 6)]
        [DataRow(20780, 0)]
        [DataRow(47541, 0)]
        [DataRow(-1, 2)]
        [DataRow(-3, 0)]
        [DataRow(-4, 6)]
        [DataRow(-7, 3)]
        [DataRow(-8, 2)]
        public void DayOfWeek_EpochDay_MondayIsZero(int epochDay, int expected)
        {
            Assert.AreEqual(expected, LocalCalendar.DayOfWeek(epochDay));
        }

        [TestMethod]
        public void LocalDay_VietnamJustBeforeLocalMidnight_IsPreviousDay()
        {
            long utc = SundayMidnightLocalUtc - 1000; // 16:59:59Z = 23:59:59 local on Saturday 2026-11-21
            Assert.AreEqual(20778, LocalCalendar.LocalDay(utc, Vietnam));
            Assert.AreEqual(86399000L, LocalCalendar.LocalMsOfDay(utc, Vietnam));
            Assert.AreEqual(5, LocalCalendar.DayOfWeek(LocalCalendar.LocalDay(utc, Vietnam)));
            Assert.AreEqual(86399999L, LocalCalendar.LocalMsOfDay(SundayMidnightLocalUtc - 1, Vietnam));
        }

        [TestMethod]
        public void LocalDay_VietnamAtLocalMidnight_IsNextDay()
        {
            Assert.AreEqual(20779, LocalCalendar.LocalDay(SundayMidnightLocalUtc, Vietnam));
            Assert.AreEqual(0L, LocalCalendar.LocalMsOfDay(SundayMidnightLocalUtc, Vietnam));
            Assert.AreEqual(6, LocalCalendar.DayOfWeek(LocalCalendar.LocalDay(SundayMidnightLocalUtc, Vietnam)));

            // At UTC midnight the local day has already begun seven hours earlier.
            long utcMidnight = 20779L * LocalCalendar.MsPerDay;
            Assert.AreEqual(20779, LocalCalendar.LocalDay(utcMidnight, Vietnam));
            Assert.AreEqual(7L * 3600000L, LocalCalendar.LocalMsOfDay(utcMidnight, Vietnam));
        }

        [TestMethod]
        public void LocalDay_WorkedExampleFromDocumentation_Holds()
        {
            // UTC 2026-11-21T22:30Z at +07:00 is local 2026-11-22 05:30, a Sunday.
            long utc = SundayMidnightLocalUtc + (5 * 60 + 30) * LocalCalendar.MsPerMinute;
            int day = LocalCalendar.LocalDay(utc, Vietnam);
            Assert.AreEqual(LocalCalendar.DayFromDate(2026, 11, 22), day);
            Assert.AreEqual(330L * LocalCalendar.MsPerMinute, LocalCalendar.LocalMsOfDay(utc, Vietnam));
            Assert.AreEqual(6, LocalCalendar.DayOfWeek(day));
        }

        [TestMethod]
        public void ToUtc_LocalMidnight_SubtractsOffset()
        {
            Assert.AreEqual(SundayMidnightLocalUtc, LocalCalendar.ToUtc(20779, 0, Vietnam));
            Assert.AreEqual(20779L * LocalCalendar.MsPerDay, LocalCalendar.ToUtc(20779, 0, 0));
            Assert.AreEqual(-7L * 3600000L, LocalCalendar.ToUtc(0, 0, Vietnam));
        }

        [TestMethod]
        [DataRow(0L)]
        [DataRow(1L)]
        [DataRow(86399999L)]
        [DataRow(43200000L)]
        public void ToUtc_RoundTripsThroughLocalDayAndMsOfDay(long msOfDay)
        {
            int[] offsets = { 420, 0, -300, -720, 840, 330 };
            for (int i = 0; i < offsets.Length; i++)
            {
                long utc = LocalCalendar.ToUtc(20779, msOfDay, offsets[i]);
                Assert.AreEqual(20779, LocalCalendar.LocalDay(utc, offsets[i]), "offset " + offsets[i].ToString());
                Assert.AreEqual(msOfDay, LocalCalendar.LocalMsOfDay(utc, offsets[i]), "offset " + offsets[i].ToString());
            }
        }

        [TestMethod]
        public void LocalDay_NegativeOffsetBeforeEpochLocalMidnight_IsDayMinusOne()
        {
            // At -05:00, 1970-01-01T04:59:59.999Z is still 1969-12-31 23:59:59.999 local.
            long utc = 5L * 3600000L - 1;
            Assert.AreEqual(-1, LocalCalendar.LocalDay(utc, -300));
            Assert.AreEqual(86399999L, LocalCalendar.LocalMsOfDay(utc, -300));
            Assert.AreEqual(0, LocalCalendar.LocalDay(utc + 1, -300));
            Assert.AreEqual(0L, LocalCalendar.LocalMsOfDay(utc + 1, -300));
        }

        [TestMethod]
        public void LocalDay_NegativeOffsetAcrossLocalMidnight_ChangesDay()
        {
            // 2026-11-22 00:00 local at -05:00 is 05:00Z.
            long localMidnight = 20779L * LocalCalendar.MsPerDay + 5L * 3600000L;
            Assert.AreEqual(20778, LocalCalendar.LocalDay(localMidnight - 1, -300));
            Assert.AreEqual(20779, LocalCalendar.LocalDay(localMidnight, -300));
            Assert.AreEqual(localMidnight, LocalCalendar.ToUtc(20779, 0, -300));
        }

        [TestMethod]
        public void LocalMsOfDay_NegativeUtcInstant_IsWithinDay()
        {
            Assert.AreEqual(-1, LocalCalendar.LocalDay(-1, 0));
            Assert.AreEqual(86399999L, LocalCalendar.LocalMsOfDay(-1, 0));
            Assert.AreEqual(-2, LocalCalendar.LocalDay(-LocalCalendar.MsPerDay - 1, 0));
            Assert.AreEqual(-1, LocalCalendar.LocalDay(-LocalCalendar.MsPerDay, 0));
            Assert.AreEqual(0L, LocalCalendar.LocalMsOfDay(-LocalCalendar.MsPerDay, 0));
        }
    }
}
