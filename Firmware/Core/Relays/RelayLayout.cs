namespace CommuneRadio.Core.Relays
{
    /// <summary>
    /// The relay outputs of a station and the timings of the switching sequence. Defaults suit a
    /// 50–120 W cluster: amplifiers powered 300 ms apart to limit inrush, 1.5 s warm-up before lines are
    /// connected (no turn-on thump in the speakers), 1 s between lines off and amplifiers off, 500 ms
    /// minimum between two switchings of one relay, 50 ms break between two sources.
    /// With two amplifiers and a 250 ms main-loop tick an emergency reaches the speakers from all-off in about
    /// 2 s (2.5 s in the first half second after boot, which counts as a switching), inside the
    /// 3 s that voice-alarm practice (EN 54-16) allows.
    /// </summary>
    public sealed class RelayLayout
    {
        /// <summary>Creates a layout.</summary>
        public RelayLayout(RelayChannel[] amplifiers, RelayChannel[] lines, RelayChannel[] sources)
        {
            Amplifiers = amplifiers;
            Lines = lines;
            Sources = sources;
        }

        /// <summary>Amplifier power relays.</summary>
        public RelayChannel[] Amplifiers;

        /// <summary>Speaker-line relays (at most 31).</summary>
        public RelayChannel[] Lines;

        /// <summary>Audio-source selector relays.</summary>
        public RelayChannel[] Sources;

        /// <summary>Delay between powering two amplifiers (inrush).</summary>
        public int AmpStaggerMs = 300;

        /// <summary>Time an amplifier is powered before its lines are connected.</summary>
        public int WarmUpMs = 1500;

        /// <summary>Time between the last line of an amplifier going off and the amplifier going off.</summary>
        public int LineOffToAmpOffMs = 1000;

        /// <summary>Minimum time between two switchings of the same relay (contact wear, amplifier protection).</summary>
        public int MinSwitchIntervalMs = 500;

        /// <summary>Break between deselecting one source and selecting another (never two at once).</summary>
        public int SourceBreakMs = 50;

        /// <summary>Total number of outputs.</summary>
        public int OutputCount
        {
            get { return Amplifiers.Length + Lines.Length + Sources.Length; }
        }

        /// <summary>Bit mask of all fitted lines.</summary>
        public int AllLinesMask
        {
            get { return Lines.Length >= 31 ? 0x7FFFFFFF : (1 << Lines.Length) - 1; }
        }
    }
}
