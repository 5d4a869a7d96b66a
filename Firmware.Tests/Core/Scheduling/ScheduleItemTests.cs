using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    [TestClass]
    public class ScheduleItemTests
    {
        private const int Vietnam = 420;

        // Local epoch days of the week of 2026-11-23 (Monday) … 2026-11-29 (Sunday).
        private const int Mon = 20780;
        private const int Tue = 20781;
        private const int Wed = 20782;
        private const int Thu = 20783;
        private const int Fri = 20784;
        private const int Sun = 20786;

        private const int MorningSecond = 19800; // 05:30

        private static long Local(int day, int hour, int minute, int second)
        {
            return LocalCalendar.ToUtc(day, ((hour * 60L + minute) * 60 + second) * 1000, Vietnam);
        }

        private static ScheduleItem Weekly(int mask, int startSecond, int durationSeconds)
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "w";
            i.Kind = ItemKind.Weekly;
            i.DaysMask = mask;
            i.StartSecond = startSecond;
            i.DurationSeconds = durationSeconds;
            i.Issuer = "commune";
            i.Lines = 1;
            return i;
        }

        private static ScheduleItem OneOff(int day, int startSecond, int durationSeconds)
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "o";
            i.Kind = ItemKind.OneOff;
            i.Day = day;
            i.StartSecond = startSecond;
            i.DurationSeconds = durationSeconds;
            i.Issuer = "commune";
            i.Lines = 1;
            return i;
        }

        private static long Next(ScheduleItem item, long afterUtcMs)
        {
            long start;
            Assert.IsTrue(item.TryGetNextStart(afterUtcMs, Vietnam, out start), "expected an occurrence");
            return start;
        }

        [TestMethod]
        public void TryGetNextStart_OneOffBefore_ReturnsItsStart()
        {
            ScheduleItem i = OneOff(Mon, MorningSecond, 600);
            long expected = Local(Mon, 5, 30, 0);
            Assert.AreEqual(expected, Next(i, expected - 1));
            Assert.AreEqual(expected, Next(i, expected - 7L * LocalCalendar.MsPerDay));
            Assert.AreEqual(1795386600000L, expected, "2026-11-23 05:30 +07:00 = 2026-11-22T22:30Z");
        }

        [TestMethod]
        public void TryGetNextStart_OneOffAtOrAfterStart_ReturnsFalse()
        {
            ScheduleItem i = OneOff(Mon, MorningSecond, 600);
            long start = Local(Mon, 5, 30, 0);
            long s;
            Assert.IsFalse(i.TryGetNextStart(start, Vietnam, out s), "strictly after: the start itself is not next");
            Assert.IsFalse(i.TryGetNextStart(start + 1, Vietnam, out s));
            Assert.IsFalse(i.TryGetNextStart(start + 30L * LocalCalendar.MsPerDay, Vietnam, out s));
        }

        [TestMethod]
        public void TryGetNextStart_WeeklyDaily_SameDayBeforeStart_ReturnsToday()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 1800);
            Assert.AreEqual(Local(Mon, 5, 30, 0), Next(i, Local(Mon, 5, 29, 59)));
            Assert.AreEqual(Local(Mon, 5, 30, 0), Next(i, Local(Mon, 5, 30, 0) - 1));
        }

        [TestMethod]
        public void TryGetNextStart_WeeklyDaily_AtStart_ReturnsTomorrow()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 1800);
            Assert.AreEqual(Local(Tue, 5, 30, 0), Next(i, Local(Mon, 5, 30, 0)));
            Assert.AreEqual(Local(Tue, 5, 30, 0), Next(i, Local(Mon, 23, 59, 59)));
        }

        [TestMethod]
        public void TryGetNextStart_WeeklyMask_SkipsDaysNotInMask()
        {
            ScheduleItem i = Weekly(0x15, MorningSecond, 1800); // Monday, Wednesday, Friday
            Assert.AreEqual(Local(Mon, 5, 30, 0), Next(i, Local(Mon, 0, 0, 0)));
            Assert.AreEqual(Local(Wed, 5, 30, 0), Next(i, Local(Mon, 6, 0, 0)));
            Assert.AreEqual(Local(Wed, 5, 30, 0), Next(i, Local(Tue, 12, 0, 0)));
            Assert.AreEqual(Local(Fri, 5, 30, 0), Next(i, Local(Wed, 5, 30, 0)));
            Assert.AreEqual(Local(Mon + 7, 5, 30, 0), Next(i, Local(Fri, 5, 30, 0)));
        }

        [TestMethod]
        [DataRow(0, Mon)]
        [DataRow(1, Tue)]
        [DataRow(2, Wed)]
        [DataRow(3, Thu)]
        [DataRow(4, Fri)]
        [DataRow(5, Sun - 1)]
        [DataRow(6, Sun)]
        public void TryGetNextStart_SingleDayBit_FallsOnThatWeekday(int bit, int expectedDay)
        {
            ScheduleItem i = Weekly(1 << bit, MorningSecond, 60);
            Assert.AreEqual(Local(expectedDay, 5, 30, 0), Next(i, Local(Mon, 0, 0, 0)));
        }

        [TestMethod]
        public void TryGetNextStart_SundayOnlyAtSundayStart_ReturnsAWeekLater()
        {
            // The longest gap: just after this week's only occurrence, the next is seven days away.
            ScheduleItem i = Weekly(0x40, MorningSecond, 60);
            Assert.AreEqual(Local(Sun + 7, 5, 30, 0), Next(i, Local(Sun, 5, 30, 0)));
        }

        [TestMethod]
        public void TryGetNextStart_EmptyMask_ReturnsFalse()
        {
            ScheduleItem i = Weekly(0, MorningSecond, 60);
            long s;
            Assert.IsFalse(i.TryGetNextStart(Local(Mon, 0, 0, 0), Vietnam, out s));
        }

        [TestMethod]
        public void TryGetNextStart_WeekdayIsLocal_NotUtc()
        {
            // Monday 00:30 local is Sunday 17:30Z: a Monday-only item must fire then, not on UTC Monday.
            ScheduleItem i = Weekly(0x01, 1800, 60);
            long start = Next(i, Local(Mon, 0, 0, 0) - 1);
            Assert.AreEqual(Local(Mon, 0, 30, 0), start);
            Assert.AreEqual(6, LocalCalendar.DayOfWeek(LocalCalendar.LocalDay(start, 0)), "a Sunday in UTC");
        }

        [TestMethod]
        public void TryGetNextStart_NegativeOffset_UsesLocalDays()
        {
            // At -05:00, Monday 20:00 local is Tuesday 01:00Z.
            ScheduleItem i = Weekly(0x01, 20 * 3600, 60);
            long monday2000 = LocalCalendar.ToUtc(Mon, 20L * 3600000L, -300);
            long start;
            Assert.IsTrue(i.TryGetNextStart(monday2000 - 1, -300, out start));
            Assert.AreEqual(monday2000, start);
            Assert.IsTrue(i.TryGetNextStart(monday2000, -300, out start));
            Assert.AreEqual(monday2000 + 7L * LocalCalendar.MsPerDay, start);
        }

        [TestMethod]
        public void TryGetNextStart_ValidFromInFuture_StartsOnValidFrom()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 60);
            i.ValidFromDay = Thu;
            Assert.AreEqual(Local(Thu, 5, 30, 0), Next(i, Local(Mon, 0, 0, 0)));
        }

        [TestMethod]
        public void TryGetNextStart_ValidFromFarAhead_StillFound()
        {
            ScheduleItem i = Weekly(0x01, MorningSecond, 60);
            i.ValidFromDay = Mon + 70;
            Assert.AreEqual(Local(Mon + 70, 5, 30, 0), Next(i, Local(Mon, 0, 0, 0)));
        }

        [TestMethod]
        public void TryGetNextStart_ValidFromDay_IsInclusive()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 60);
            i.ValidFromDay = Tue;
            Assert.AreEqual(Local(Tue, 5, 30, 0), Next(i, Local(Mon, 5, 29, 0)), "Monday is before the first day");
            Assert.AreEqual(Local(Tue, 5, 30, 0), Next(i, Local(Tue, 5, 29, 59)));
        }

        [TestMethod]
        public void TryGetNextStart_ValidUntilDay_IsInclusive()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 60);
            i.ValidUntilDay = Tue;
            Assert.AreEqual(Local(Tue, 5, 30, 0), Next(i, Local(Mon, 5, 30, 0)));
            long s;
            Assert.IsFalse(i.TryGetNextStart(Local(Tue, 5, 30, 0), Vietnam, out s), "Tuesday was the last day");
            Assert.IsFalse(i.TryGetNextStart(Local(Fri, 0, 0, 0), Vietnam, out s));
        }

        [TestMethod]
        public void TryGetNextStart_ValidUntilBeforeNextMaskDay_ReturnsFalse()
        {
            ScheduleItem i = Weekly(0x10, MorningSecond, 60); // Friday only
            i.ValidUntilDay = Thu;
            long s;
            Assert.IsFalse(i.TryGetNextStart(Local(Mon, 0, 0, 0), Vietnam, out s));
        }

        [TestMethod]
        public void TryGetNextStart_SingleValidDay_PlaysOnceOnThatDay()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 60);
            i.ValidFromDay = Wed;
            i.ValidUntilDay = Wed;
            Assert.AreEqual(Local(Wed, 5, 30, 0), Next(i, Local(Mon, 0, 0, 0)));
            long s;
            Assert.IsFalse(i.TryGetNextStart(Local(Wed, 5, 30, 0), Vietnam, out s));
        }

        [TestMethod]
        public void TryGetNextStart_Midnight_StartSecondZero()
        {
            ScheduleItem i = Weekly(0x7F, 0, 60);
            Assert.AreEqual(Local(Tue, 0, 0, 0), Next(i, Local(Mon, 0, 0, 0)));
            Assert.AreEqual(Local(Mon, 0, 0, 0), Next(i, Local(Mon, 0, 0, 0) - 1));
        }

        [TestMethod]
        public void TryGetNextStart_LastSecondOfDay_StartSecond86399()
        {
            ScheduleItem i = Weekly(0x01, 86399, 60);
            Assert.AreEqual(Local(Mon, 23, 59, 59), Next(i, Local(Mon, 23, 59, 58)));
            Assert.AreEqual(Local(Mon + 7, 23, 59, 59), Next(i, Local(Mon, 23, 59, 59)));
        }

        [TestMethod]
        public void TryGetNextStart_WalkingOccurrences_VisitsEachMaskDayOnce()
        {
            ScheduleItem i = Weekly(0x55, MorningSecond, 60); // Mon, Wed, Fri, Sun
            long t = Local(Mon, 0, 0, 0);
            int[] expected = { Mon, Wed, Fri, Sun, Mon + 7, Wed + 7, Fri + 7, Sun + 7 };
            for (int k = 0; k < expected.Length; k++)
            {
                t = Next(i, t);
                Assert.AreEqual(Local(expected[k], 5, 30, 0), t, "occurrence " + k.ToString());
            }
        }

        [TestMethod]
        public void TryGetOccurrenceCovering_WindowStart_IsInclusive()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 1800);
            long start = Local(Mon, 5, 30, 0);
            long s;
            Assert.IsTrue(i.TryGetOccurrenceCovering(start, Vietnam, out s));
            Assert.AreEqual(start, s);
            Assert.IsFalse(i.TryGetOccurrenceCovering(start - 1, Vietnam, out s));
        }

        [TestMethod]
        public void TryGetOccurrenceCovering_WindowEnd_IsExclusive()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 1800);
            long start = Local(Mon, 5, 30, 0);
            long s;
            Assert.IsTrue(i.TryGetOccurrenceCovering(start + 1800000 - 1, Vietnam, out s));
            Assert.AreEqual(start, s);
            Assert.IsFalse(i.TryGetOccurrenceCovering(start + 1800000, Vietnam, out s));
            Assert.AreEqual(0L, s);
        }

        [TestMethod]
        public void TryGetOccurrenceCovering_OneOff_OnlyItsOwnWindow()
        {
            ScheduleItem i = OneOff(Wed, 61200, 600); // 17:00 for 10 minutes
            long start = Local(Wed, 17, 0, 0);
            long s;
            Assert.IsTrue(i.TryGetOccurrenceCovering(start + 300000, Vietnam, out s));
            Assert.AreEqual(start, s);
            Assert.IsFalse(i.TryGetOccurrenceCovering(start + 600000, Vietnam, out s));
            Assert.IsFalse(i.TryGetOccurrenceCovering(Local(Thu, 17, 5, 0), Vietnam, out s));
        }

        [TestMethod]
        public void TryGetOccurrenceCovering_WindowAcrossLocalMidnight_BelongsToStartDay()
        {
            // Monday-only 23:30 for one hour: Tuesday 00:15 is inside Monday's occurrence.
            ScheduleItem i = Weekly(0x01, 23 * 3600 + 1800, 3600);
            long s;
            Assert.IsTrue(i.TryGetOccurrenceCovering(Local(Tue, 0, 15, 0), Vietnam, out s));
            Assert.AreEqual(Local(Mon, 23, 30, 0), s);
            Assert.IsFalse(i.TryGetOccurrenceCovering(Local(Tue, 0, 30, 0), Vietnam, out s));
        }

        [TestMethod]
        public void TryGetOccurrenceCovering_AfterValidUntil_ReturnsFalse()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 1800);
            i.ValidUntilDay = Mon;
            long s;
            Assert.IsTrue(i.TryGetOccurrenceCovering(Local(Mon, 5, 45, 0), Vietnam, out s));
            Assert.IsFalse(i.TryGetOccurrenceCovering(Local(Tue, 5, 45, 0), Vietnam, out s));
        }

        [TestMethod]
        public void TryGetOccurrenceCovering_BetweenWindows_ReturnsFalse()
        {
            ScheduleItem i = Weekly(0x7F, MorningSecond, 1800);
            long s;
            Assert.IsFalse(i.TryGetOccurrenceCovering(Local(Mon, 12, 0, 0), Vietnam, out s));
            Assert.IsFalse(i.TryGetOccurrenceCovering(Local(Mon, 6, 0, 0), Vietnam, out s));
        }

        [TestMethod]
        public void Clone_CopiesEveryField_AsNewInstance()
        {
            ScheduleItem a = ScheduleDigestTests.Storm();
            a.ValidFromDay = 5;
            a.ValidUntilDay = 6;
            a.DaysMask = 9;
            ScheduleItem b = a.Clone();
            Assert.AreNotSame(a, b);
            Assert.AreEqual(a.Id, b.Id);
            Assert.AreEqual((int)a.Kind, (int)b.Kind);
            Assert.AreEqual(a.Day, b.Day);
            Assert.AreEqual(a.DaysMask, b.DaysMask);
            Assert.AreEqual(a.StartSecond, b.StartSecond);
            Assert.AreEqual(a.DurationSeconds, b.DurationSeconds);
            Assert.AreEqual(a.ValidFromDay, b.ValidFromDay);
            Assert.AreEqual(a.ValidUntilDay, b.ValidUntilDay);
            Assert.AreEqual((int)a.Class, (int)b.Class);
            Assert.AreEqual((int)a.Level, (int)b.Level);
            Assert.AreEqual(a.Issuer, b.Issuer);
            Assert.AreEqual(a.Lines, b.Lines);
            Assert.AreEqual(a.Source, b.Source);
            Assert.AreEqual(ScheduleDigest.Add(ScheduleDigest.Empty, a), ScheduleDigest.Add(ScheduleDigest.Empty, b));
        }

        [TestMethod]
        public void New_ValidityBounds_DefaultToNoDate()
        {
            ScheduleItem i = new ScheduleItem();
            Assert.AreEqual(ScheduleItem.NoDate, i.ValidFromDay);
            Assert.AreEqual(ScheduleItem.NoDate, i.ValidUntilDay);
        }
    }
}
