using CommuneRadio.Core.Security;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Security
{
    /// <summary>ReplayWindow on its own (the endpoint's view is in ReplayWindowTests).</summary>
    [TestClass]
    public class ReplayCounterTests
    {
        [TestMethod]
        public void IsFresh_CounterBelowOne_Refused()
        {
            ReplayWindow w = new ReplayWindow();
            Assert.IsFalse(w.IsFresh(0));
            Assert.IsFalse(w.IsFresh(-1));
            Assert.IsFalse(w.IsFresh(long.MinValue));
            Assert.IsTrue(w.IsFresh(1));
        }

        [TestMethod]
        public void Record_OutOfOrder_HeldAscending()
        {
            ReplayWindow w = new ReplayWindow();
            long[] arriving = new long[] { 30, 10, 20, 40, 25 };
            for (int i = 0; i < arriving.Length; i++)
            {
                Assert.IsTrue(w.IsFresh(arriving[i]));
                w.Record(arriving[i]);
            }

            long[] held = new long[] { 10, 20, 25, 30, 40 };
            Assert.AreEqual(held.Length, w.Count);
            for (int i = 0; i < held.Length; i++)
            {
                Assert.AreEqual(held[i], w.At(i));
            }
        }
    }
}
