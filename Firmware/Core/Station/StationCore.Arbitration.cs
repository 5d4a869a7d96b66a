using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>Arbitration between programmes, the on-time guard and proof of play.</summary>
    public sealed partial class StationCore
    {
        /// <summary>Drops programmes whose time is up, reporting how each one ended.</summary>
        private void ExpireProgrammes(Instant now)
        {
            for (int i = _table.Count - 1; i >= 0; i--)
            {
                Programme p = _table.At(i);
                bool monotonicDone = now.MonotonicMs >= p.EndMonotonicMs;
                bool wallDone = p.EndUtcMs != 0 && _clock.Valid && now.UtcMs >= p.EndUtcMs;
                if (monotonicDone || wallDone)
                {
                    Finish(i, PlayReason.None, now);
                }
            }
        }

        /// <summary>
        /// Removes the programme at <paramref name="index"/> and reports it: ended (if it ever really
        /// started) or missed (with the reason it was waiting). <paramref name="reason"/> overrides the
        /// reason for a programme that is cut (stopped, removed, on-time guard).
        /// </summary>
        private void Finish(int index, PlayReason reason, Instant now)
        {
            Programme p = _table.At(index);
            _table.RemoveAt(index);
            if (p.Entry != null)
            {
                p.Entry.Active = false;
                Settle(p.Entry, p.OccurrenceUtcMs);
            }

            if (p == _onAir)
            {
                // Silence first; Arbitrate picks the next programme (if any) in the same call.
                _onAir = null;
                _relays.SetTarget(0, -1);
                HealthChanged();
            }

            if (p.EverStarted)
            {
                PlayReason why = reason != PlayReason.None ? reason : (p.State == ProgrammeState.Preempted ? PlayReason.Preempted : PlayReason.None);
                Record(PlayEventKind.Ended, why, p.Id, p.OccurrenceUtcMs, p.Class, now);
            }
            else
            {
                Record(PlayEventKind.Missed, reason != PlayReason.None ? reason : p.WaitReason, p.Id, p.OccurrenceUtcMs, p.Class, now);
            }
        }

        /// <summary>Chooses the programme for the speakers and sets the relay target.</summary>
        private void Arbitrate(Instant now)
        {
            Programme best = null;
            for (int i = 0; i < _table.Count; i++)
            {
                Programme p = _table.At(i);
                if (_relays.Playable(p.Lines) == 0)
                {
                    p.WaitReason = PlayReason.RelayFault;
                    continue;
                }

                if (_guardTripped && p.Class != BroadcastClass.Emergency)
                {
                    p.WaitReason = PlayReason.OnTimeLimit;
                    continue;
                }

                if (Arbiter.Beats(p, best))
                {
                    best = p;
                }
            }

            for (int i = 0; i < _table.Count; i++)
            {
                Programme p = _table.At(i);
                if (p != best && best != null && p.WaitReason != PlayReason.RelayFault)
                {
                    p.WaitReason = PlayReason.Preempted;
                }
            }

            if (best == _onAir)
            {
                return;
            }

            if (_onAir != null)
            {
                Programme old = _onAir;
                if (old.Announced)
                {
                    old.State = ProgrammeState.Preempted;
                    old.Announced = false;
                    Record(PlayEventKind.Preempted, PlayReason.Preempted, old.Id, old.OccurrenceUtcMs, old.Class, now);
                }
                else
                {
                    old.State = old.EverStarted ? ProgrammeState.Preempted : ProgrammeState.Pending;
                }

                old.WaitReason = PlayReason.Preempted;
            }

            _onAir = best;
            HealthChanged();
            if (best == null)
            {
                _relays.SetTarget(0, -1);
                return;
            }

            best.State = ProgrammeState.OnAir;
            best.Announced = false;
            _relays.SetTarget(best.Lines, best.Source);
        }

        /// <summary>
        /// Maximum continuous on-time: if the amplifiers have been on longer than allowed and the programme
        /// is not an emergency, the programme is cut and the station stays silent until every output is off
        /// (a stuck programme cannot keep the speakers on all night). Emergencies are exempt.
        /// </summary>
        private void GuardOnTime(Instant now)
        {
            if (_guardTripped)
            {
                if (_relays.AllOutputsOff)
                {
                    _guardTripped = false;
                }

                return;
            }

            if (!_relays.AnyAmplifierOn || now.MonotonicMs - _relays.AmplifiersOnSinceMs < _settings.MaxOnTimeMs)
            {
                return;
            }

            if (_onAir != null && _onAir.Class == BroadcastClass.Emergency)
            {
                return;
            }

            _guardTripped = true;
            if (_onAir != null)
            {
                int at = _table.IndexOf(_onAir.Id, _onAir.Kind);
                if (at >= 0)
                {
                    Finish(at, PlayReason.OnTimeLimit, now);
                }
            }

            _onAir = null;
            _relays.SetTarget(0, -1);
            HealthChanged();
        }

        /// <summary>Reports the real start (lines connected) of the programme on air.</summary>
        private void AnnounceStart(Instant now)
        {
            if (_onAir == null || _onAir.Announced || !_relays.Delivering)
            {
                return;
            }

            _onAir.Announced = true;
            _onAir.OnAirSinceMonotonicMs = now.MonotonicMs;
            PlayEventKind kind = _onAir.EverStarted ? PlayEventKind.Resumed : PlayEventKind.Started;
            _onAir.EverStarted = true;
            HealthChanged();
            Record(kind, PlayReason.None, _onAir.Id, _onAir.OccurrenceUtcMs, _onAir.Class, now);
        }

        private void Record(PlayEventKind kind, PlayReason reason, string id, long occurrenceUtcMs, BroadcastClass cls, Instant now)
        {
            PlayEvent e = new PlayEvent();
            e.Sequence = ++_eventSequence;
            e.Kind = kind;
            e.Reason = reason;
            e.ProgrammeId = id;
            e.OccurrenceUtcMs = occurrenceUtcMs;
            e.Class = cls;
            e.AtUtcMs = now.UtcMs;
            e.AtMonotonicMs = now.MonotonicMs;
            e.ClockValid = _clock.Valid;
            _events.Enqueue(e);
            _counters.Events++;
            _effects.NewEvents++;
        }
    }
}
