using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>
    /// The decision logic of one loudspeaker cluster. It is driven only by calls that carry the time
    /// (<see cref="Instant"/>): commands, clock syncs, sensor readings and <see cref="Tick"/>. Each call
    /// fills <see cref="Effects"/> with what the platform must do (relay writes, persistence, publishing).
    /// No threads, timers, clocks, files or sockets: the same class runs on the ESP32 and thousands of
    /// times in one host process. Not thread-safe: call it from one loop.
    /// <para>Per call: clock bookkeeping → settle the schedule (misses, new candidates:
    /// <see cref="ScheduleSettlement"/>) → drop programmes whose time is up, arbitrate, on-time guard
    /// (<see cref="SpeakerArbiter"/>, <see cref="OnTimeGuard"/>) → step the relays (<see cref="RelaySequencer"/>) →
    /// announce real starts → faults and health (<see cref="HealthReporting"/>). Each stage's decisions are in its
    /// folder; this class composes them and holds the public API.</para>
    /// </summary>
    public sealed partial class StationCore
    {
        private readonly StationSettings _settings;
        private readonly Schedule _schedule;
        private readonly RelaySequencer _relays;
        private readonly ClockTracker _clock;
        private readonly PlayEventQueue _events;
        private readonly Effects _effects;
        private readonly HealthSnapshot _snapshot = new HealthSnapshot();
        private readonly Counters _counters = new Counters();
        private readonly PlayRecorder _recorder;
        private readonly ScheduleSettlement _settlement;
        private readonly ScheduleRules _rules;
        private readonly SpeakerArbiter _arbiter;
        private readonly ImmediateProgrammes _immediate;
        private readonly HealthReporting _health;
        private readonly ScheduleChange _ownChange = new ScheduleChange();
        private long _lastMonotonicMs;
        private bool _commandOpen;
        private bool _commandChanged;

        /// <summary>Creates a station with an empty schedule. Call <see cref="Boot"/> before anything else.</summary>
        public StationCore(StationSettings settings)
        {
            _settings = settings;
            _schedule = new Schedule(settings.ScheduleCapacity);
            _relays = new RelaySequencer(settings.Relays);
            _clock = new ClockTracker(settings.ClockTrustMs, settings.ClockStepThresholdMs);
            _events = new PlayEventQueue(settings.EventQueueCapacity);
            _effects = new Effects(settings.Relays.OutputCount);
            _recorder = new PlayRecorder(_events, _clock, _counters);
            _health = new HealthReporting(settings.Faults);
            _settlement = new ScheduleSettlement(_schedule, _clock, settings.UtcOffsetMinutes);
            _rules = new ScheduleRules(_schedule, _clock, settings.Relays, settings.MaxOnTimeMs, settings.UtcOffsetMinutes);
            _arbiter = new SpeakerArbiter(settings.ProgrammeSlots, _relays, _clock, _recorder, _settlement, _health, settings.MaxOnTimeMs);
            _immediate = new ImmediateProgrammes(_arbiter, settings.Relays, settings.MaxImmediateSeconds, settings.MaxOnTimeMs, settings.ProgrammeSlots);
        }

        /// <summary>The effects of the last call.</summary>
        public Effects Effects
        {
            get { return _effects; }
        }

        /// <summary>The settings the station runs with.</summary>
        public StationSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The schedule (read it; change it through the command methods).</summary>
        public Schedule Schedule
        {
            get { return _schedule; }
        }

        /// <summary>Proof-of-play events awaiting delivery (dequeue once delivered).</summary>
        public PlayEventQueue Events
        {
            get { return _events; }
        }

        /// <summary>The relay sequencer (read-only use: states for display and tests).</summary>
        public RelaySequencer Relays
        {
            get { return _relays; }
        }

        /// <summary>The clock tracker.</summary>
        public ClockTracker Clock
        {
            get { return _clock; }
        }

        /// <summary>Command and connection counters.</summary>
        public Counters Counters
        {
            get { return _counters; }
        }

        /// <summary>The programme chosen for the speakers, or null.</summary>
        public Programme OnAir
        {
            get { return _arbiter.Current; }
        }

        /// <summary>
        /// Sticky: the schedule or its watermarks changed since the store last took them, whichever call made
        /// the change (Effects are per call; this survives until <see cref="TakeDirty"/>).
        /// </summary>
        public bool ScheduleDirty { get; private set; }

        /// <summary>Sticky: proof-of-play events were added since the store last took them.</summary>
        public bool EventsDirty { get; private set; }

        /// <summary>Clears the sticky flags (the store has noted them).</summary>
        public void TakeDirty()
        {
            ScheduleDirty = false;
            EventsDirty = false;
        }

        /// <summary>Sequence number of the last proof-of-play event (persisted so numbers never repeat).</summary>
        public long EventSequence
        {
            get { return _recorder.Sequence; }
            set { _recorder.Sequence = value; }
        }

        /// <summary>Raised faults.</summary>
        public FaultFlags Faults
        {
            get { return _health.Faults.Flags; }
        }

        /// <summary>
        /// First call after power-up: every relay is driven to its off level (lines first), whatever state
        /// it is believed to be in, and the first health snapshot is due.
        /// </summary>
        public Effects Boot(Instant now)
        {
            StartCall(now);
            _relays.AllOff(now.MonotonicMs, _effects.Writes);
            _clock.Observe(now);
            _health.Boot(now.MonotonicMs);
            Process(now);
            return _effects;
        }

        /// <summary>
        /// Before a deliberate restart (an update's commit or rollback): every relay is driven to its off level, lines first,
        /// as at boot, and nothing runs after it that could switch one on again. The station is not used after this call.
        /// </summary>
        public Effects Shutdown(Instant now)
        {
            StartCall(now);
            _relays.AllOff(now.MonotonicMs, _effects.Writes);
            return _effects;
        }

        /// <summary>Time passed: runs everything that is due at <paramref name="now"/>.</summary>
        public Effects Tick(Instant now)
        {
            StartCall(now);
            Observe(now);
            Process(now);
            return _effects;
        }

        /// <summary>
        /// The platform set the wall clock from a trusted source (SNTP or a verified time beacon).
        /// Scheduled items start to run; occurrences missed while the clock was unknown are reported.
        /// </summary>
        public Effects ClockSynced(Instant now)
        {
            StartCall(now);
            bool wasValid = _clock.Valid;
            bool changed = _clock.Synced(now);
            _settlement.NoteStep(wasValid);
            if (changed)
            {
                HealthChanged();
            }

            Process(now);
            return _effects;
        }

        /// <summary>New sensor readings (already calibrated); they are evaluated at the next call.</summary>
        public void UpdateSensors(SensorReadings readings)
        {
            _health.UpdateSensors(readings);
        }

        /// <summary>
        /// The platform reports a fault it detected itself (a relay driver write failed, storage failed,
        /// configuration invalid) or its recovery. A faulty relay output is left off and not used.
        /// </summary>
        public Effects ReportFault(FaultFlags fault, bool raised, Instant now)
        {
            StartCall(now);
            Observe(now);
            _health.Faults.SetDirect(fault, raised);
            Process(now);
            return _effects;
        }

        /// <summary>
        /// Raises or clears a platform fault without running the station (e.g. a storage write failed while
        /// the effects of the current call are still being applied); it is reported at the next call.
        /// </summary>
        public void MarkFault(FaultFlags fault, bool raised)
        {
            _health.Faults.SetDirect(fault, raised);
        }

        /// <summary>Marks one relay output faulty (or repaired); the rest keep working.</summary>
        public Effects ReportRelayFault(RelayRole role, int index, bool faulty, Instant now)
        {
            StartCall(now);
            Observe(now);
            _relays.SetFaulty(role, index, faulty);
            _health.Faults.SetDirect(FaultFlags.RelayFault, _relays.AnyFaulty);
            Process(now);
            return _effects;
        }

        /// <summary>
        /// Restores one schedule item and its settlement watermark from storage, before <see cref="Boot"/>.
        /// The watermark is what stops a reboot from replaying an occurrence that already played.
        /// </summary>
        public CommandResult RestoreItem(ScheduleItem item, long settledUntilUtcMs, bool hasWatermark)
        {
            CommandResult r = ScheduleValidator.Validate(item, _settings.Relays);
            if (!r.Accepted)
            {
                return r;
            }

            RefusalReason reason = _schedule.Add(new ScheduleEntry(item.Clone(), settledUntilUtcMs, hasWatermark));
            return reason == RefusalReason.None ? CommandResult.Ok : CommandResult.Refuse(reason, "id");
        }

        /// <summary>The transport reconnected to the broker (counted in the health snapshot).</summary>
        public void CountReconnect()
        {
            _counters.Reconnects++;
        }

        // Every call starts here: the effects are per call, cleared in this one place.
        private void StartCall(Instant now)
        {
            _effects.Clear();
            _settlement.StartCall();
            _recorder.StartCall();
            _commandOpen = false;
            _lastMonotonicMs = now.MonotonicMs;
        }

        private void Observe(Instant now)
        {
            _lastMonotonicMs = now.MonotonicMs;
            bool wasValid = _clock.Valid;
            if (_clock.Observe(now))
            {
                HealthChanged();
            }

            _settlement.NoteStep(wasValid);
        }

        // Something the health snapshot reports changed now (HealthReporting coalesces the changes of one transition).
        private void HealthChanged()
        {
            _health.Changed(_lastMonotonicMs);
        }

        // One run of the station, in the order of the stages: the schedule's settlement hands open occurrences to the
        // arbitration, which drops what is over, chooses, and lets the on-time guard cut; the relays step towards the
        // choice; a real start is announced; faults and the health snapshot are evaluated.
        private void Process(Instant now)
        {
            _settlement.Run(now, _arbiter);
            _arbiter.Run(now);
            _relays.Step(now.MonotonicMs, _effects.Writes);
            _arbiter.AnnounceStart(now);
            long ms = now.MonotonicMs;
            _effects.HealthDue = _health.Evaluate(ms, _relays.AmplifiersOn, _relays.WarmAmplifiers(ms), _clock.Valid, _settings.TelemetryPeriodMs, _settings.HealthCoalesceMs);
            _effects.ScheduleChanged |= _settlement.Changed;
            _effects.NewEvents = _recorder.NewEvents;
            ScheduleDirty |= _effects.ScheduleChanged;
            EventsDirty |= _effects.NewEvents > 0;
        }
    }
}
