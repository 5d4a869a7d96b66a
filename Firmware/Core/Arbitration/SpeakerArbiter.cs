using CommuneRadio.Core.Events;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Arbitration
{
    /// <summary>
    /// Which programme holds the speakers (docs/architecture.md "Arbitration"): the programmes that want them (scheduled
    /// occurrences handed over by the settlement, immediate ones and emergencies from commands), how each ends, the
    /// choice between them, the on-time guard's cut and the real start. At any instant one programme or none is on air.
    /// Per call: <see cref="Run"/> (expire → arbitrate → guard), the relays step, then <see cref="AnnounceStart"/>.
    /// </summary>
    public sealed class SpeakerArbiter : IOccurrenceSink
    {
        private readonly ProgrammeTable _table;
        private readonly RelaySequencer _relays;
        private readonly ClockTracker _clock;
        private readonly PlayRecorder _recorder;
        private readonly ScheduleSettlement _settlement;
        private readonly HealthReporting _health;
        private readonly OnTimeGuard _guard = new OnTimeGuard();
        private readonly long _maxOnTimeMs;
        private Programme _current;

        /// <summary>Creates the arbitration of a station.</summary>
        public SpeakerArbiter(int slots, RelaySequencer relays, ClockTracker clock, PlayRecorder recorder, ScheduleSettlement settlement, HealthReporting health, long maxOnTimeMs)
        {
            _table = new ProgrammeTable(slots);
            _relays = relays;
            _clock = clock;
            _recorder = recorder;
            _settlement = settlement;
            _health = health;
            _maxOnTimeMs = maxOnTimeMs;
        }

        /// <summary>The programme chosen for the speakers, or null.</summary>
        public Programme Current
        {
            get { return _current; }
        }

        /// <summary>Every programme that wants the speakers (the one on air included).</summary>
        public ProgrammeTable Table
        {
            get { return _table; }
        }

        /// <summary>Drops programmes whose time is up, chooses the programme for the speakers, applies the on-time guard.</summary>
        public void Run(Instant now)
        {
            Expire(now);
            Arbitrate(now);
            GuardOnTime(now);
        }

        /// <summary>A scheduled occurrence whose window is open becomes a candidate programme (false: no slot free).</summary>
        public bool Open(ScheduleEntry entry, long startUtcMs, long endUtcMs, Instant now)
        {
            ScheduleItem item = entry.Item;
            Programme p = _table.Take();
            p.Kind = ProgrammeKind.Scheduled;
            p.Id = item.Id;
            p.Issuer = item.Issuer;
            p.Class = item.Class;
            p.Level = item.Level;
            p.Lines = item.Lines;
            p.Source = item.Source;
            p.OccurrenceUtcMs = startUtcMs;
            p.EndUtcMs = endUtcMs;
            p.EndMonotonicMs = now.MonotonicMs + (endUtcMs - now.UtcMs);
            p.SinceMonotonicMs = now.MonotonicMs;
            p.Entry = entry;
            return _table.Add(p);
        }

        /// <summary>A scheduled occurrence was missed: reported with its reason.</summary>
        public void Missed(ScheduleEntry entry, long startUtcMs, MissCause cause, Instant now)
        {
            _recorder.Record(PlayEventKind.Missed, ReasonOf(cause), entry.Item.Id, startUtcMs, entry.Item.Class, now);
        }

        /// <summary>Adds a programme that plays now (immediate or emergency) for its duration, on the monotonic clock.</summary>
        public void AddNow(Programme p, int durationSeconds, Instant now)
        {
            p.EndMonotonicMs = now.MonotonicMs + durationSeconds * 1000L;
            p.SinceMonotonicMs = now.MonotonicMs;
            _table.Add(p);
        }

        /// <summary>
        /// Stops a programme by id — with a null id, every one — that is not an emergency, of an issuer at
        /// <paramref name="level"/> or below. Returns how many stopped; a stopped scheduled occurrence does not restart.
        /// </summary>
        public int Stop(string id, IssuerLevel level, Instant now)
        {
            int stopped = 0;
            for (int i = _table.Count - 1; i >= 0; i--)
            {
                Programme p = _table.At(i);
                bool match = id != null ? p.Id == id && p.Kind != ProgrammeKind.Emergency : p.Kind != ProgrammeKind.Emergency;
                if (match && p.Level <= level)
                {
                    Finish(i, PlayReason.Stopped, now);
                    stopped++;
                }
            }

            return stopped;
        }

        /// <summary>Stops the emergencies of <paramref name="scope"/> issued at <paramref name="level"/> or below; returns how many.</summary>
        public int StopEmergency(string scope, IssuerLevel level, Instant now)
        {
            int stopped = 0;
            for (int i = _table.Count - 1; i >= 0; i--)
            {
                Programme p = _table.At(i);
                if (p.Kind == ProgrammeKind.Emergency && p.Scope == scope && p.Level <= level)
                {
                    Finish(i, PlayReason.Stopped, now);
                    stopped++;
                }
            }

            return stopped;
        }

        /// <summary>Ends the open occurrence of an item that is removed or replaced.</summary>
        public void EndScheduled(string id, Instant now)
        {
            int at = _table.IndexOf(id, ProgrammeKind.Scheduled);
            if (at >= 0)
            {
                Finish(at, PlayReason.Removed, now);
            }
        }

        /// <summary>Ends every open scheduled occurrence (the schedule is replaced by a sync).</summary>
        public void EndAllScheduled(Instant now)
        {
            for (int i = _table.Count - 1; i >= 0; i--)
            {
                if (_table.At(i).Kind == ProgrammeKind.Scheduled)
                {
                    Finish(i, PlayReason.Removed, now);
                }
            }
        }

        /// <summary>Reports the real start (lines connected) of the programme on air.</summary>
        public void AnnounceStart(Instant now)
        {
            if (_current == null || _current.Announced || !_relays.Delivering)
            {
                return;
            }

            _current.Announced = true;
            _current.OnAirSinceMonotonicMs = now.MonotonicMs;
            PlayEventKind kind = _current.EverStarted ? PlayEventKind.Resumed : PlayEventKind.Started;
            _current.EverStarted = true;
            _health.Changed(now.MonotonicMs);
            _recorder.Record(kind, PlayReason.None, _current.Id, _current.OccurrenceUtcMs, _current.Class, now);
        }

        private void Expire(Instant now)
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
                _settlement.Settle(p.Entry, p.OccurrenceUtcMs);
            }

            if (p == _current)
            {
                // Silence first; Arbitrate picks the next programme (if any) in the same call.
                _current = null;
                _relays.SetTarget(0, -1);
                _health.Changed(now.MonotonicMs);
            }

            if (p.EverStarted)
            {
                PlayReason why = reason != PlayReason.None ? reason : (p.State == ProgrammeState.Preempted ? PlayReason.Preempted : PlayReason.None);
                _recorder.Record(PlayEventKind.Ended, why, p.Id, p.OccurrenceUtcMs, p.Class, now);
            }
            else
            {
                _recorder.Record(PlayEventKind.Missed, reason != PlayReason.None ? reason : p.WaitReason, p.Id, p.OccurrenceUtcMs, p.Class, now);
            }

            _table.Recycle(p);
        }

        // Rank = (class, issuer level); a higher rank preempts at once, a tie keeps what is on air (Arbiter.Beats).
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

                if (_guard.Tripped && p.Class != BroadcastClass.Emergency)
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

            if (best == _current)
            {
                return;
            }

            if (_current != null)
            {
                Programme old = _current;
                if (old.Announced)
                {
                    old.State = ProgrammeState.Preempted;
                    old.Announced = false;
                    _recorder.Record(PlayEventKind.Preempted, PlayReason.Preempted, old.Id, old.OccurrenceUtcMs, old.Class, now);
                }
                else
                {
                    old.State = old.EverStarted ? ProgrammeState.Preempted : ProgrammeState.Pending;
                }

                old.WaitReason = PlayReason.Preempted;
            }

            _current = best;
            _health.Changed(now.MonotonicMs);
            if (best == null)
            {
                _relays.SetTarget(0, -1);
                return;
            }

            best.State = ProgrammeState.OnAir;
            best.Announced = false;
            _relays.SetTarget(best.Lines, best.Source);
        }

        // The guard (Relays.OnTimeGuard) decides; a trip cuts what is on air and keeps the station silent.
        private void GuardOnTime(Instant now)
        {
            bool emergency = _current != null && _current.Class == BroadcastClass.Emergency;
            if (!_guard.Trips(now.MonotonicMs, _relays, _maxOnTimeMs, emergency))
            {
                return;
            }

            if (_current != null)
            {
                int at = _table.IndexOf(_current.Id, _current.Kind);
                if (at >= 0)
                {
                    Finish(at, PlayReason.OnTimeLimit, now);
                }
            }

            _current = null;
            _relays.SetTarget(0, -1);
            _health.Changed(now.MonotonicMs);
        }

        private static PlayReason ReasonOf(MissCause cause)
        {
            switch (cause)
            {
                case MissCause.PoweredOff:
                    return PlayReason.PoweredOff;
                case MissCause.NoClock:
                    return PlayReason.NoClock;
                case MissCause.ClockJump:
                    return PlayReason.ClockJump;
                case MissCause.Preempted:
                    return PlayReason.Preempted;
                default:
                    return PlayReason.Expired;
            }
        }
    }
}
