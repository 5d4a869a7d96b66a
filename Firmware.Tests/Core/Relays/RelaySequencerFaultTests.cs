using System.Text;
using CommuneRadio.Core.Relays;
using nanoFramework.TestFramework;
using static CommuneRadio.Tests.Core.Relays.SequencerScript;

namespace CommuneRadio.Tests.Core.Relays
{
    /// <summary>Faulty outputs: the rest keeps playing, nothing unsafe is powered.</summary>
    [TestClass]
    public class RelaySequencerFaultTests
    {
        [TestMethod]
        public void Step_FaultyLineBeforeStart_OthersPlayAndDeliveringTrue()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetFaulty(RelayRole.Line, 1, true);
            Assert.AreEqual(0xD, s.Playable(0xF));
            Assert.AreEqual(0x2, s.FaultyLines);
            Assert.IsTrue(s.AnyFaulty);
            s.SetTarget(0xF, 0);
            Assert.AreEqual(2800L, RunUntilDelivering(s, writes, 1000, 6000, 10));
            Assert.AreEqual(0xD, s.LinesOn);
            Run(s, writes, 2810, 10000, 10);
            Assert.IsFalse(s.IsOn(RelayRole.Line, 1));
        }

        [TestMethod]
        public void Step_LineFaultWhilePlaying_OnlyThatLineOff()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            s.SetFaulty(RelayRole.Line, 2, true);
            string log = Run(s, writes, 6000, 10000, 10);
            Assert.AreEqual(Lines("6000 line2 off L"), log);
            Assert.AreEqual(0xB, s.LinesOn);
            Assert.AreEqual(2, s.AmplifiersOn, "amplifier 1 still feeds line 3");
            Assert.IsTrue(s.Delivering);
        }

        [TestMethod]
        public void Step_LineFaultCleared_LineReconnected()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            s.SetFaulty(RelayRole.Line, 2, true);
            Run(s, writes, 6000, 7000, 10);
            s.SetFaulty(RelayRole.Line, 2, false);
            Assert.IsFalse(s.AnyFaulty);
            string log = Run(s, writes, 7000, 8000, 10);
            Assert.AreEqual(Lines("7000 line2 on H"), log);
            Assert.AreEqual(0xF, s.LinesOn);
        }

        [TestMethod]
        public void Step_AmplifierFaultWhilePlaying_SilencesOnlyItsLines()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            s.SetFaulty(RelayRole.Amplifier, 1, true);
            Assert.AreEqual(0x3, s.Playable(0xF));
            string log = Run(s, writes, 6000, 10000, 10);
            Assert.AreEqual(Lines("6000 line2 off L", "6000 line3 off H", "6000 amp1 off H"), log);
            Assert.AreEqual(0x3, s.LinesOn);
            Assert.AreEqual(0x1, s.AmplifierMask);
            Assert.IsTrue(s.Delivering);
        }

        [TestMethod]
        public void Step_AmplifierFaultyBeforeStart_NeverPoweredOtherAmpPlays()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetFaulty(RelayRole.Amplifier, 0, true);
            s.SetTarget(0xF, 0);
            string log = Run(s, writes, 1000, 6000, 10);
            Assert.AreEqual(Lines("1000 src0 on H", "1000 amp1 on L", "2500 line2 on H", "2500 line3 on L"), log);
            Assert.IsTrue(s.Delivering);
        }

        [TestMethod]
        public void Step_AllTargetLinesFaulty_NothingPoweredAndNotDelivering()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetFaulty(RelayRole.Line, 0, true);
            s.SetFaulty(RelayRole.Line, 1, true);
            s.SetTarget(0x3, 0);
            Assert.AreEqual("", Run(s, writes, 1000, 6000, 10));
            Assert.IsTrue(s.AllOutputsOff);
            Assert.IsFalse(s.Delivering);
        }

        [TestMethod]
        public void Step_TargetSourceFaulty_NothingPowered()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetFaulty(RelayRole.Source, 1, true);
            s.SetTarget(0xF, 1);
            Assert.AreEqual("", Run(s, writes, 1000, 6000, 10), "no amplifier powered for a programme that cannot play");
            Assert.IsFalse(s.Delivering);
        }

        [TestMethod]
        public void Step_SelectedSourceBecomesFaulty_LinesThenSourceSwitchedOff()
        {
            // SetFaulty: "it is switched off at the next step and left off".
            RelayWriteBuffer writes;
            RelaySequencer s = Playing(out writes);
            s.SetFaulty(RelayRole.Source, 0, true);
            string log = Run(s, writes, 6000, 10000, 10);
            Assert.AreEqual(Lines(
                "6000 line0 off H", "6000 line1 off H", "6000 line2 off L", "6000 line3 off H", "6000 src0 off L",
                "7000 amp0 off H", "7000 amp1 off H"), log);
            Assert.IsFalse(s.Delivering);
        }

        [TestMethod]
        public void Step_TargetSourceNotFitted_NothingPowered()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0xF, 2);
            Assert.AreEqual("", Run(s, writes, 1000, 6000, 10));
            Assert.IsFalse(s.Delivering);
        }

        [TestMethod]
        public void SetTarget_NoLines_SourceIsMinusOne()
        {
            RelaySequencer s = new RelaySequencer(Layout());
            s.SetTarget(0, 1);
            Assert.AreEqual(0, s.TargetLines);
            Assert.AreEqual(-1, s.TargetSource);
            s.SetTarget(0x5, 1);
            Assert.AreEqual(0x5, s.TargetLines);
            Assert.AreEqual(1, s.TargetSource);
        }

        [TestMethod]
        public void Playable_LinesNotFittedOrOnMissingAmplifier_Excluded()
        {
            RelayChannel[] amps = { new RelayChannel(25, true, 0) };
            RelayChannel[] lines = { new RelayChannel(16, true, 0), new RelayChannel(17, true, 3) };
            RelayChannel[] sources = { new RelayChannel(21, false, 0) };
            RelaySequencer s = new RelaySequencer(new RelayLayout(amps, lines, sources));
            Assert.AreEqual(0x1, s.Playable(0xFF));
            Assert.AreEqual(0x1, s.Playable(-1));
            Assert.AreEqual(0, s.Playable(0x2));
        }

        [TestMethod]
        public void WarmAmplifiers_CountsOnlyAfterWarmUp()
        {
            RelayWriteBuffer writes;
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0xF, 0);
            Run(s, writes, 1000, 1400, 10);
            Assert.AreEqual(2, s.AmplifiersOn);
            Assert.IsTrue(s.AnyAmplifierOn);
            Assert.AreEqual(1000L, s.AmplifiersOnSinceMs);
            Assert.AreEqual(0, s.WarmAmplifiers(2499));
            Assert.AreEqual(1, s.WarmAmplifiers(2500));
            Assert.AreEqual(1, s.WarmAmplifiers(2799));
            Assert.AreEqual(2, s.WarmAmplifiers(2800));
        }
    }
}
