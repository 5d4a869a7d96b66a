using CommuneRadio.Core.Health;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Health
{
    /// <summary>When a health snapshot is due: every telemetry period, and a coalescing delay after a change.</summary>
    [TestClass]
    public class HealthReportingTests
    {
        private const int Period = 60000;
        private const int Coalesce = 2000;

        private static bool Due(HealthReporting h, long nowMs)
        {
            return h.Evaluate(nowMs, 0, 0, true, Period, Coalesce);
        }

        [TestMethod]
        public void Evaluate_NothingChanges_DueAtBootThenEveryPeriod()
        {
            HealthReporting h = new HealthReporting(new FaultThresholds());
            h.Boot(1000);
            Assert.IsTrue(Due(h, 1000), "at boot");
            Assert.IsFalse(Due(h, 1000 + Period - 1));
            Assert.IsTrue(Due(h, 1000 + Period));
            Assert.IsFalse(Due(h, 1000 + Period + 1));
            Assert.IsFalse(Due(h, 1000 + 2 * Period - 1));
            Assert.IsTrue(Due(h, 1000 + 2 * Period));
        }

        [TestMethod]
        public void Evaluate_AfterChange_DueOnceTheCoalescingDelayHasPassedSinceTheFirstChange()
        {
            HealthReporting h = new HealthReporting(new FaultThresholds());
            h.Boot(0);
            Assert.IsTrue(Due(h, 0));
            h.Changed(10000);
            h.Changed(11000);
            Assert.IsFalse(Due(h, 10000 + Coalesce - 1));
            Assert.IsTrue(Due(h, 10000 + Coalesce), "measured from the first change");
            Assert.IsFalse(Due(h, 10000 + Coalesce + 1), "the change was reported");
            Assert.IsTrue(Due(h, 10000 + Coalesce + Period), "the period restarts at the report");
        }

        [TestMethod]
        public void Evaluate_FaultRaised_CountsAsAChange()
        {
            FaultThresholds t = new FaultThresholds();
            HealthReporting h = new HealthReporting(t);
            SensorReadings mainsLost = new SensorReadings();
            mainsLost.HasMains = true;
            mainsLost.MainsPresent = false;
            h.UpdateSensors(mainsLost);
            h.Boot(0);
            Assert.IsTrue(Due(h, 0));
            Assert.IsFalse(Due(h, t.RaiseAfterMs - 1));
            Assert.IsFalse(Due(h, t.RaiseAfterMs), "raised now; reported after the coalescing delay");
            Assert.AreEqual((int)FaultFlags.MainsLost, (int)h.Faults.Flags);
            Assert.IsFalse(Due(h, t.RaiseAfterMs + Coalesce - 1));
            Assert.IsTrue(Due(h, t.RaiseAfterMs + Coalesce));
            Assert.IsFalse(Due(h, t.RaiseAfterMs + Coalesce + 1), "a fault that stays raised is no new change");
        }

        [TestMethod]
        public void UpdateSensors_CopiesEveryReading()
        {
            HealthReporting h = new HealthReporting(new FaultThresholds());
            SensorReadings r = new SensorReadings();
            r.HasAmpCurrent = true;
            r.AmpCurrentA = 1.25;
            r.HasMains = true;
            r.MainsPresent = false;
            r.HasBattery = true;
            r.BatteryV = 12.5;
            r.FreeMemoryBytes = 81920;
            h.UpdateSensors(r);
            r.AmpCurrentA = 0;
            Assert.AreNotSame(r, h.Readings);
            Assert.IsTrue(h.Readings.HasAmpCurrent);
            Assert.AreEqual(1.25, h.Readings.AmpCurrentA);
            Assert.IsTrue(h.Readings.HasMains);
            Assert.IsFalse(h.Readings.MainsPresent);
            Assert.IsTrue(h.Readings.HasBattery);
            Assert.AreEqual(12.5, h.Readings.BatteryV);
            Assert.AreEqual(81920L, h.Readings.FreeMemoryBytes);
        }
    }
}
