using System.Text;
using CommuneRadio.Core.Relays;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Relays
{
    /// <summary>Shared set-up and recording for the relay sequencer tests: a 2-amplifier, 4-line, 2-source layout driven step by step.</summary>
    public static class SequencerScript
    {
        // A realistic cluster: two amplifiers, lines 0 and 1 on amplifier 0, lines 2 and 3 on amplifier 1,
        // two audio sources; most relay modules are active-low, line 2 and source 0 are active-high.
        public static RelayLayout Layout()
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

        public static RelaySequencer Booted(out RelayWriteBuffer writes)
        {
            RelayLayout layout = Layout();
            RelaySequencer s = new RelaySequencer(layout);
            writes = new RelayWriteBuffer(layout.OutputCount);
            s.AllOff(0, writes);
            return s;
        }

        public static string Name(RelayRole role)
        {
            return role == RelayRole.Amplifier ? "amp" : role == RelayRole.Line ? "line" : "src";
        }

        public static void Append(StringBuilder log, long t, RelayWriteBuffer writes)
        {
            for (int i = 0; i < writes.Count; i++)
            {
                RelayWrite w = writes.At(i);
                log.Append(t.ToString()).Append(' ').Append(Name(w.Role)).Append(w.Index.ToString())
                    .Append(w.On ? " on " : " off ").Append(w.Level ? 'H' : 'L').Append('\n');
            }
        }

        // Steps every stepMs over [fromMs, toMs) and returns the writes as "t role+index on|off H|L" lines.
        public static string Run(RelaySequencer s, RelayWriteBuffer writes, long fromMs, long toMs, int stepMs)
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
        public static long RunUntilDelivering(RelaySequencer s, RelayWriteBuffer writes, long fromMs, long toMs, int stepMs)
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

        public static string Lines(params string[] lines)
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.Length; i++)
            {
                sb.Append(lines[i]).Append('\n');
            }

            return sb.ToString();
        }

        // Starts all four lines on source 0 at 1000 ms from a booted sequencer; delivering from 2800 ms.
        public static RelaySequencer Playing(out RelayWriteBuffer writes)
        {
            RelaySequencer s = Booted(out writes);
            s.SetTarget(0xF, 0);
            Run(s, writes, 1000, 6000, 10);
            Assert.IsTrue(s.Delivering);
            return s;
        }
    }
}
