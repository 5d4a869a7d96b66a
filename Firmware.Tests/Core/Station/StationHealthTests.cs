using CommuneRadio.Core.Health;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    [TestClass]
    public class StationHealthTests
    {
        private static int HealthDueCount;

        private static StationHarness Booted()
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc + 8 * 3600000L);
            h.Boot(true);
            return h;
        }

        private static void RunCountingHealth(StationHarness h, long ms)
        {
            HealthDueCount = 0;
            long end = h.Mono + ms;
            while (h.Mono < end)
            {
                h.Mono += StationHarness.TickMs;
                h.Utc += StationHarness.TickMs;
                if (h.Core.Tick(h.Now).HealthDue)
                {
                    HealthDueCount++;
                }

                h.Collect(h.Core.Effects);
            }
        }

        [TestMethod]
        public void Snapshot_Periodic_EveryTelemetryPeriodWhenNothingChanges()
        {
            StationHarness h = Booted();
            h.Run(1000);
            RunCountingHealth(h, 10 * 60000L);
            Assert.AreEqual(10, HealthDueCount);
        }

        [TestMethod]
        public void Snapshot_OnAirChange_OneSnapshotForTheWholeTransitionWithinCoalescingDelay()
        {
            StationHarness h = Booted();
            h.Run(61000);
            h.Core.PlayNow("n", BroadcastClass.Normal, IssuerLevel.Commune, "op", 30, 0xF, 0, h.Now);
            Assert.IsFalse(h.Core.Effects.HealthDue, "the command's call carries only the relay writes and the result");

            // Chosen at once, amplifiers staggered, lines connected ~2 s later: one snapshot, 3 s after the first change.
            RunCountingHealth(h, 3000);
            Assert.AreEqual(1, HealthDueCount);
            RunCountingHealth(h, 5000);
            Assert.AreEqual(0, HealthDueCount);
        }

        [TestMethod]
        public void Snapshot_ReportsOnAirRelaysCountersAndSchedule()
        {
            StationHarness h = Booted();
            h.Core.AddItem(StationHarness.Daily("slot", 8, 0, 30), h.Now);
            h.Core.RemoveItem("missing", h.Now);
            h.Core.CountReconnect();
            h.Run(5000);
            HealthSnapshot s = h.Core.Snapshot(h.Now);

            Assert.AreEqual("slot", s.OnAirId);
            Assert.AreEqual(0xF, s.Lines);
            Assert.AreEqual(0x3, s.Amplifiers);
            Assert.AreEqual(0, s.Source);
            Assert.AreEqual(1, s.ScheduleCount);
            Assert.AreEqual(h.Core.Schedule.Digest, s.ScheduleDigest);
            Assert.AreEqual(1L, s.Accepted);
            Assert.AreEqual(1L, s.Refused);
            Assert.AreEqual(1L, s.Reconnects);
            Assert.AreEqual((int)ClockState.Synced, (int)s.Clock);
            Assert.AreEqual(StationHarness.MondayMidnightUtc + 8 * 3600000L + 30 * 60000L, s.OnAirUntilUtcMs);
        }

        [TestMethod]
        public void AmpNoCurrent_WhilePlaying_RaisedWithin100Seconds()
        {
            StationHarness h = Booted();
            h.Core.PlayNow("n", BroadcastClass.Normal, IssuerLevel.Commune, "op", 600, 0xF, 0, h.Now);
            h.Collect(h.Core.Effects);
            SensorReadings dead = new SensorReadings();
            dead.HasAmpCurrent = true;
            dead.AmpCurrentA = 0.01;
            h.Core.UpdateSensors(dead);
            long onset = h.Mono;
            while ((h.Core.Faults & FaultFlags.AmpNoCurrent) == 0 && h.Mono - onset < 200000)
            {
                h.Run(StationHarness.TickMs);
            }

            Assert.IsTrue(h.Mono - onset <= 100000, "raised after " + (h.Mono - onset) + " ms");
        }

        [TestMethod]
        public void MainsLost_RaisedThenClearedWithHysteresis()
        {
            StationHarness h = Booted();
            SensorReadings r = new SensorReadings();
            r.HasMains = true;
            r.MainsPresent = false;
            h.Core.UpdateSensors(r);
            h.Run(20000);
            Assert.IsTrue((h.Core.Faults & FaultFlags.MainsLost) != 0);

            r.MainsPresent = true;
            h.Core.UpdateSensors(r);
            h.Run(10000);
            Assert.IsTrue((h.Core.Faults & FaultFlags.MainsLost) != 0, "not cleared before the clear delay");
            h.Run(30000);
            Assert.IsTrue((h.Core.Faults & FaultFlags.MainsLost) == 0);
        }

        [TestMethod]
        public void ClockLost_WithoutSync_RaisedAndClearedOnSync()
        {
            StationHarness h = StationHarness.Create(0);
            h.Boot(false);
            h.Run(70000);
            Assert.IsTrue((h.Core.Faults & FaultFlags.ClockLost) != 0);
            h.Collect(h.Core.ClockSynced(h.Now));
            Assert.IsTrue((h.Core.Faults & FaultFlags.ClockLost) == 0);
        }

        [TestMethod]
        public void EventQueue_Overflow_CountsDropped()
        {
            // Nothing is delivered: each 1 s programme ends as missed (the sequence needs 2 s); only the newest 64 are kept.
            StationHarness undelivered = Booted();
            for (int i = 0; i < 70; i++)
            {
                undelivered.Core.PlayNow("p" + i, BroadcastClass.Normal, IssuerLevel.Commune, "op", 1, 0x1, 0, undelivered.Now);
                undelivered.Mono += 2000;
                undelivered.Utc += 2000;
                undelivered.Core.Tick(undelivered.Now);
            }

            Assert.AreEqual(64, undelivered.Core.Events.Count);
            Assert.AreEqual(6L, undelivered.Core.Events.Dropped);
            Assert.AreEqual(6L, undelivered.Core.Snapshot(undelivered.Now).EventsDropped);
        }
    }
}
