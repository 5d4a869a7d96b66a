using CommuneRadio.Core.Health;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Health
{
    [TestClass]
    public class FaultMonitorTests
    {
        private const int TickMs = 250;

        // Within EN 54-16's 100 s from onset to report.
        private const long ReportLimitMs = 100000;

        private static SensorReadings AllSensorsHealthy()
        {
            SensorReadings r = new SensorReadings();
            r.HasAmpCurrent = true;
            r.AmpCurrentA = 0.0;
            r.HasMains = true;
            r.MainsPresent = true;
            r.HasBattery = true;
            r.BatteryV = 13.2;
            return r;
        }

        private static bool Has(FaultMonitor m, FaultFlags flag)
        {
            return (m.Flags & flag) != 0;
        }

        // Evaluates every tick from fromMs to toMs inclusive; returns the first time the flag was raised, or -1.
        private static long RunUntilRaised(FaultMonitor m, SensorReadings r, int ampsOn, int warmAmps, bool clockValid, long fromMs, long toMs, FaultFlags flag)
        {
            for (long t = fromMs; t <= toMs; t += TickMs)
            {
                m.Evaluate(r, ampsOn, warmAmps, clockValid, t);
                if (Has(m, flag))
                {
                    return t;
                }
            }

            return -1;
        }

        // Evaluates every tick and counts the ticks at which anything changed.
        private static int CountChanges(FaultMonitor m, SensorReadings r, int ampsOn, int warmAmps, bool clockValid, long fromMs, long toMs)
        {
            int n = 0;
            for (long t = fromMs; t <= toMs; t += TickMs)
            {
                if (m.Evaluate(r, ampsOn, warmAmps, clockValid, t))
                {
                    n++;
                }
            }

            return n;
        }

        [TestMethod]
        public void Evaluate_HealthyStation_NoFlagsEver()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            Assert.AreEqual(0, CountChanges(m, r, 0, 0, true, 0, 600000));
            r.AmpCurrentA = 1.5;
            Assert.AreEqual(0, CountChanges(m, r, 2, 2, true, 600250, 1200000));
            Assert.AreEqual((int)FaultFlags.None, (int)m.Flags);
        }

        [TestMethod]
        public void Evaluate_SensorsNotFitted_NeverRaised()
        {
            // Readings that would be faults if the sensors were fitted.
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = new SensorReadings();
            r.AmpCurrentA = 0.0;
            r.MainsPresent = false;
            r.BatteryV = 0.0;
            Assert.AreEqual(0, CountChanges(m, r, 2, 2, true, 0, 3600000));
            r.AmpCurrentA = 5.0;
            Assert.AreEqual(0, CountChanges(m, r, 0, 0, true, 3600250, 7200000));
            Assert.AreEqual((int)FaultFlags.None, (int)m.Flags);
        }

        [TestMethod]
        public void Evaluate_AmpsWarmWithoutCurrent_RaisedAfterRaiseDelay()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.AmpCurrentA = 0.05;
            Assert.AreEqual(15000L, RunUntilRaised(m, r, 2, 2, true, 5000, 200000, FaultFlags.AmpNoCurrent));
        }

        [TestMethod]
        [DataRow(1, 0.19, true)]
        [DataRow(1, 0.2, false)]
        [DataRow(2, 0.39, true)]
        [DataRow(2, 0.41, false)]
        public void Evaluate_CurrentAgainstMinimumPerWarmAmp_RaisedOnlyBelow(int amps, double current, bool raised)
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.AmpCurrentA = current;
            CountChanges(m, r, amps, amps, true, 0, 60000);
            Assert.AreEqual(raised, Has(m, FaultFlags.AmpNoCurrent));
        }

        [TestMethod]
        public void Evaluate_AmpsNotYetWarm_NoCurrentIsNotAFault()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            Assert.AreEqual(0, CountChanges(m, r, 2, 0, true, 0, 120000), "powered, none warm");
            Assert.AreEqual(0, CountChanges(m, r, 2, 1, true, 120250, 240000), "one still warming up");
            Assert.IsFalse(Has(m, FaultFlags.AmpNoCurrent));
        }

        [TestMethod]
        public void Evaluate_CurrentRestored_ClearedAfterClearDelay()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            RunUntilRaised(m, r, 1, 1, true, 0, 60000, FaultFlags.AmpNoCurrent);
            r.AmpCurrentA = 0.8;
            m.Evaluate(r, 1, 1, true, 100000);
            m.Evaluate(r, 1, 1, true, 129999);
            Assert.IsTrue(Has(m, FaultFlags.AmpNoCurrent));
            Assert.IsTrue(m.Evaluate(r, 1, 1, true, 130000));
            Assert.IsFalse(Has(m, FaultFlags.AmpNoCurrent));
        }

        [TestMethod]
        public void Evaluate_CurrentWhileAllAmpsOff_Raised()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.AmpCurrentA = 0.6; // a welded amplifier relay
            Assert.AreEqual(10000L, RunUntilRaised(m, r, 0, 0, true, 0, 200000, FaultFlags.AmpCurrentWhileOff));
            Assert.IsFalse(Has(m, FaultFlags.AmpNoCurrent));
        }

        [TestMethod]
        [DataRow(0.1, false)]
        [DataRow(0.11, true)]
        [DataRow(0.0, false)]
        public void Evaluate_OffCurrentAgainstMaximum_RaisedOnlyAbove(double current, bool raised)
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.AmpCurrentA = current;
            CountChanges(m, r, 0, 0, true, 0, 60000);
            Assert.AreEqual(raised, Has(m, FaultFlags.AmpCurrentWhileOff));
        }

        [TestMethod]
        public void Evaluate_CurrentWithAmpsOn_NotCurrentWhileOff()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.AmpCurrentA = 2.0;
            Assert.AreEqual(0, CountChanges(m, r, 1, 0, true, 0, 60000));
        }

        [TestMethod]
        public void Evaluate_MainsLost_RaisedThenClearedWhenBack()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.MainsPresent = false;
            Assert.AreEqual(10000L, RunUntilRaised(m, r, 0, 0, true, 0, 200000, FaultFlags.MainsLost));
            r.MainsPresent = true;
            Assert.AreEqual(1, CountChanges(m, r, 0, 0, true, 20000, 50000));
            Assert.IsFalse(Has(m, FaultFlags.MainsLost));
        }

        [TestMethod]
        public void Evaluate_MainsFlickerShorterThanRaiseDelay_NotRaised()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.MainsPresent = false;
            Assert.AreEqual(0, CountChanges(m, r, 0, 0, true, 0, 9750));
            r.MainsPresent = true;
            Assert.AreEqual(0, CountChanges(m, r, 0, 0, true, 10000, 60000));
        }

        [TestMethod]
        public void Evaluate_BatteryBelowLow_Raised()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.BatteryV = 11.4;
            Assert.AreEqual(10000L, RunUntilRaised(m, r, 0, 0, true, 0, 200000, FaultFlags.BatteryLow));
        }

        [TestMethod]
        public void Evaluate_BatteryAtLowThreshold_NotRaised()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.BatteryV = 11.5;
            Assert.AreEqual(0, CountChanges(m, r, 0, 0, true, 0, 120000));
        }

        [TestMethod]
        public void Evaluate_BatteryNoisyAroundThreshold_DoesNotFlap()
        {
            // Low 11.5 V, hysteresis 0.6 V: once raised, readings alternating 11.4/11.6 V keep it raised.
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.BatteryV = 11.4;
            RunUntilRaised(m, r, 0, 0, true, 0, 60000, FaultFlags.BatteryLow);
            Assert.IsTrue(Has(m, FaultFlags.BatteryLow));

            int changes = 0;
            for (long t = 60000; t < 3600000; t += 1000)
            {
                r.BatteryV = (t / 1000) % 2 == 0 ? 11.4 : 11.6;
                if (m.Evaluate(r, 0, 0, true, t))
                {
                    changes++;
                }
            }

            Assert.AreEqual(0, changes);
            Assert.IsTrue(Has(m, FaultFlags.BatteryLow));
        }

        [TestMethod]
        public void Evaluate_BatteryNoisyAroundThresholdFromHealthy_AtMostOneChange()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            int changes = 0;
            for (long t = 0; t < 3600000; t += 250)
            {
                r.BatteryV = (t / 250) % 2 == 0 ? 11.4 : 11.6;
                if (m.Evaluate(r, 0, 0, true, t))
                {
                    changes++;
                }
            }

            Assert.IsTrue(changes <= 1, "changes: " + changes.ToString());
        }

        [TestMethod]
        public void Evaluate_BatteryJustBelowLowWithNoisyReadings_RaisedByTheAverage()
        {
            // Mean 11.45 V, below the 11.5 V threshold, but two readings in five are not below it: each of those
            // would restart a raise delay applied to raw readings. The 5 s average stays below: raised once.
            double[] noise = { 11.35, 11.55, 11.45, 11.40, 11.50 };
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            long raisedAt = -1;
            int changes = 0;
            for (long t = 0; t < 600000; t += 1000)
            {
                r.BatteryV = noise[(int)(t / 1000) % noise.Length];
                if (m.Evaluate(r, 0, 0, true, t))
                {
                    changes++;
                    raisedAt = raisedAt < 0 ? t : raisedAt;
                }
            }

            Assert.AreEqual(1, changes);
            Assert.IsTrue(raisedAt >= 10000 && raisedAt <= 20000, "raised at " + raisedAt.ToString());
            Assert.IsTrue(Has(m, FaultFlags.BatteryLow));
        }

        [TestMethod]
        public void Evaluate_BatteryDipsUnderLoadForASecond_NotRaised()
        {
            // A healthy 12.0 V battery sagging to 11.0 V for one reading in ten (amplifier inrush).
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.BatteryV = 12.0;
            int changes = 0;
            for (long t = 0; t < 600000; t += 1000)
            {
                r.BatteryV = (t / 1000) % 10 == 9 ? 11.0 : 12.0;
                if (m.Evaluate(r, 0, 0, true, t))
                {
                    changes++;
                }
            }

            Assert.AreEqual(0, changes);
        }

        [TestMethod]
        public void Evaluate_BatteryFilterOff_RawReadingsRestartTheRaiseDelay()
        {
            // The behaviour the average replaces, kept reachable (BatteryFilterMs 0) and pinned by this test.
            double[] noise = { 11.35, 11.55, 11.45, 11.40, 11.50 };
            FaultThresholds raw = new FaultThresholds();
            raw.BatteryFilterMs = 0;
            FaultMonitor m = new FaultMonitor(raw);
            SensorReadings r = AllSensorsHealthy();
            int changes = 0;
            for (long t = 0; t < 600000; t += 1000)
            {
                r.BatteryV = noise[(int)(t / 1000) % noise.Length];
                if (m.Evaluate(r, 0, 0, true, t))
                {
                    changes++;
                }
            }

            Assert.AreEqual(0, changes);
        }

        [TestMethod]
        public void Evaluate_BatteryRecoversInsideHysteresisBand_StaysRaised()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.BatteryV = 11.0;
            RunUntilRaised(m, r, 0, 0, true, 0, 60000, FaultFlags.BatteryLow);
            r.BatteryV = 12.05;
            Assert.AreEqual(0, CountChanges(m, r, 0, 0, true, 60000, 600000));
            Assert.IsTrue(Has(m, FaultFlags.BatteryLow));
        }

        [TestMethod]
        public void Evaluate_BatteryRecoversAboveHysteresisBand_ClearedAfterClearDelay()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.BatteryV = 11.0;
            RunUntilRaised(m, r, 0, 0, true, 0, 60000, FaultFlags.BatteryLow);
            r.BatteryV = 12.15;
            m.Evaluate(r, 0, 0, true, 100000);
            m.Evaluate(r, 0, 0, true, 129999);
            Assert.IsTrue(Has(m, FaultFlags.BatteryLow));
            Assert.IsTrue(m.Evaluate(r, 0, 0, true, 130000));
            Assert.IsFalse(Has(m, FaultFlags.BatteryLow));
        }

        [TestMethod]
        public void Evaluate_ClockInvalid_ClockLostAfterClockLostDelay()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            m.Evaluate(r, 0, 0, false, 1000);
            m.Evaluate(r, 0, 0, false, 60999);
            Assert.IsFalse(Has(m, FaultFlags.ClockLost));
            Assert.IsTrue(m.Evaluate(r, 0, 0, false, 61000));
            Assert.IsTrue(Has(m, FaultFlags.ClockLost));
        }

        [TestMethod]
        public void Evaluate_ClockValidAgain_ClearedImmediately()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            RunUntilRaised(m, r, 0, 0, false, 0, 100000, FaultFlags.ClockLost);
            Assert.IsTrue(m.Evaluate(r, 0, 0, true, 100000));
            Assert.IsFalse(Has(m, FaultFlags.ClockLost));
        }

        [TestMethod]
        public void Evaluate_ClockValidBriefly_RestartsClockLostDelay()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            CountChanges(m, r, 0, 0, false, 0, 50000);
            m.Evaluate(r, 0, 0, true, 50250);
            Assert.AreEqual(50500L + 60000L, RunUntilRaised(m, r, 0, 0, false, 50500, 200000, FaultFlags.ClockLost));
        }

        [TestMethod]
        public void Evaluate_AllFaultsAtOnceWithDefaults_EachRaisedWithin100s()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.AmpCurrentA = 1.2;
            CountChanges(m, r, 2, 2, true, 0, 30000);

            // Onset at 30 s: mains and battery fail, the amplifiers stop drawing current, the clock is lost.
            long onset = 30250;
            r.MainsPresent = false;
            r.BatteryV = 10.8;
            r.AmpCurrentA = 0.0;
            long mains = -1;
            long battery = -1;
            long amp = -1;
            long clock = -1;
            for (long t = onset; t <= onset + ReportLimitMs; t += TickMs)
            {
                m.Evaluate(r, 2, 2, false, t);
                mains = mains < 0 && Has(m, FaultFlags.MainsLost) ? t : mains;
                battery = battery < 0 && Has(m, FaultFlags.BatteryLow) ? t : battery;
                amp = amp < 0 && Has(m, FaultFlags.AmpNoCurrent) ? t : amp;
                clock = clock < 0 && Has(m, FaultFlags.ClockLost) ? t : clock;
            }

            Assert.AreEqual(onset + 10000, mains);
            Assert.AreEqual(onset + 10000, amp);

            // The battery's 5 s average takes about 6 s to fall from 13.2 V through 11.5 V, then the raise delay runs.
            Assert.IsTrue(battery > onset + 10000 && battery <= onset + 20000, "battery raised at onset + " + (battery - onset).ToString());
            Assert.AreEqual(onset + 60000, clock);
        }

        [TestMethod]
        public void Evaluate_CurrentWhileOffWithDefaults_RaisedWithin100s()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            CountChanges(m, r, 0, 0, true, 0, 30000);
            r.AmpCurrentA = 0.9;
            long raised = RunUntilRaised(m, r, 0, 0, true, 30250, 30250 + ReportLimitMs, FaultFlags.AmpCurrentWhileOff);
            Assert.IsTrue(raised > 0 && raised - 30250 <= ReportLimitMs);
        }

        [TestMethod]
        public void Thresholds_Defaults_InsideReportLimit()
        {
            FaultThresholds t = new FaultThresholds();
            Assert.IsTrue(t.RaiseAfterMs + TickMs <= ReportLimitMs);
            Assert.IsTrue(t.ClockLostAfterMs + TickMs <= ReportLimitMs);
        }

        [TestMethod]
        public void SetDirect_RaiseAndClear_IndependentOfDebouncedFlags()
        {
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = AllSensorsHealthy();
            r.MainsPresent = false;
            RunUntilRaised(m, r, 0, 0, true, 0, 60000, FaultFlags.MainsLost);

            m.SetDirect(FaultFlags.StorageError, true);
            m.SetDirect(FaultFlags.RelayFault, true);
            Assert.AreEqual((int)(FaultFlags.MainsLost | FaultFlags.StorageError | FaultFlags.RelayFault), (int)m.Flags);
            m.SetDirect(FaultFlags.StorageError, false);
            Assert.AreEqual((int)(FaultFlags.MainsLost | FaultFlags.RelayFault), (int)m.Flags);
            m.SetDirect(FaultFlags.RelayFault, false);
            m.SetDirect(FaultFlags.ConfigError, false);
            Assert.AreEqual((int)FaultFlags.MainsLost, (int)m.Flags);
        }

        [TestMethod]
        public void Evaluate_CustomThresholds_Respected()
        {
            FaultThresholds th = new FaultThresholds();
            th.RaiseAfterMs = 2000;
            th.ClearAfterMs = 5000;
            th.BatteryLowV = 22.0;
            th.BatteryHysteresisV = 1.0;
            FaultMonitor m = new FaultMonitor(th);
            SensorReadings r = AllSensorsHealthy();
            r.BatteryV = 21.9; // a 24 V system
            Assert.AreEqual(2000L, RunUntilRaised(m, r, 0, 0, true, 0, 60000, FaultFlags.BatteryLow));
            r.BatteryV = 22.9;
            Assert.AreEqual(0, CountChanges(m, r, 0, 0, true, 2250, 20000));
            r.BatteryV = 23.1;

            // The average crosses 23.0 V about 3.5 s after the step, then the 5 s clear delay runs.
            Assert.AreEqual(1, CountChanges(m, r, 0, 0, true, 20250, 30250));
            Assert.IsFalse(Has(m, FaultFlags.BatteryLow));
        }
    }
}
