using CommuneRadio.Core.Connectivity;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Connectivity
{
    [TestClass]
    public class ReconnectPolicyTests
    {
        [TestMethod]
        public void Failed_Repeatedly_DelayWithinCappedExponentialBounds()
        {
            ReconnectPolicy p = new ReconnectPolicy(1000, 300000, 12345);
            long now = 0;
            for (int n = 1; n <= 30; n++)
            {
                p.Failed(now);
                long delay = p.NextAttemptMs - now;
                long cap = 1000L << (n > 20 ? 20 : n);
                cap = cap > 300000 ? 300000 : cap;
                Assert.IsTrue(delay >= 1000 && delay <= cap, "failure " + n + ": " + delay + " ms, cap " + cap);
                Assert.IsFalse(p.ShouldAttempt(p.NextAttemptMs - 1));
                Assert.IsTrue(p.ShouldAttempt(p.NextAttemptMs));
                now = p.NextAttemptMs;
            }
        }

        [TestMethod]
        public void Succeeded_ResetsBackoffAndAsksForResubscribeAndState()
        {
            ReconnectPolicy p = new ReconnectPolicy(1000, 300000, 7);
            p.Failed(0);
            p.Failed(10000);
            p.Succeeded();
            Assert.AreEqual(0, p.Failures);
            Assert.IsTrue(p.Connected);
            Assert.IsFalse(p.ShouldAttempt(1000000));
            Assert.IsTrue(p.ResubscribeNeeded);
            Assert.IsTrue(p.StateNeeded);
            p.Resubscribed();
            p.StatePublished();
            Assert.IsFalse(p.ResubscribeNeeded);
            Assert.IsFalse(p.StateNeeded);
            p.Failed(2000000);
            Assert.IsTrue(p.NextAttemptMs - 2000000 <= 2000, "first failure after a success waits at most 2 x min");
        }

        [TestMethod]
        public void BrokerRestart_TenThousandStations_JitterSpreadsReconnects()
        {
            // All stations lose the broker at t=0 and fail their first two attempts (broker still down 30 s).
            const int Stations = 10000;
            int[] perSecond = new int[400];
            for (int s = 0; s < Stations; s++)
            {
                ReconnectPolicy p = new ReconnectPolicy(1000, 300000, (uint)(s * 2654435761u + 1));
                p.Failed(0);
                while (p.NextAttemptMs < 30000)
                {
                    p.Failed(p.NextAttemptMs);
                }

                int second = (int)(p.NextAttemptMs / 1000);
                perSecond[second < perSecond.Length ? second : perSecond.Length - 1]++;
            }

            int peak = 0;
            for (int i = 0; i < perSecond.Length; i++)
            {
                peak = perSecond[i] > peak ? perSecond[i] : peak;
            }

            OutputHelper.WriteLine("peak reconnect attempts in one second after a 30 s outage: " + peak + " of " + Stations);
            Assert.IsTrue(peak < Stations / 10, "peak " + peak);
        }

        [TestMethod]
        public void SameSeed_SameDelays_DifferentSeeds_Differ()
        {
            ReconnectPolicy a = new ReconnectPolicy(1000, 300000, 99);
            ReconnectPolicy b = new ReconnectPolicy(1000, 300000, 99);
            ReconnectPolicy c = new ReconnectPolicy(1000, 300000, 100);
            bool differs = false;
            for (int i = 0; i < 8; i++)
            {
                a.Failed(0);
                b.Failed(0);
                c.Failed(0);
                Assert.AreEqual(a.NextAttemptMs, b.NextAttemptMs);
                differs |= a.NextAttemptMs != c.NextAttemptMs;
            }

            Assert.IsTrue(differs);
        }
    }
}
