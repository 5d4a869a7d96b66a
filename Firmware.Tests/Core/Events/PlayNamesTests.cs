using CommuneRadio.Core.Events;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Events
{
    [TestClass]
    public class PlayNamesTests
    {
        // Event kinds and reasons of docs/protocol.md §6 (and the update events of §8), in the order of the enums' values (0 first).
        private static readonly string[] KindNames = new string[]
        {
            "started", "ended", "preempted", "resumed", "missed", "update-committed", "update-rolled-back",
        };

        private static readonly string[] ReasonNames = new string[]
        {
            "none", "preempted", "no-clock", "relay-fault", "expired", "powered-off", "clock-jump", "on-time-limit",
            "stopped", "removed", "not-healthy", "boot-failed", "load-failed",
        };

        [TestMethod]
        public void Of_EveryKind_ItsProtocolName()
        {
            for (int i = 0; i < KindNames.Length; i++)
            {
                Assert.AreEqual(KindNames[i], PlayNames.Of((PlayEventKind)i), "kind " + i);
            }

            Assert.AreEqual("unknown", PlayNames.Of((PlayEventKind)KindNames.Length));
        }

        [TestMethod]
        public void Of_EveryReason_ItsProtocolName()
        {
            for (int i = 0; i < ReasonNames.Length; i++)
            {
                Assert.AreEqual(ReasonNames[i], PlayNames.Of((PlayReason)i), "reason " + i);
            }

            Assert.AreEqual("unknown", PlayNames.Of((PlayReason)ReasonNames.Length));
        }
    }
}
