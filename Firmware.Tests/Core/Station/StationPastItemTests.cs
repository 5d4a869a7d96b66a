using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    /// <summary>
    /// An item none of whose occurrences can still play is refused <c>in-the-past</c> when the clock is valid
    /// (it would sit in the schedule for ever), and accepted while the clock is unknown (the Core cannot tell).
    /// The fake clock stands at Monday 2026-11-23 13:36 local.
    /// </summary>
    [TestClass]
    public class StationPastItemTests
    {
        private static StationHarness At1336(bool synced)
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc + (13 * 60 + 36) * 60000L);
            h.Boot(synced);
            h.Run(1000);
            return h;
        }

        private static void AssertInThePast(CommandResult r, string field)
        {
            Assert.IsFalse(r.Accepted);
            Assert.AreEqual("in-the-past", ReasonNames.Of(r.Reason));
            Assert.AreEqual(field, r.Field);
        }

        [TestMethod]
        public void AddItem_OneOffTodayEarlier_RefusedInThePast()
        {
            StationHarness h = At1336(true);
            AssertInThePast(h.Core.AddItem(StationHarness.Once("early", 0, 0, 1, 5, BroadcastClass.Normal, IssuerLevel.Commune), h.Now), "date");
            Assert.AreEqual(0, h.Core.Schedule.Count);
        }

        [TestMethod]
        public void AddItem_OneOffLastYear_RefusedInThePast()
        {
            StationHarness h = At1336(true);
            ScheduleItem old = StationHarness.Once("old", 0, 5, 30, 5, BroadcastClass.Normal, IssuerLevel.Commune);
            old.Day = LocalCalendar.DayFromDate(2025, 1, 1);
            AssertInThePast(h.Core.AddItem(old, h.Now), "date");
        }

        [TestMethod]
        public void AddItem_OneOffStillOnAir_Accepted()
        {
            StationHarness h = At1336(true);
            Assert.IsTrue(h.Core.AddItem(StationHarness.Once("now", 0, 13, 30, 10, BroadcastClass.Normal, IssuerLevel.Commune), h.Now).Accepted);
            Assert.IsTrue(h.Core.AddItem(StationHarness.Once("later", 0, 17, 0, 5, BroadcastClass.Normal, IssuerLevel.Commune), h.Now).Accepted);
        }

        [TestMethod]
        public void AddItem_WeeklyUntilYesterday_RefusedOnUntil()
        {
            StationHarness h = At1336(true);
            ScheduleItem weekly = StationHarness.Daily("weekly", 5, 30, 30);
            weekly.ValidUntilDay = LocalCalendar.DayFromDate(2026, 11, 22);
            AssertInThePast(h.Core.AddItem(weekly, h.Now), "until");
        }

        [TestMethod]
        public void AddItem_OneOffInThePastWithoutClock_Accepted()
        {
            StationHarness h = At1336(false);
            Assert.IsTrue(h.Core.AddItem(StationHarness.Once("early", 0, 0, 1, 5, BroadcastClass.Normal, IssuerLevel.Commune), h.Now).Accepted);
        }

        [TestMethod]
        public void SyncSchedule_OneItemInThePast_RefusedAndScheduleKept()
        {
            StationHarness h = At1336(true);
            Assert.IsTrue(h.Core.AddItem(StationHarness.Daily("slot", 8, 0, 30), h.Now).Accepted);
            ScheduleItem[] items = { StationHarness.Daily("a", 9, 0, 5), StationHarness.Once("b", 0, 0, 1, 5, BroadcastClass.Normal, IssuerLevel.Commune) };
            AssertInThePast(h.Core.SyncSchedule(items, 7, h.Now), "date");
            Assert.AreEqual(1, h.Core.Schedule.Count);
        }
    }
}
