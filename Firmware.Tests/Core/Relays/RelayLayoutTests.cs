using CommuneRadio.Core.Relays;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Relays
{
    [TestClass]
    public class RelayLayoutTests
    {
        private static RelayChannel[] Channels(int n)
        {
            RelayChannel[] c = new RelayChannel[n];
            for (int i = 0; i < n; i++)
            {
                c[i] = new RelayChannel(i, false, 0);
            }

            return c;
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 1)]
        [DataRow(4, 15)]
        [DataRow(30, 0x3FFFFFFF)]
        [DataRow(31, 0x7FFFFFFF)]
        [DataRow(32, 0x7FFFFFFF)]
        public void AllLinesMask_OneBitPerLine_AtMost31(int lines, int mask)
        {
            Assert.AreEqual(mask, new RelayLayout(Channels(1), Channels(lines), Channels(1)).AllLinesMask);
        }

        [TestMethod]
        public void OutputCount_AmplifiersLinesAndSources()
        {
            Assert.AreEqual(2 + 5 + 3, new RelayLayout(Channels(2), Channels(5), Channels(3)).OutputCount);
        }

        [TestMethod]
        public void LevelFor_ActiveLowInverts()
        {
            RelayChannel high = new RelayChannel(4, false, 0);
            RelayChannel low = new RelayChannel(5, true, 0);
            Assert.IsTrue(high.LevelFor(true));
            Assert.IsFalse(high.LevelFor(false));
            Assert.IsFalse(low.LevelFor(true));
            Assert.IsTrue(low.LevelFor(false));
        }
    }
}
