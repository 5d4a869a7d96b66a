using CommuneRadio.Core.Health;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Health
{
    [TestClass]
    public class FaultNamesTests
    {
        // The `faults` names of docs/protocol.md §6, in the order the state message lists them.
        private static readonly string[] WireNames = new string[]
        {
            "amp-no-current", "amp-current-while-off", "mains-lost", "battery-low", "clock-lost", "storage-error",
            "relay-fault", "config-error",
        };

        [TestMethod]
        public void All_EveryFlagOnceInProtocolOrder_WithItsName()
        {
            Assert.AreEqual(WireNames.Length, FaultNames.All.Length);
            int seen = 0;
            for (int i = 0; i < WireNames.Length; i++)
            {
                FaultFlags flag = FaultNames.All[i];
                Assert.AreEqual(WireNames[i], FaultNames.Of(flag), "flag " + i);
                Assert.AreEqual(0, seen & (int)flag, "listed twice: " + WireNames[i]);
                seen |= (int)flag;
            }

            Assert.AreEqual(255, seen);
        }

        [TestMethod]
        public void Of_NoneOrCombination_None()
        {
            Assert.AreEqual("none", FaultNames.Of(FaultFlags.None));
            Assert.AreEqual("none", FaultNames.Of(FaultFlags.MainsLost | FaultFlags.BatteryLow));
        }
    }
}
