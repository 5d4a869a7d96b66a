using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    [TestClass]
    public class StationCatchUpTests
    {
        private const long Minute = 60000;

        private static StationHarness WithMorningSlot(int hour, int minute)
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc + (hour * 60L + minute) * Minute);
            h.Boot(true);
            h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now);
            return h;
        }

        [TestMethod]
        public void RebootDuringSlot_ClockSyncedAtBoot_PlaysRemainderOnly()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 40, 0);
            h.PowerCycle(5 * Minute, true);
            h.RunUntil(0, 6, 5, 0);

            Assert.AreEqual(
                "Mon 05:30:02 started morning none\n" +
                "Mon 05:45:02 started morning none\n" +
                "Mon 06:00:00 ended morning none\n",
                StationHarness.Lines(h.EventLog));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
        }

        [TestMethod]
        public void RebootDuringSlot_ClockSyncedLater_PlaysRemainderFromSync()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 40, 0);
            h.PowerCycle(5 * Minute, false);
            h.Run(2 * Minute);
            Assert.IsTrue(h.Core.Relays.AllOutputsOff, "no valid clock: the scheduled item waits");
            h.Collect(h.Core.ClockSynced(h.Now));
            h.RunUntil(0, 6, 5, 0);

            Assert.AreEqual(
                "Mon 05:30:02 started morning none\n" +
                "Mon 05:47:02 started morning none\n" +
                "Mon 06:00:00 ended morning none\n",
                StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void PowerCutOverWholeSlot_ReportsMissedPoweredOff_NeverPlaysLate()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 10, 0);
            h.PowerCycle(60 * Minute, true);
            h.Run(10 * Minute);

            Assert.AreEqual("Mon 06:10:00 missed morning powered-off\n", StationHarness.Lines(h.EventLog));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
        }

        [TestMethod]
        public void NoClockDuringWholeSlot_ReportsMissedNoClockWhenClockArrives()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 10, 0);
            h.PowerCycle(1 * Minute, false);
            h.RunUntil(0, 6, 30, 0);
            Assert.AreEqual(0, h.EventLog.Count);
            h.Collect(h.Core.ClockSynced(h.Now));

            Assert.AreEqual("Mon 06:30:00 missed morning no-clock\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void ItemAddedWithoutClock_GetsItsWatermarkAtFirstSync()
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc + (5 * 60 + 35) * Minute);
            h.Boot(false);
            Assert.IsTrue(h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now).Accepted);
            h.Run(Minute);
            h.Collect(h.Core.ClockSynced(h.Now));
            h.RunUntil(0, 6, 5, 0);

            Assert.AreEqual("Mon 05:36:02 started morning none\nMon 06:00:00 ended morning none\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void BackwardClockStep_AfterSlotPlayed_NeverReplays()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 6, 10, 0);
            h.StepClock(-50 * Minute);
            h.RunUntil(0, 6, 30, 0);

            Assert.AreEqual("Mon 05:30:02 started morning none\nMon 06:00:00 ended morning none\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void BackwardClockStep_DuringSlot_EndsOnMonotonicDeadline()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 50, 0);
            h.StepClock(-30 * Minute);
            h.Run(11 * Minute);

            Assert.IsTrue(h.Core.Relays.AllOutputsOff, "the slot must not outlive its 30 minutes because the clock went back");
            Assert.Contains("ended morning none", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void ForwardStepOverWholeSlots_IsResync_MissesNotBurstOfStarts()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.Core.AddItem(StationHarness.Daily("early", 5, 10, 10), h.Now);
            h.Core.AddItem(StationHarness.Daily("late", 6, 40, 10), h.Now);
            h.StepClock(2 * 60 * Minute);
            h.Run(Minute);

            Assert.AreEqual(
                "Mon 07:00:00 missed early clock-jump\n" +
                "Mon 07:00:00 missed late clock-jump\n" +
                "Mon 07:00:00 missed morning clock-jump\n",
                StationHarness.Lines(h.EventLog));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
        }

        [TestMethod]
        public void ForwardStepIntoOpenWindow_PlaysRemainder()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.StepClock(45 * Minute);
            h.RunUntil(0, 6, 5, 0);

            Assert.AreEqual("Mon 05:45:02 started morning none\nMon 06:00:00 ended morning none\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void ClockStaleAfterTrustPeriod_ScheduledItemsWaitAndAreMissedNoClock()
        {
            CommuneRadio.Core.Station.StationSettings settings = StationHarness.DefaultSettings();
            settings.ClockTrustMs = 2 * 3600 * 1000L;
            StationHarness h = new StationHarness(settings, StationHarness.MondayMidnightUtc);
            h.Boot(true);
            h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now);
            h.RunUntil(0, 6, 0, 0);
            Assert.AreEqual((int)ClockState.Stale, (int)h.Core.Clock.State);
            Assert.AreEqual(0, h.EventLog.Count, "nothing played on a stale clock, and the window is not over yet");
            h.RunUntil(0, 6, 30, 0);
            Assert.AreEqual("Mon 06:00:02 missed morning no-clock\n", StationHarness.Lines(h.EventLog), "reported when the window passed by the station's own estimate (+2.2 s drift margin after 6 h)");
            h.Collect(h.Core.ClockSynced(h.Now));
            h.Run(1000);
            Assert.AreEqual("Mon 06:00:02 missed morning no-clock\n", StationHarness.Lines(h.EventLog), "the next sync reports nothing twice");
        }

        [TestMethod]
        public void ReplaceItem_AfterItPlayedToday_DoesNotReplayToday()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 6, 10, 0);
            CommuneRadio.Core.Scheduling.ScheduleItem moved = StationHarness.Daily("morning", 5, 30, 60);
            Assert.IsTrue(h.Core.ReplaceItem(moved, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.RunUntil(0, 6, 40, 0);

            Assert.AreEqual("Mon 05:30:02 started morning none\nMon 06:00:00 ended morning none\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void RemoveItem_WhileOnAir_EndsItAsRemoved()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 35, 0);
            Assert.IsTrue(h.Core.RemoveItem("morning", h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.Run(5000);

            Assert.Contains("ended morning removed", StationHarness.Lines(h.EventLog));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
            Assert.AreEqual(0, h.Core.Schedule.Count);
        }
    }
}
