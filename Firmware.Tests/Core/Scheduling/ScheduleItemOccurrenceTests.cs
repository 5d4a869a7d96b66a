using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    /// <summary>
    /// Next occurrences of weekly items long after their <c>from</c> date: the search starts at the day asked about,
    /// not at <c>from</c>, so an item that started years ago still finds next week's slot.
    /// </summary>
    [TestClass]
    public class ScheduleItemOccurrenceTests
    {
        private const int Vietnam = 420;
        private const int MorningSecond = 19800; // 05:30

        private static long Local(int y, int m, int d, int hour, int minute)
        {
            return LocalCalendar.ToUtc(LocalCalendar.DayFromDate(y, m, d), (hour * 60L + minute) * 60000, Vietnam);
        }

        private static ScheduleItem Weekly(int mask, int fromDay, int untilDay)
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "w";
            i.Kind = ItemKind.Weekly;
            i.DaysMask = mask;
            i.StartSecond = MorningSecond;
            i.DurationSeconds = 1800;
            i.ValidFromDay = fromDay;
            i.ValidUntilDay = untilDay;
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
        [DataRow(1)]
        [DataRow(8)]
        [DataRow(400)]
        [DataRow(3653)]
        public void TryGetNextStart_WeeklyDaysAfterFrom_FindsTheNextSlotNotFrom(int daysAfter)
        {
            int from = LocalCalendar.DayFromDate(2026, 1, 5); // a Monday
            ScheduleItem mondays = Weekly(0x01, from, ScheduleItem.NoDate);
            int day = from + daysAfter;
            long after = LocalCalendar.ToUtc(day, 12 * 3600000L, Vietnam); // noon, after that day's slot
            long start = Next(mondays, after);
            int startDay = LocalCalendar.LocalDay(start, Vietnam);
            Assert.AreEqual(0, LocalCalendar.DayOfWeek(startDay), "a Monday");
            Assert.IsTrue(startDay > day && startDay <= day + 7, "within the week after " + day + ": " + startDay);
            Assert.AreEqual(LocalCalendar.ToUtc(startDay, MorningSecond * 1000L, Vietnam), start);
        }

        [TestMethod]
        public void TryGetNextStart_YearsAfterFrom_SameAsWithoutFrom()
        {
            ScheduleItem bounded = Weekly(0x15, LocalCalendar.DayFromDate(2020, 3, 1), ScheduleItem.NoDate); // Mon, Wed, Fri
            ScheduleItem open = Weekly(0x15, ScheduleItem.NoDate, ScheduleItem.NoDate);
            long after = Local(2026, 11, 23, 5, 30); // Monday, at the slot's start
            for (int i = 0; i < 10; i++)
            {
                long b = Next(bounded, after);
                Assert.AreEqual(Next(open, after), b, "occurrence " + i);
                after = b;
            }

            Assert.AreEqual(Local(2026, 12, 16, 5, 30), after, "Monday 23 November, ten slots later: Wednesday 16 December");
        }

        [TestMethod]
        public void TryGetNextStart_LongAfterFromButPastUntil_ReturnsFalse()
        {
            ScheduleItem item = Weekly(0x7F, LocalCalendar.DayFromDate(2024, 1, 1), LocalCalendar.DayFromDate(2026, 11, 22));
            long start;
            Assert.IsFalse(item.TryGetNextStart(Local(2026, 11, 22, 6, 0), Vietnam, out start));
            Assert.IsTrue(item.TryGetNextStart(Local(2026, 11, 22, 5, 0), Vietnam, out start), "the last day still plays");
            Assert.AreEqual(Local(2026, 11, 22, 5, 30), start);
        }

        [TestMethod]
        public void TryGetOccurrenceCovering_LongAfterFrom_FindsTheOpenWindow()
        {
            ScheduleItem item = Weekly(0x7F, LocalCalendar.DayFromDate(2023, 6, 1), ScheduleItem.NoDate);
            long start;
            Assert.IsTrue(item.TryGetOccurrenceCovering(Local(2026, 11, 23, 5, 45), Vietnam, out start));
            Assert.AreEqual(Local(2026, 11, 23, 5, 30), start);
        }
    }
}
