using CommuneRadio.Core.Time;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Time
{
    [TestClass]
    public class InstantTests
    {
        [TestMethod]
        public void Plus_AdvancesBothClocks()
        {
            Instant later = new Instant(5000, 1763850600000).Plus(250);
            Assert.AreEqual(5250L, later.MonotonicMs);
            Assert.AreEqual(1763850600250L, later.UtcMs);
        }
    }
}
