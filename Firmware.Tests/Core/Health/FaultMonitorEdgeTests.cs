using CommuneRadio.Core.Health;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Health
{
    /// <summary>Sensor readings at the edges: a current sensor reading slightly negative, two battery readings at one instant.</summary>
    [TestClass]
    public class FaultMonitorEdgeTests
    {
        [TestMethod]
        public void Evaluate_AllAmplifiersOffAndCurrentSlightlyNegative_NoAmpNoCurrent()
        {
            // A Hall-effect sensor at rest reads a little below zero; with no amplifier on there is no current to miss.
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = new SensorReadings();
            r.HasAmpCurrent = true;
            r.AmpCurrentA = -0.05;
            for (long t = 0; t <= 60000; t += 250)
            {
                m.Evaluate(r, 0, 0, true, t);
            }

            Assert.AreEqual((int)FaultFlags.None, (int)m.Flags);
        }

        [TestMethod]
        public void Evaluate_SecondBatteryReadingAtTheSameInstant_AddsNothingToTheAverage()
        {
            // 12.0 V, then 10.0 V at the same millisecond (no time has passed: the filtered average stays 12.0 V), then
            // 11.6 V each second. The average only falls from 12.0 V towards 11.6 V: never under the 11.5 V threshold.
            // Had the 10.0 V reading replaced it, the average would climb from 10.0 V and stay under 11.5 V for 12 s.
            FaultMonitor m = new FaultMonitor(new FaultThresholds());
            SensorReadings r = new SensorReadings();
            r.HasBattery = true;
            r.BatteryV = 12.0;
            m.Evaluate(r, 0, 0, true, 0);
            r.BatteryV = 10.0;
            m.Evaluate(r, 0, 0, true, 0);
            r.BatteryV = 11.6;
            for (long t = 1000; t <= 30000; t += 1000)
            {
                m.Evaluate(r, 0, 0, true, t);
                Assert.AreEqual(0, (int)(m.Flags & FaultFlags.BatteryLow), "at " + t + " ms");
            }
        }
    }
}
