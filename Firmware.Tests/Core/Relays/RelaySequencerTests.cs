using System.Text;
using CommuneRadio.Core.Relays;
using nanoFramework.TestFramework;
using static CommuneRadio.Tests.Core.Relays.SequencerScript;

namespace CommuneRadio.Tests.Core.Relays
{
    /// <summary>The switching sequence: boot, start, stop, source change, retargeting, minimum interval.</summary>
    [TestClass]
    public class RelaySequencerTests
    {
        [TestMethod]
        public void AllOff_AtBoot_WritesOffLevelToEveryOutputLinesFirst()
        {
            RelayLayout layout = Layout();
            RelaySequencer s = new RelaySequencer(layout);
            RelayWriteBuffer writes = new RelayWriteBuffer(layout.OutputCount);
            s.AllOff(0, writes);
            StringBuilder log = new StringBuilder();
            Append(log, 0, writes);

            // Active-low relays are off at a high level; active-high ones at a low level.
            Assert.AreEqual(Lines(
                "0 line0 off H", "0 line1 off H", "0 line2 off L", "0 line3 off H",
                "0 src0 off L", "0 src1 off H",
                "0 amp0 off H", "0 amp1 off H"), log.ToString());

            int[] pins = { 16, 17, 18, 19, 21, 22, 25, 26 };
            for (int i = 0; i < writes.Count; i++)
            {
                Assert.AreEqual(pins[i], writes.At(i).Pin);
                Assert.IsFalse(writes.At(i).On);
            }

            Assert.IsTrue(s.AllOutputsOff);
            Assert.AreEqual(0, s.TargetLines);
            Assert.AreEqual(-1, s.TargetSource);
        }

        [TestMethod]
        public void AllOff_WhilePlaying_ForcesEveryOutputOffAndClearsTarget()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            writes.Clear();
            s.AllOff(6000, writes);
            Assert.AreEqual(8, writes.Count);
            Assert.IsTrue(s.AllOutputsOff);
            Assert.IsFalse(s.Delivering);
            Assert.AreEqual(0, s.TargetLines);
            Assert.AreEqual("", Run(s, writes, 6010, 20000, 10), "nothing switches back on");
        }

        [TestMethod]
        public void Step_StartFromAllOff_AmpsStaggeredThenLinesAfterWarmUp()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0xF, 0);
            string log = Run(s, writes, 1000, 6000, 10);

            // The source relay is switched while every line is disconnected (inaudible), together with the first
            // amplifier; the second amplifier follows 300 ms later (inrush); each amplifier's lines are connected
            // 1.5 s after it was powered (no turn-on thump).
            Assert.AreEqual(Lines(
                "1000 src0 on H", "1000 amp0 on L",
                "1300 amp1 on L",
                "2500 line0 on L", "2500 line1 on L",
                "2800 line2 on H", "2800 line3 on L"), log);
        }

        [TestMethod]
        public void Step_Stop_LinesOffThenAmpsOffAfterDelay()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            s.SetTarget(0, -1);
            string log = Run(s, writes, 6000, 10000, 10);
            Assert.AreEqual(Lines(
                "6000 line0 off H", "6000 line1 off H", "6000 line2 off L", "6000 line3 off H", "6000 src0 off L",
                "7000 amp0 off H", "7000 amp1 off H"), log);
            Assert.IsTrue(s.AllOutputsOff);
        }

        [TestMethod]
        public void Delivering_DuringStart_OnlyOnceEveryTargetLineIsConnected()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            Assert.IsFalse(s.Delivering, "an empty target is never delivering");
            s.SetTarget(0xF, 0);
            Assert.AreEqual(2800L, RunUntilDelivering(s, writes, 1000, 6000, 10));
            Assert.AreEqual(0xF, s.LinesOn);
            Assert.AreEqual(0, s.SelectedSource);
        }

        [TestMethod]
        public void Delivering_PartOfLinesConnected_False()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0xF, 0);
            Run(s, writes, 1000, 2600, 10);
            Assert.AreEqual(0x3, s.LinesOn);
            Assert.IsFalse(s.Delivering);
        }

        [TestMethod]
        public void Step_FromBootAt250msTicks_EmergencyOnSpeakersWithin3s()
        {
            // EN 54-16: an emergency must take the speakers within 3 s. Worst case: the command arrives at boot,
            // right after AllOff (which counts as a switching for the minimum interval).
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0xF, 1);
            long at = RunUntilDelivering(s, writes, 0, 10000, 250);
            Assert.IsTrue(at >= 0 && at <= 3000, "delivering at " + at.ToString());
        }

        [TestMethod]
        public void Step_SourceChangeWhilePlaying_LinesOffBreakBeforeMake()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            s.SetTarget(0xF, 1);
            string log = Run(s, writes, 6000, 9000, 10);
            Assert.AreEqual(Lines(
                "6000 line0 off H", "6000 line1 off H", "6000 line2 off L", "6000 line3 off H", "6000 src0 off L",
                "6050 src1 on L",
                "6500 line0 on L", "6500 line1 on L", "6500 line2 on H", "6500 line3 on L"), log);
            Assert.AreEqual(2, s.AmplifiersOn, "amplifiers stay powered through a source change");
            Assert.IsTrue(s.Delivering);
        }

        [TestMethod]
        public void Step_RetargetBeforeWarmUp_UnneededAmpOffAfterMinIntervalOtherAmpFollows()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0x3, 0);
            string first = Run(s, writes, 1000, 1200, 10);
            Assert.AreEqual(Lines("1000 src0 on H", "1000 amp0 on L"), first);

            s.SetTarget(0xC, 0);
            string log = Run(s, writes, 1200, 5000, 10);
            Assert.AreEqual(Lines(
                "1300 amp1 on L",
                "1500 amp0 off H",
                "2800 line2 on H", "2800 line3 on L"), log);
            Assert.IsTrue(s.Delivering);
        }

        [TestMethod]
        public void Step_RetargetToSubsetWhilePlaying_OnlyUnneededOutputsOff()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            s.SetTarget(0x1, 0);
            Assert.IsTrue(s.Delivering, "line 0 is still connected");
            string log = Run(s, writes, 6000, 9000, 10);
            Assert.AreEqual(Lines(
                "6000 line1 off H", "6000 line2 off L", "6000 line3 off H",
                "7000 amp1 off H"), log);
            Assert.AreEqual(0x1, s.LinesOn);
            Assert.AreEqual(0x1, s.AmplifierMask);
        }

        [TestMethod]
        public void Step_TargetFlappingOnAndOff_NoRelaySwitchesWithinMinInterval()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0x1, 0);
            string a = Run(s, writes, 1000, 1100, 10);
            s.SetTarget(0, -1);
            string b = Run(s, writes, 1100, 1200, 10);
            s.SetTarget(0x1, 0);
            string c = Run(s, writes, 1200, 4000, 10);
            Assert.AreEqual(Lines("1000 src0 on H", "1000 amp0 on L"), a);
            Assert.AreEqual("", b, "amp0 and src0 were switched less than 500 ms ago");
            Assert.AreEqual(Lines("2500 line0 on L"), c);
        }

        [TestMethod]
        public void Step_StopRightAfterLinesOn_LinesWaitForMinIntervalThenAmpDelay()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0x1, 0);
            Run(s, writes, 1000, 2600, 10); // line0 on at 2500
            s.SetTarget(0, -1);
            string log = Run(s, writes, 2600, 5000, 10);
            Assert.AreEqual(Lines("3000 line0 off H", "3000 src0 off L", "4000 amp0 off H"), log);
        }
    }
}
