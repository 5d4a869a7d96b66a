using CommuneRadio.Core.Connectivity;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Connectivity
{
    /// <summary>The exact delays: the jitter generator and the bounds of the backoff (ReconnectPolicy's summary).</summary>
    [TestClass]
    public class ReconnectPolicyDelayTests
    {
        // xorshift32 with shifts 13, 17, 5 from Marsaglia's example seed 2463534242 ("Xorshift RNGs", 2003): its
        // first output, 723471715, is the one quoted in the paper; the others follow from the same three steps.
        private const uint MarsagliaSeed = 2463534242;

        private static readonly uint[] MarsagliaOutputs = new uint[]
        {
            723471715, 2497366906, 2064144800, 2008045182, 3532304609, 374114282, 1350636274, 691148861,
        };

        [TestMethod]
        public void Failed_MarsagliaSeed_DelaysFollowXorshift32()
        {
            ReconnectPolicy p = new ReconnectPolicy(1000, int.MaxValue, MarsagliaSeed);
            for (int n = 1; n <= MarsagliaOutputs.Length; n++)
            {
                // After the n-th failure: min + output mod (min · 2ⁿ − min + 1), i.e. uniform in [min, min · 2ⁿ].
                long cap = 1000L << n;
                long expected = 1000 + (long)(MarsagliaOutputs[n - 1] % (ulong)(cap - 1000 + 1));
                p.Failed(0);
                Assert.AreEqual(expected, p.NextAttemptMs, "failure " + n);
            }
        }

        [TestMethod]
        public void Failed_SeedZero_StillJitters()
        {
            // A zero seed would leave xorshift at zero for ever (every delay the minimum): it is replaced.
            ReconnectPolicy p = new ReconnectPolicy(1000, 300000, 0);
            bool aboveMin = false;
            for (int n = 1; n <= 8; n++)
            {
                p.Failed(0);
                aboveMin |= p.NextAttemptMs > 1000;
            }

            Assert.IsTrue(aboveMin);
        }

        [TestMethod]
        public void Failed_MinEqualsMax_AlwaysExactlyThatDelay()
        {
            ReconnectPolicy p = new ReconnectPolicy(5000, 5000, 12345);
            long now = 0;
            for (int n = 1; n <= 10; n++)
            {
                p.Failed(now);
                Assert.AreEqual(now + 5000, p.NextAttemptMs, "failure " + n);
                now = p.NextAttemptMs;
            }
        }

        [TestMethod]
        public void Failed_HundredTimes_EveryDelayWithinMinAndMax()
        {
            // Past the 20th failure the exponent stays at 20: min · 2ⁿ for larger n would overflow a long.
            for (uint seed = 1; seed <= 4; seed++)
            {
                ReconnectPolicy p = new ReconnectPolicy(1000, 300000, seed * 2654435761u);
                long now = 0;
                bool overHalfMax = false;
                for (int n = 1; n <= 100; n++)
                {
                    p.Failed(now);
                    long delay = p.NextAttemptMs - now;
                    Assert.IsTrue(delay >= 1000 && delay <= 300000, "seed " + seed + ", failure " + n + ": " + delay + " ms");
                    overHalfMax |= n > 60 && delay > 150000;
                    now = p.NextAttemptMs;
                }

                Assert.IsTrue(overHalfMax, "seed " + seed + ": the cap stays at the maximum");
            }
        }
    }
}
