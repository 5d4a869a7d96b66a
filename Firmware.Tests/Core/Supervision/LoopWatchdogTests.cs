using CommuneRadio.Core.Supervision;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Supervision
{
    [TestClass]
    public class LoopWatchdogTests
    {
        [TestMethod]
        public void IsStalled_BeforeFirstFeed_False()
        {
            Assert.IsFalse(new LoopWatchdog(30000).IsStalled(1000000));
            Assert.AreEqual(0L, new LoopWatchdog(30000).SinceFeedMs(1000000));
        }

        [TestMethod]
        public void IsStalled_FedRegularly_False_ThenStalls()
        {
            LoopWatchdog w = new LoopWatchdog(30000);
            for (long t = 0; t < 600000; t += 250)
            {
                w.Feed(t);
                Assert.IsFalse(w.IsStalled(t + 249));
            }

            Assert.IsFalse(w.IsStalled(599750 + 30000));
            Assert.IsTrue(w.IsStalled(599750 + 30001));
            Assert.AreEqual(30001L, w.SinceFeedMs(599750 + 30001));
        }
    }
}
