using CommuneRadio.Core.Time;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Time
{
    [TestClass]
    public class ClockTrackerTests
    {
        private const long Trust = 48L * 3600 * 1000;
        private const int Threshold = 2000;

        // 2026-11-23 00:00 local (+07:00).
        private const long T = 1795366800000L;

        private static ClockTracker NewTracker()
        {
            return new ClockTracker(Trust, Threshold);
        }

        [TestMethod]
        public void New_BeforeAnySync_IsUnsyncedAndInvalid()
        {
            ClockTracker c = NewTracker();
            Assert.AreEqual((int)ClockState.Unsynced, (int)c.State);
            Assert.IsFalse(c.Valid);
            Assert.AreEqual(-1L, c.LastSyncMonotonicMs);
            Assert.AreEqual(0L, c.LastStepMs);
        }

        [TestMethod]
        public void Observe_FirstReading_IsNeverAStep()
        {
            ClockTracker c = NewTracker();
            Assert.IsFalse(c.Observe(new Instant(1000, T)));
            Assert.AreEqual(0L, c.LastStepMs);
        }

        [TestMethod]
        public void Observe_ForwardStepOverThreshold_ReportsStepAndJumpedFromPoint()
        {
            // The documented example: mono 10 000 reads T, mono 11 000 reads T + 3 600 000.
            ClockTracker c = NewTracker();
            c.Observe(new Instant(10000, T));
            c.Observe(new Instant(11000, T + 3600000));
            Assert.AreEqual(3599000L, c.LastStepMs);
            Assert.AreEqual(T + 1000, c.StepFromUtcMs);
        }

        [TestMethod]
        public void Observe_BackwardStepOverThreshold_ReportsNegativeStep()
        {
            ClockTracker c = NewTracker();
            c.Observe(new Instant(10000, T));
            c.Observe(new Instant(11000, T + 1000 - 600000));
            Assert.AreEqual(-600000L, c.LastStepMs);
            Assert.AreEqual(T + 1000, c.StepFromUtcMs);
        }

        [TestMethod]
        [DataRow(2000L, 0L)]
        [DataRow(2001L, 2001L)]
        [DataRow(-2000L, 0L)]
        [DataRow(-2001L, -2001L)]
        [DataRow(1L, 0L)]
        [DataRow(-1999L, 0L)]
        public void Observe_OffsetChange_IsStepOnlyStrictlyOverThreshold(long change, long expected)
        {
            ClockTracker c = NewTracker();
            c.Observe(new Instant(10000, T));
            c.Observe(new Instant(10250, T + 250 + change));
            Assert.AreEqual(expected, c.LastStepMs);
        }

        [TestMethod]
        public void Observe_AfterAStep_NextReadingReportsNoStep()
        {
            ClockTracker c = NewTracker();
            c.Observe(new Instant(10000, T));
            c.Observe(new Instant(11000, T + 60000));
            Assert.AreNotEqual(0L, c.LastStepMs);
            c.Observe(new Instant(12000, T + 61000));
            Assert.AreEqual(0L, c.LastStepMs);
        }

        [TestMethod]
        public void Observe_SlowDriftOverManyTicks_IsNeverAStep()
        {
            // A clock that drifts 100 ms per tick (far worse than a real RTC) never looks like a set clock.
            ClockTracker c = NewTracker();
            long mono = 1000;
            long utc = T;
            for (int i = 0; i < 1000; i++)
            {
                c.Observe(new Instant(mono, utc));
                Assert.AreEqual(0L, c.LastStepMs, "tick " + i.ToString());
                mono += 250;
                utc += 350;
            }
        }

        [TestMethod]
        public void Synced_FirstTime_BecomesValidAndReportsChange()
        {
            ClockTracker c = NewTracker();
            Assert.IsTrue(c.Synced(new Instant(5000, T)));
            Assert.AreEqual((int)ClockState.Synced, (int)c.State);
            Assert.IsTrue(c.Valid);
            Assert.AreEqual(5000L, c.LastSyncMonotonicMs);
            Assert.AreEqual(T, c.ValidSinceUtcMs);
            Assert.AreEqual(T - 5000, c.BootUtcMs);
        }

        [TestMethod]
        public void Synced_AgainWhileValid_ReportsNoChangeAndKeepsValidSince()
        {
            ClockTracker c = NewTracker();
            c.Synced(new Instant(5000, T));
            Assert.IsFalse(c.Synced(new Instant(3605000, T + 3600000)));
            Assert.AreEqual(T, c.ValidSinceUtcMs);
            Assert.AreEqual(3605000L, c.LastSyncMonotonicMs);
        }

        [TestMethod]
        public void Synced_WithAStep_ReportsTheStep()
        {
            // Typical first SNTP sync: the RTC started at 1970 and jumps to now.
            ClockTracker c = NewTracker();
            c.Observe(new Instant(1000, 1000));
            c.Synced(new Instant(2000, T));
            Assert.AreEqual(T - 2000, c.LastStepMs);
            Assert.AreEqual(2000L, c.StepFromUtcMs);
            Assert.AreEqual(T - 2000, c.BootUtcMs);
        }

        [TestMethod]
        public void Observe_TrustPeriodBoundary_BecomesStaleOnlyAfterTrustMs()
        {
            ClockTracker c = NewTracker();
            c.Synced(new Instant(5000, T));
            Assert.IsFalse(c.Observe(new Instant(5000 + Trust, T + Trust)));
            Assert.AreEqual((int)ClockState.Synced, (int)c.State);

            Assert.IsTrue(c.Observe(new Instant(5001 + Trust, T + Trust + 1)));
            Assert.AreEqual((int)ClockState.Stale, (int)c.State);
            Assert.IsFalse(c.Valid);

            Assert.IsFalse(c.Observe(new Instant(6000 + Trust, T + Trust + 1000)), "no change while staying stale");
            Assert.AreEqual((int)ClockState.Stale, (int)c.State);
        }

        [TestMethod]
        public void Observe_StaleIsMeasuredOnMonotonicClock_NotOnWallClock()
        {
            // The wall clock stepping forward by three days is not "time passing" for the trust period.
            ClockTracker c = NewTracker();
            c.Synced(new Instant(5000, T));
            c.Observe(new Instant(6000, T + 3L * 86400000L));
            Assert.AreEqual((int)ClockState.Synced, (int)c.State);
        }

        [TestMethod]
        public void Synced_WhenStale_BecomesValidAgainWithNewValidSince()
        {
            ClockTracker c = NewTracker();
            c.Synced(new Instant(5000, T));
            c.Observe(new Instant(5001 + Trust, T + Trust + 1));
            Assert.AreEqual((int)ClockState.Stale, (int)c.State);

            long resyncUtc = T + Trust + 2000;
            Assert.IsTrue(c.Synced(new Instant(5002 + Trust, resyncUtc)));
            Assert.AreEqual((int)ClockState.Synced, (int)c.State);
            Assert.AreEqual(resyncUtc, c.ValidSinceUtcMs);
            Assert.AreEqual(5002 + Trust, c.LastSyncMonotonicMs);
        }

        [TestMethod]
        public void Synced_EverySecondDay_NeverGoesStale()
        {
            ClockTracker c = NewTracker();
            long mono = 1000;
            c.Synced(new Instant(mono, T));
            for (int day = 1; day <= 10; day++)
            {
                for (int h = 0; h < 47; h++)
                {
                    mono += 3600000;
                    Assert.IsFalse(c.Observe(new Instant(mono, T + mono)));
                }

                mono += 3600000;
                Assert.IsFalse(c.Synced(new Instant(mono, T + mono)));
                Assert.IsTrue(c.Valid);
            }
        }
    }
}
