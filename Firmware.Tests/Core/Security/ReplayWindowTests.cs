using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Security
{
    /// <summary>
    /// The replay window of docs/protocol.md §4.3 through the endpoint: per issuer the 32 highest accepted counters
    /// are remembered; once 32 are held a counter older than the oldest is refused even if it was never seen, a
    /// counter inside the window is accepted once, and a newer one always.
    /// </summary>
    [TestClass]
    public class ReplayWindowTests
    {
        private static EndpointHarness Station()
        {
            return new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
        }

        private static string Status(EndpointHarness h, long counter)
        {
            CommandBuilder b = h.Commune("status", "{}");
            b.Counter = counter;
            return h.Send(b);
        }

        // Counters 10, 20, … 10 × count, each accepted.
        private static void SendTens(EndpointHarness h, int count)
        {
            for (int i = 1; i <= count; i++)
            {
                Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, i * 10L), "counter " + (i * 10));
            }
        }

        [TestMethod]
        public void FullWindow_UnseenCounterOlderThanTheOldest_Replayed()
        {
            EndpointHarness h = Station();
            SendTens(h, 33); // 10 … 330: 10 has been evicted, the window holds 20 … 330
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 15));
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 10), "the evicted counter");
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 19));
        }

        [TestMethod]
        public void FullWindow_NewerCounter_Accepted()
        {
            EndpointHarness h = Station();
            SendTens(h, 40);
            Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, 401));
            Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, 1000000));
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 401));
        }

        [TestMethod]
        public void FullWindow_UnseenCounterInsideTheWindow_AcceptedOnceAndEvictsTheOldest()
        {
            EndpointHarness h = Station();
            SendTens(h, 33); // window 20 … 330
            Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, 25), "slightly out of order");
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 25));

            // 25 took the place of 20, the oldest: 20 is now older than the window, 21 … 24 too; 30 was seen.
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 20));
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 24));
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 30));
            Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, 26));
        }

        [TestMethod]
        public void WindowNotFull_OlderUnseenCounter_AcceptedUntilThe32ndIsHeld()
        {
            EndpointHarness h = Station();
            SendTens(h, 31); // 31 counters held: not full yet
            Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, 5), "31 held: an older counter still fits");
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 4), "32 held: older than the oldest");
            Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, 6), "inside the window");
        }

        [TestMethod]
        public void FullWindow_EveryRememberedCounter_Replayed()
        {
            EndpointHarness h = Station();
            SendTens(h, 50); // window 190 … 500
            for (int i = 19; i <= 50; i++)
            {
                Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, i * 10L), "counter " + (i * 10));
            }

            Assert.AreEqual(EndpointHarness.Accepted("c-" + (h.Counter + 1)), Status(h, 495), "a gap inside the window");
        }

        [TestMethod]
        public void FullWindow_OtherIssuer_HasItsOwnWindow()
        {
            EndpointHarness h = Station();
            SendTens(h, 33);
            CommandBuilder province = h.Province("status", "{}");
            province.Counter = 15;
            Assert.AreEqual(EndpointHarness.Accepted(province.Id), h.Send(province));
        }

        [TestMethod]
        public void FullWindow_ReplayedCounter_ChangesNothing()
        {
            EndpointHarness h = Station();
            SendTens(h, 33);
            EndpointSnapshot before = new EndpointSnapshot(h);
            Assert.AreEqual(EndpointHarness.Refused("c-" + (h.Counter + 1), "replayed", "ctr"), Status(h, 15));
            before.Count(0, 1);
            Assert.IsNull(before.Difference());
        }
    }
}
