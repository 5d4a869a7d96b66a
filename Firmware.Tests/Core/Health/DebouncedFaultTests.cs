using CommuneRadio.Core.Health;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Health
{
    [TestClass]
    public class DebouncedFaultTests
    {
        private const int Raise = 10000;
        private const int Clear = 30000;

        // Feeds the same condition every tickMs from fromMs up to and including toMs; returns the number of changes.
        private static int Feed(DebouncedFault f, bool condition, long fromMs, long toMs, int tickMs)
        {
            int changes = 0;
            for (long t = fromMs; t <= toMs; t += tickMs)
            {
                if (f.Update(condition, t, Raise, Clear))
                {
                    changes++;
                }
            }

            return changes;
        }

        [TestMethod]
        public void Update_ConditionJustUnderRaiseDelay_NotRaised()
        {
            DebouncedFault f = new DebouncedFault();
            Assert.AreEqual(0, Feed(f, true, 1000, 1000 + Raise - 1, 1));
            Assert.IsFalse(f.Raised);
        }

        [TestMethod]
        public void Update_ConditionHeldForRaiseDelay_RaisedExactlyThenAndReportedOnce()
        {
            DebouncedFault f = new DebouncedFault();
            Assert.IsFalse(f.Update(true, 1000, Raise, Clear));
            Assert.IsFalse(f.Update(true, 1000 + Raise - 1, Raise, Clear));
            Assert.IsTrue(f.Update(true, 1000 + Raise, Raise, Clear));
            Assert.IsTrue(f.Raised);
            Assert.IsFalse(f.Update(true, 1000 + Raise + 1, Raise, Clear), "only the change is reported");
            Assert.IsTrue(f.Raised);
        }

        [TestMethod]
        public void Update_GlitchesShorterThanRaiseDelay_NeverRaised()
        {
            // Condition for 9.75 s, gone for one tick, again for 9.75 s, … for ten minutes.
            DebouncedFault f = new DebouncedFault();
            long t = 0;
            for (int round = 0; round < 60; round++)
            {
                Assert.AreEqual(0, Feed(f, true, t, t + 9750, 250));
                Assert.IsFalse(f.Update(false, t + 10000, Raise, Clear));
                t += 10250;
            }

            Assert.IsFalse(f.Raised);
        }

        [TestMethod]
        public void Update_ConditionReturnsAfterGlitch_RaiseDelayRestarts()
        {
            DebouncedFault f = new DebouncedFault();
            Feed(f, true, 0, 5000, 250);
            f.Update(false, 5250, Raise, Clear);
            Assert.AreEqual(0, Feed(f, true, 5500, 15250, 250));
            Assert.IsFalse(f.Raised);
            Assert.IsTrue(f.Update(true, 15500, Raise, Clear));
        }

        [TestMethod]
        public void Update_GoodForClearDelay_ClearedExactlyThen()
        {
            DebouncedFault f = new DebouncedFault();
            Feed(f, true, 0, Raise, 250);
            Assert.IsTrue(f.Raised);

            long goodFrom = 20000;
            Assert.AreEqual(0, Feed(f, false, goodFrom, goodFrom + Clear - 1, 1));
            Assert.IsTrue(f.Raised);
            Assert.IsTrue(f.Update(false, goodFrom + Clear, Raise, Clear));
            Assert.IsFalse(f.Raised);
            Assert.IsFalse(f.Update(false, goodFrom + Clear + 1, Raise, Clear));
        }

        [TestMethod]
        public void Update_ConditionReturnsWhileClearing_StaysRaisedAndClearDelayRestarts()
        {
            DebouncedFault f = new DebouncedFault();
            Feed(f, true, 0, Raise, 250);
            Feed(f, false, 20000, 45000, 250);
            f.Update(true, 45250, Raise, Clear);
            Assert.IsTrue(f.Raised);
            Assert.AreEqual(0, Feed(f, false, 45500, 75250, 250));
            Assert.IsTrue(f.Raised);
            Assert.IsTrue(f.Update(false, 75500, Raise, Clear));
        }

        [TestMethod]
        public void Update_ZeroDelays_FollowTheCondition()
        {
            DebouncedFault f = new DebouncedFault();
            Assert.IsTrue(f.Update(true, 5, 0, 0));
            Assert.IsTrue(f.Raised);
            Assert.IsTrue(f.Update(false, 6, 0, 0));
            Assert.IsFalse(f.Raised);
        }

        [TestMethod]
        public void Update_SparseSamples_ConditionAssumedHeldBetweenThem()
        {
            DebouncedFault f = new DebouncedFault();
            Assert.IsFalse(f.Update(true, 0, Raise, Clear));
            Assert.IsTrue(f.Update(true, 60000, Raise, Clear));
        }

        [TestMethod]
        public void Update_NegativeMonotonicTimes_Work()
        {
            DebouncedFault f = new DebouncedFault();
            Assert.IsFalse(f.Update(true, -20000, Raise, Clear));
            Assert.IsFalse(f.Update(true, -10001, Raise, Clear));
            Assert.IsTrue(f.Update(true, -10000, Raise, Clear));
        }

        [TestMethod]
        public void Restart_WhileConditionHeld_ForgetsTiming()
        {
            DebouncedFault f = new DebouncedFault();
            Feed(f, true, 0, 9000, 250);
            f.Restart();
            Assert.AreEqual(0, Feed(f, true, 9250, 19000, 250));
            Assert.IsFalse(f.Raised);
            Assert.IsTrue(f.Update(true, 19250, Raise, Clear));
        }

        [TestMethod]
        public void Restart_WhileRaisedAndClearing_KeepsRaisedAndRestartsClearDelay()
        {
            DebouncedFault f = new DebouncedFault();
            Feed(f, true, 0, Raise, 250);
            Feed(f, false, 11000, 30000, 250);
            f.Restart();
            Assert.IsTrue(f.Raised);
            Assert.AreEqual(0, Feed(f, false, 30250, 60000, 250));
            Assert.IsTrue(f.Update(false, 60250, Raise, Clear));
        }
    }
}
