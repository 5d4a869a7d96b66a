using System.Text;
using CommuneRadio.Core.Relays;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Relays
{
    [TestClass]
    public class RelaySequencerTests
    {
        // A realistic cluster: two amplifiers, lines 0 and 1 on amplifier 0, lines 2 and 3 on amplifier 1,
        // two audio sources; most relay modules are active-low, line 2 and source 0 are active-high.
        private static RelayLayout Layout()
        {
            RelayChannel[] amps = { new RelayChannel(25, true, 0), new RelayChannel(26, true, 0) };
            RelayChannel[] lines =
            {
                new RelayChannel(16, true, 0), new RelayChannel(17, true, 0),
                new RelayChannel(18, false, 1), new RelayChannel(19, true, 1),
            };
            RelayChannel[] sources = { new RelayChannel(21, false, 0), new RelayChannel(22, true, 0) };
            return new RelayLayout(amps, lines, sources);
        }

        private static RelaySequencer Booted(out RelayWriteBuffer writes)
        {
            RelayLayout layout = Layout();
            RelaySequencer s = new RelaySequencer(layout);
            writes = new RelayWriteBuffer(layout.OutputCount);
            s.AllOff(0, writes);
            return s;
        }

        private static string Name(RelayRole role)
        {
            return role == RelayRole.Amplifier ? "amp" : role == RelayRole.Line ? "line" : "src";
        }

        private static void Append(StringBuilder log, long t, RelayWriteBuffer writes)
        {
            for (int i = 0; i < writes.Count; i++)
            {
                RelayWrite w = writes.At(i);
                log.Append(t.ToString()).Append(' ').Append(Name(w.Role)).Append(w.Index.ToString())
                    .Append(w.On ? " on " : " off ").Append(w.Level ? 'H' : 'L').Append('\n');
            }
        }

        // Steps every stepMs over [fromMs, toMs) and returns the writes as "t role+index on|off H|L" lines.
        private static string Run(RelaySequencer s, RelayWriteBuffer writes, long fromMs, long toMs, int stepMs)
        {
            StringBuilder log = new StringBuilder();
            for (long t = fromMs; t < toMs; t += stepMs)
            {
                writes.Clear();
                s.Step(t, writes);
                Append(log, t, writes);
            }

            return log.ToString();
        }

        // Steps every stepMs from fromMs until Delivering; returns that time or -1.
        private static long RunUntilDelivering(RelaySequencer s, RelayWriteBuffer writes, long fromMs, long toMs, int stepMs)
        {
            for (long t = fromMs; t < toMs; t += stepMs)
            {
                writes.Clear();
                s.Step(t, writes);
                if (s.Delivering)
                {
                    return t;
                }
            }

            return -1;
        }

        private static string Lines(params string[] lines)
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.Length; i++)
            {
                sb.Append(lines[i]).Append('\n');
            }

            return sb.ToString();
        }

        // Starts all four lines on source 0 at 1000 ms from a booted sequencer; delivering from 2800 ms.
        private static RelaySequencer Playing(out RelayWriteBuffer writes)
        {
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0xF, 0);
            Run(s, writes, 1000, 6000, 10);
            Assert.IsTrue(s.Delivering);
            return s;
        }

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

        [TestMethod]
        [DataRow(1)]
        [DataRow(20240229)]
        [DataRow(777)]
        public void Step_RandomTargetsAndFaults_SafetyInvariantsHoldAfterEveryWrite(int seed)
        {
            RelayLayout layout = Layout();
            RelaySequencer s = new RelaySequencer(layout);
            RelayWriteBuffer writes = new RelayWriteBuffer(layout.OutputCount);
            SequencerModel model = new SequencerModel(layout, seed);
            s.AllOff(0, writes);
            model.AfterAllOff(0);

            long now = 0;
            int holds = 0;
            for (int iteration = 0; iteration < 20000; iteration++)
            {
                int action = model.Next(100);
                if (action < 10)
                {
                    int lines = model.Next(16);
                    int pick = model.Next(10);
                    int source = pick < 4 ? 0 : pick < 8 ? 1 : pick == 8 ? -1 : 2; // 2 is not fitted
                    s.SetTarget(lines, source);
                }
                else if (action < 11)
                {
                    int role = model.Next(3);
                    int index = model.Next(role == 1 ? 4 : 2);
                    model.ToggleFault(s, role == 0 ? RelayRole.Amplifier : role == 1 ? RelayRole.Line : RelayRole.Source, index);
                }
                else if (action < 13)
                {
                    // Hold the target long enough for every sequence to finish, then check it was reached.
                    long until = now + 6000;
                    while (now < until)
                    {
                        now += 1 + model.Next(400);
                        model.Step(s, writes, now);
                    }

                    model.CheckSettled(s);
                    holds++;
                }
                else
                {
                    now += 1 + model.Next(400);
                    model.Step(s, writes, now);
                }

                if (model.Violation != null)
                {
                    Assert.Fail("seed " + seed.ToString() + ", iteration " + iteration.ToString() + ", t=" + now.ToString() + ": " + model.Violation);
                }
            }

            Assert.IsTrue(holds > 100);
            Assert.IsTrue(model.Writes > 500, "the sequence did switch relays: " + model.Writes.ToString());
            OutputHelper.WriteLine("seed " + seed.ToString() + ": " + model.Writes.ToString() + " writes, " + holds.ToString() + " settled targets checked");
        }

        /// <summary>
        /// An independent model of the relays, fed with the writes in the order the sequencer emits them, that
        /// records the first violation of a safety rule.
        /// </summary>
        private sealed class SequencerModel
        {
            private readonly RelayLayout _layout;
            private readonly bool[][] _on = new bool[3][];
            private readonly bool[][] _faulty = new bool[3][];
            private readonly long[][] _lastSwitch = new long[3][];
            private readonly long[] _ampOnSince;
            private readonly long[] _lastLineOff;
            private long _lastAmpOn = long.MinValue / 4;
            private long _lastSourceOff = long.MinValue / 4;
            private uint _rng;

            public string Violation;
            public int Writes;

            public SequencerModel(RelayLayout layout, int seed)
            {
                _layout = layout;
                _rng = (uint)seed;
                int[] sizes = { layout.Amplifiers.Length, layout.Lines.Length, layout.Sources.Length };
                for (int r = 0; r < 3; r++)
                {
                    _on[r] = new bool[sizes[r]];
                    _faulty[r] = new bool[sizes[r]];
                    _lastSwitch[r] = new long[sizes[r]];
                }

                _ampOnSince = new long[sizes[0]];
                _lastLineOff = new long[sizes[0]];
                for (int i = 0; i < sizes[0]; i++)
                {
                    _lastLineOff[i] = long.MinValue / 4;
                }
            }

            /// <summary>A deterministic value in 0 … n-1 (linear congruential generator, Numerical Recipes constants).</summary>
            public int Next(int n)
            {
                _rng = unchecked(_rng * 1664525u + 1013904223u);
                return (int)((_rng >> 8) % (uint)n);
            }

            public void AfterAllOff(long now)
            {
                for (int r = 0; r < 3; r++)
                {
                    for (int i = 0; i < _on[r].Length; i++)
                    {
                        _on[r][i] = false;
                        _lastSwitch[r][i] = now;
                    }
                }
            }

            public void ToggleFault(RelaySequencer s, RelayRole role, int index)
            {
                bool f = !_faulty[(int)role][index];
                _faulty[(int)role][index] = f;
                s.SetFaulty(role, index, f);
            }

            public void Step(RelaySequencer s, RelayWriteBuffer writes, long now)
            {
                writes.Clear();
                s.Step(now, writes);
                for (int i = 0; i < writes.Count && Violation == null; i++)
                {
                    Apply(writes.At(i), s, now);
                }

                for (int r = 0; r < 3 && Violation == null; r++)
                {
                    for (int i = 0; i < _on[r].Length; i++)
                    {
                        if (s.IsOn((RelayRole)r, i) != _on[r][i])
                        {
                            Fail("sequencer state of " + Out(r, i) + " disagrees with its writes");
                        }
                    }
                }
            }

            public void CheckSettled(RelaySequencer s)
            {
                if (Violation != null)
                {
                    return;
                }

                int target = s.TargetLines;
                int source = s.TargetSource;
                int playable = s.Playable(target);
                bool sourceUsable = source >= 0 && source < _on[2].Length && !_faulty[2][source];
                if (playable == 0 || !sourceUsable)
                {
                    if (!s.AllOutputsOff)
                    {
                        Fail("target " + target.ToString() + "/" + source.ToString() + " cannot play but outputs are still on");
                    }

                    return;
                }

                int amps = 0;
                for (int i = 0; i < _layout.Lines.Length; i++)
                {
                    if ((playable & (1 << i)) != 0)
                    {
                        amps |= 1 << _layout.Lines[i].Amplifier;
                    }
                }

                if (!s.Delivering || s.LinesOn != playable || s.AmplifierMask != amps || s.SelectedSource != source)
                {
                    Fail("target " + target.ToString() + "/" + source.ToString() + " not reached: lines " + s.LinesOn.ToString()
                        + ", amps " + s.AmplifierMask.ToString() + ", source " + s.SelectedSource.ToString());
                }
            }

            private void Apply(RelayWrite w, RelaySequencer s, long now)
            {
                Writes++;
                int r = (int)w.Role;
                int i = w.Index;
                RelayChannel[] channels = r == 0 ? _layout.Amplifiers : r == 1 ? _layout.Lines : _layout.Sources;
                RelayChannel ch = channels[i];
                if (w.Pin != ch.Pin || w.Level != (w.On != ch.ActiveLow))
                {
                    Fail(Out(r, i) + " written to the wrong pin or with the wrong level");
                }

                if (w.On == _on[r][i])
                {
                    Fail(Out(r, i) + " written to the state it already had");
                }

                if (now - _lastSwitch[r][i] < _layout.MinSwitchIntervalMs)
                {
                    Fail(Out(r, i) + " switched " + (now - _lastSwitch[r][i]).ToString() + " ms after its previous switching");
                }

                if (r == 2)
                {
                    if (AnyLineOn(-1))
                    {
                        Fail("source " + i.ToString() + " switched while a line is connected");
                    }

                    if (w.On)
                    {
                        if (SourcesOn() > 0)
                        {
                            Fail("source " + i.ToString() + " selected while another is selected");
                        }

                        if (now - _lastSourceOff < _layout.SourceBreakMs)
                        {
                            Fail("source " + i.ToString() + " selected without the break");
                        }

                        if (_faulty[2][i])
                        {
                            Fail("faulty source " + i.ToString() + " selected");
                        }
                    }
                    else
                    {
                        _lastSourceOff = now;
                    }
                }
                else if (r == 0)
                {
                    if (w.On)
                    {
                        if (now - _lastAmpOn < _layout.AmpStaggerMs)
                        {
                            Fail("amp " + i.ToString() + " powered " + (now - _lastAmpOn).ToString() + " ms after another");
                        }

                        if (_faulty[0][i])
                        {
                            Fail("faulty amp " + i.ToString() + " powered");
                        }

                        _lastAmpOn = now;
                        _ampOnSince[i] = now;
                    }
                    else
                    {
                        if (AnyLineOn(i))
                        {
                            Fail("amp " + i.ToString() + " off while one of its lines is connected");
                        }

                        if (!_faulty[0][i] && now - _lastLineOff[i] < _layout.LineOffToAmpOffMs)
                        {
                            Fail("amp " + i.ToString() + " off " + (now - _lastLineOff[i]).ToString() + " ms after its last line");
                        }
                    }
                }
                else
                {
                    int amp = _layout.Lines[i].Amplifier;
                    if (w.On)
                    {
                        if (!_on[0][amp] || now - _ampOnSince[amp] < _layout.WarmUpMs)
                        {
                            Fail("line " + i.ToString() + " connected before its amplifier warmed up");
                        }

                        int ts = s.TargetSource;
                        if (ts < 0 || ts >= _on[2].Length || SourcesOn() != 1 || !_on[2][ts])
                        {
                            Fail("line " + i.ToString() + " connected without the target source selected");
                        }

                        if ((s.TargetLines & (1 << i)) == 0 || _faulty[1][i] || _faulty[0][amp])
                        {
                            Fail("line " + i.ToString() + " connected although not wanted or faulty");
                        }
                    }
                    else
                    {
                        _lastLineOff[amp] = now;
                    }
                }

                _on[r][i] = w.On;
                _lastSwitch[r][i] = now;
            }

            private bool AnyLineOn(int amp)
            {
                for (int i = 0; i < _on[1].Length; i++)
                {
                    if (_on[1][i] && (amp < 0 || _layout.Lines[i].Amplifier == amp))
                    {
                        return true;
                    }
                }

                return false;
            }

            private int SourcesOn()
            {
                int n = 0;
                for (int i = 0; i < _on[2].Length; i++)
                {
                    n += _on[2][i] ? 1 : 0;
                }

                return n;
            }

            private static string Out(int role, int index)
            {
                return (role == 0 ? "amp " : role == 1 ? "line " : "source ") + index.ToString();
            }

            private void Fail(string message)
            {
                if (Violation == null)
                {
                    Violation = message;
                }
            }
        }
    }
}
