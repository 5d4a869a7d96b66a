namespace CommuneRadio.Core.Relays
{
    /// <summary>What the sequencer knows: output states and whether the target is delivered (read-only queries).</summary>
    public sealed partial class RelaySequencer
    {
        /// <summary>The layout being driven.</summary>
        public RelayLayout Layout
        {
            get { return _layout; }
        }

        /// <summary>Lines the current target asks for.</summary>
        public int TargetLines
        {
            get { return _targetLines; }
        }

        /// <summary>Source the current target asks for, or -1.</summary>
        public int TargetSource
        {
            get { return _targetSource; }
        }

        /// <summary>True while at least one amplifier is powered.</summary>
        public bool AnyAmplifierOn
        {
            get { return CountOn(_amps) > 0; }
        }

        /// <summary>Monotonic time the amplifiers went from all-off to some-on (valid while <see cref="AnyAmplifierOn"/>).</summary>
        public long AmplifiersOnSinceMs
        {
            get { return _ampsOnSinceMs; }
        }

        /// <summary>Number of amplifiers powered and warmed up.</summary>
        public int WarmAmplifiers(long nowMs)
        {
            int n = 0;
            for (int i = 0; i < _amps.Length; i++)
            {
                if (_amps[i].On && nowMs - _amps[i].OnSinceMs >= _layout.WarmUpMs)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Number of amplifiers powered.</summary>
        public int AmplifiersOn
        {
            get { return CountOn(_amps); }
        }

        /// <summary>Bit mask of connected lines.</summary>
        public int LinesOn
        {
            get { return Mask(_lines); }
        }

        /// <summary>Bit mask of powered amplifiers.</summary>
        public int AmplifierMask
        {
            get { return Mask(_amps); }
        }

        /// <summary>Index of the selected source, or -1.</summary>
        public int SelectedSource
        {
            get
            {
                for (int i = 0; i < _sources.Length; i++)
                {
                    if (_sources[i].On)
                    {
                        return i;
                    }
                }

                return -1;
            }
        }

        /// <summary>Bit mask of outputs reported faulty, lines only.</summary>
        public int FaultyLines
        {
            get
            {
                int m = 0;
                for (int i = 0; i < _lines.Length; i++)
                {
                    if (_lines[i].Faulty)
                    {
                        m |= 1 << i;
                    }
                }

                return m;
            }
        }

        /// <summary>True when any output is marked faulty.</summary>
        public bool AnyFaulty
        {
            get { return AnyFaultyIn(_amps) || AnyFaultyIn(_lines) || AnyFaultyIn(_sources); }
        }

        /// <summary>
        /// Lines of <paramref name="lines"/> that can actually play: fitted, not faulty, and fed by an
        /// amplifier that is not faulty.
        /// </summary>
        public int Playable(int lines)
        {
            int m = lines & _layout.AllLinesMask;
            for (int i = 0; i < _lines.Length; i++)
            {
                int amp = _layout.Lines[i].Amplifier;
                if (_lines[i].Faulty || amp < 0 || amp >= _amps.Length || _amps[amp].Faulty)
                {
                    m &= ~(1 << i);
                }
            }

            return m;
        }

        /// <summary>
        /// True when the target is non-empty and fully delivered: every playable target line is connected
        /// and the target source is selected. This is the moment a programme really starts.
        /// </summary>
        public bool Delivering
        {
            get
            {
                int want = Playable(_targetLines);
                return want != 0 && (Mask(_lines) & want) == want && SelectedSource == _targetSource;
            }
        }

        /// <summary>True when every output is off.</summary>
        public bool AllOutputsOff
        {
            get { return CountOn(_amps) == 0 && CountOn(_lines) == 0 && CountOn(_sources) == 0; }
        }

        /// <summary>Whether one output is on.</summary>
        public bool IsOn(RelayRole role, int index)
        {
            OutputState[] states = role == RelayRole.Amplifier ? _amps : role == RelayRole.Line ? _lines : _sources;
            return states[index].On;
        }

        private static int CountOn(OutputState[] states)
        {
            int n = 0;
            for (int i = 0; i < states.Length; i++)
            {
                if (states[i].On)
                {
                    n++;
                }
            }

            return n;
        }

        private static int Mask(OutputState[] states)
        {
            int m = 0;
            for (int i = 0; i < states.Length; i++)
            {
                if (states[i].On)
                {
                    m |= 1 << i;
                }
            }

            return m;
        }

        private static bool AnyFaultyIn(OutputState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                if (states[i].Faulty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
