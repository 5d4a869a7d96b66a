using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    /// <summary>
    /// When a miss is reported and with which reason (docs/protocol.md §6): on a stale clock each miss when its window
    /// passes by the station's own estimate; after a power cut inside a window, powered-off only when the station came
    /// back after the window ended, no-clock when it was back in time but without a clock; and the first setting of a
    /// clock that restarted from an arbitrary value (the ESP32 after a power cut) is not a clock jump.
    /// </summary>
    [TestClass]
    public class StationMissReasonTests
    {
        private const long Minute = 60000;
        private const long Hour = 60 * Minute;

        private static StationHarness WithMorningSlot(int hour, int minute)
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc + (hour * 60L + minute) * Minute);
            h.Boot(true);
            h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now);
            return h;
        }

        [TestMethod]
        public void StaleClock_DefaultTrust_EachMissReportedWhenItsWindowPasses()
        {
            StationHarness h = WithMorningSlot(0, 0);
            h.RunUntil(2, 5, 0, 0);
            Assert.AreEqual((int)ClockState.Stale, (int)h.Core.Clock.State, "53 h after the only sync");
            Assert.AreEqual(
                "Mon 05:30:02 started morning none\nMon 06:00:00 ended morning none\n" +
                "Tue 05:30:02 started morning none\nTue 06:00:00 ended morning none\n",
                StationHarness.Lines(h.EventLog));

            h.RunUntil(2, 6, 1, 0);
            // 54 h after the sync the clock may have run 19.4 s fast (100 ppm): the miss waits that long.
            Assert.Contains("Wed 06:00:19 missed morning no-clock\n", StationHarness.Lines(h.EventLog));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff, "nothing plays on a stale clock");

            h.RunUntil(3, 6, 1, 0);
            Assert.Contains("Thu 06:00:28 missed morning no-clock\n", StationHarness.Lines(h.EventLog));
            int before = h.EventLog.Count;
            h.RunUntil(3, 12, 0, 0);
            h.Sync();
            h.Run(Minute);
            Assert.AreEqual(before, h.EventLog.Count, "the next sync reports nothing again");
        }

        [TestMethod]
        public void StaleClock_SyncInsideAnOpenWindow_PlaysTheRemainder()
        {
            StationSettings s = StationHarness.DefaultSettings();
            s.ClockTrustMs = 2 * Hour;
            StationHarness h = new StationHarness(s, StationHarness.MondayMidnightUtc);
            h.Boot(true);
            h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now);
            h.RunUntil(0, 5, 45, 0);
            Assert.AreEqual(0, h.EventLog.Count, "stale: the open window waits, it is not missed");
            h.Sync();
            h.RunUntil(0, 6, 1, 0);
            Assert.AreEqual("Mon 05:45:02 started morning none\nMon 06:00:00 ended morning none\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void PowerCutInsideWindow_BackBeforeItsEnd_ClockSyncedAfter_MissedNoClock()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 40, 0);
            h.PowerCycle(5 * Minute, false);
            h.RunUntil(0, 6, 10, 0);
            h.Sync();
            h.Run(1000);

            Assert.AreEqual("Mon 05:30:02 started morning none\nMon 06:10:00 missed morning no-clock\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void PowerCutInsideWindow_BackAfterItsEnd_MissedPoweredOff()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 40, 0);
            h.PowerCycle(25 * Minute, false);
            h.Run(5 * Minute);
            h.Sync();
            h.Run(1000);

            Assert.AreEqual("Mon 05:30:02 started morning none\nMon 06:10:00 missed morning powered-off\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void ClockRestartsFrom2000AfterPowerCut_FirstSyncIsNotAClockJump()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.RunUntil(0, 5, 10, 0);
            long back = h.Utc + Hour;
            StationCore old = h.Core;
            h.Core = new StationCore(old.Settings);
            ScheduleEntry e = old.Schedule.EntryAt(0);
            h.Core.RestoreItem(e.Item, e.SettledUntilUtcMs, e.HasWatermark);
            h.Mono = 500;
            h.Utc = 946684800000L; // the RTC restarted (2000-01-01) with the power
            h.Boot(false);
            h.Run(5000);
            h.Utc = back + 5000;
            h.Sync();
            h.Run(1000);

            Assert.AreEqual("Mon 06:10:05 missed morning powered-off\n", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void SyncedClockStepsForward_OverAWindow_ClockJump()
        {
            StationHarness h = WithMorningSlot(5, 0);
            h.StepClock(70 * Minute);
            h.Run(1000);

            Assert.AreEqual("Mon 06:10:00 missed morning clock-jump\n", StationHarness.Lines(h.EventLog));
        }
    }
}
