namespace CommuneRadio.Core.Relays
{
    /// <summary>
    /// Brings the relays to a target (a set of speaker lines fed from one audio source) in a safe order,
    /// one small step per call, driven by the monotonic clock only:
    /// <list type="bullet">
    /// <item>start: amplifiers feeding the lines on, one per <see cref="RelayLayout.AmpStaggerMs"/> (inrush);
    /// the source selected; each line connected once its amplifier has warmed up;</item>
    /// <item>stop: lines off, then each amplifier off <see cref="RelayLayout.LineOffToAmpOffMs"/> after its last line;</item>
    /// <item>source change: lines off, old source off, a break, new source on, lines on — two sources are never
    /// selected at once and speakers are never connected while the source switches;</item>
    /// <item>no relay switches twice within <see cref="RelayLayout.MinSwitchIntervalMs"/>;</item>
    /// <item>a faulty output is left off; the other lines and amplifiers keep working.</item>
    /// </list>
    /// The target can change at any step; the sequence simply continues towards the new one.
    /// </summary>
    public sealed partial class RelaySequencer
    {
        private readonly RelayLayout _layout;
        private readonly OutputState[] _amps;
        private readonly OutputState[] _lines;
        private readonly OutputState[] _sources;
        private long _lastAmpOnMs = OutputState.Never;
        private long _sourceOffMs = OutputState.Never;
        private int _targetLines;
        private int _targetSource = -1;
        private long _ampsOnSinceMs = OutputState.Never;

        /// <summary>Creates a sequencer with every output assumed off (call <see cref="AllOff"/> at boot).</summary>
        public RelaySequencer(RelayLayout layout)
        {
            _layout = layout;
            _amps = NewStates(layout.Amplifiers.Length);
            _lines = NewStates(layout.Lines.Length);
            _sources = NewStates(layout.Sources.Length);
        }

        /// <summary>Sets the target: connect <paramref name="lines"/> fed from <paramref name="source"/>; 0 and -1 for silence.</summary>
        public void SetTarget(int lines, int source)
        {
            _targetLines = lines;
            _targetSource = lines == 0 ? -1 : source;
        }

        /// <summary>
        /// Boot: writes the off level to every output regardless of what it is believed to be, lines first.
        /// </summary>
        public void AllOff(long nowMs, RelayWriteBuffer writes)
        {
            _targetLines = 0;
            _targetSource = -1;
            ForceOff(RelayRole.Line, _layout.Lines, _lines, nowMs, writes);
            ForceOff(RelayRole.Source, _layout.Sources, _sources, nowMs, writes);
            ForceOff(RelayRole.Amplifier, _layout.Amplifiers, _amps, nowMs, writes);
            _ampsOnSinceMs = OutputState.Never;
        }

        /// <summary>Marks an output faulty (it is switched off at the next step and left off) or clears it.</summary>
        public void SetFaulty(RelayRole role, int index, bool faulty)
        {
            OutputState[] states = role == RelayRole.Amplifier ? _amps : role == RelayRole.Line ? _lines : _sources;
            if (index >= 0 && index < states.Length)
            {
                states[index].Faulty = faulty;
            }
        }

        /// <summary>Takes the steps that are due at <paramref name="nowMs"/> (monotonic) and appends their writes.</summary>
        public void Step(long nowMs, RelayWriteBuffer writes)
        {
            // A target that cannot be heard powers nothing: its source is not fitted or is faulty (a faulty
            // source is switched off like any faulty output), or none of its lines is playable.
            int wantSource = _targetSource;
            if (wantSource < 0 || wantSource >= _sources.Length || _sources[wantSource].Faulty)
            {
                wantSource = -1;
            }

            int wantLines = wantSource < 0 ? 0 : Playable(_targetLines);
            if (wantLines == 0)
            {
                wantSource = -1;
            }

            int selected = SelectedSource;
            bool sourceChange = selected != wantSource;

            // 1. Lines off first: not wanted, faulty, or the source is about to change under them.
            for (int i = 0; i < _lines.Length; i++)
            {
                OutputState s = _lines[i];
                bool keep = (wantLines & (1 << i)) != 0 && !sourceChange;
                if (s.On && !keep && CanSwitch(s, nowMs))
                {
                    Switch(RelayRole.Line, i, _layout.Lines[i], s, false, nowMs, writes);
                    int amp = _layout.Lines[i].Amplifier;
                    if (amp >= 0 && amp < _amps.Length)
                    {
                        _amps[amp].LastLineOffMs = nowMs;
                    }
                }
            }

            // 2. Source: break before make, and only with every line disconnected.
            if (sourceChange && Mask(_lines) == 0)
            {
                if (selected >= 0)
                {
                    OutputState s = _sources[selected];
                    if (CanSwitch(s, nowMs))
                    {
                        Switch(RelayRole.Source, selected, _layout.Sources[selected], s, false, nowMs, writes);
                        _sourceOffMs = nowMs;
                        selected = -1;
                    }
                }
                else if (wantSource >= 0 && nowMs - _sourceOffMs >= _layout.SourceBreakMs)
                {
                    OutputState s = _sources[wantSource];
                    if (!s.Faulty && CanSwitch(s, nowMs))
                    {
                        Switch(RelayRole.Source, wantSource, _layout.Sources[wantSource], s, true, nowMs, writes);
                        selected = wantSource;
                    }
                }
            }

            // 3. Amplifiers off once none of their lines has been connected for the off delay.
            int wantAmps = AmpsFeeding(wantLines);
            for (int i = 0; i < _amps.Length; i++)
            {
                OutputState s = _amps[i];
                bool wanted = (wantAmps & (1 << i)) != 0;
                if (s.On && !wanted && !AnyLineOnFor(i) && nowMs - s.LastLineOffMs >= _layout.LineOffToAmpOffMs && CanSwitch(s, nowMs))
                {
                    Switch(RelayRole.Amplifier, i, _layout.Amplifiers[i], s, false, nowMs, writes);
                }
                else if (s.On && s.Faulty && !AnyLineOnFor(i) && CanSwitch(s, nowMs))
                {
                    Switch(RelayRole.Amplifier, i, _layout.Amplifiers[i], s, false, nowMs, writes);
                }
            }

            // 4. Amplifiers on, one at a time, staggered to limit inrush current.
            if (nowMs - _lastAmpOnMs >= _layout.AmpStaggerMs)
            {
                for (int i = 0; i < _amps.Length; i++)
                {
                    OutputState s = _amps[i];
                    if (!s.On && (wantAmps & (1 << i)) != 0 && CanSwitch(s, nowMs))
                    {
                        bool wasAllOff = CountOn(_amps) == 0;
                        Switch(RelayRole.Amplifier, i, _layout.Amplifiers[i], s, true, nowMs, writes);
                        _lastAmpOnMs = nowMs;
                        if (wasAllOff)
                        {
                            _ampsOnSinceMs = nowMs;
                        }

                        break;
                    }
                }
            }

            // 5. Lines on: source selected as wanted, amplifier warmed up.
            if (wantSource >= 0 && selected == wantSource)
            {
                for (int i = 0; i < _lines.Length; i++)
                {
                    OutputState s = _lines[i];
                    if (s.On || (wantLines & (1 << i)) == 0)
                    {
                        continue;
                    }

                    OutputState amp = _amps[_layout.Lines[i].Amplifier];
                    if (amp.On && nowMs - amp.OnSinceMs >= _layout.WarmUpMs && CanSwitch(s, nowMs))
                    {
                        Switch(RelayRole.Line, i, _layout.Lines[i], s, true, nowMs, writes);
                    }
                }
            }
        }

        private int AmpsFeeding(int lines)
        {
            int m = 0;
            for (int i = 0; i < _lines.Length; i++)
            {
                if ((lines & (1 << i)) != 0)
                {
                    m |= 1 << _layout.Lines[i].Amplifier;
                }
            }

            return m;
        }

        private bool AnyLineOnFor(int amp)
        {
            for (int i = 0; i < _lines.Length; i++)
            {
                if (_lines[i].On && _layout.Lines[i].Amplifier == amp)
                {
                    return true;
                }
            }

            return false;
        }

        private bool CanSwitch(OutputState s, long nowMs)
        {
            return nowMs - s.LastSwitchMs >= _layout.MinSwitchIntervalMs;
        }

        private void Switch(RelayRole role, int index, RelayChannel channel, OutputState s, bool on, long nowMs, RelayWriteBuffer writes)
        {
            s.On = on;
            s.LastSwitchMs = nowMs;
            if (on)
            {
                s.OnSinceMs = nowMs;
            }

            writes.Add(role, index, channel, on);
        }

        private static void ForceOff(RelayRole role, RelayChannel[] channels, OutputState[] states, long nowMs, RelayWriteBuffer writes)
        {
            for (int i = 0; i < states.Length; i++)
            {
                states[i].On = false;
                states[i].LastSwitchMs = nowMs;
                writes.Add(role, i, channels[i], false);
            }
        }

        private static OutputState[] NewStates(int n)
        {
            OutputState[] a = new OutputState[n];
            for (int i = 0; i < n; i++)
            {
                a[i] = new OutputState();
            }

            return a;
        }
    }
}
