using System.Text;
using CommuneRadio.Core.Relays;
using nanoFramework.TestFramework;
using static CommuneRadio.Tests.Core.Relays.SequencerScript;

namespace CommuneRadio.Tests.Core.Relays
{
    /// <summary>Random targets and faults: the safety invariants hold after every write.</summary>
    [TestClass]
    public class RelaySequencerInvariantTests
    {
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

                // The guard keeps the message from being built on every iteration.
                if (model.Violation != null)
                {
                    Assert.IsNull(model.Violation, "seed " + seed.ToString() + ", iteration " + iteration.ToString() + ", t=" + now.ToString() + ": " + model.Violation);
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
