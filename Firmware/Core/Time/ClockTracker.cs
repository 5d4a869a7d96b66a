namespace CommuneRadio.Core.Time
{
    /// <summary>
    /// Tracks whether the wall clock can be trusted and notices when it steps. The platform's wall clock
    /// and monotonic clock advance together; when the difference between them changes by more than
    /// <see cref="StepThresholdMs"/>, the wall clock was set (SNTP, beacon, RTC correction).
    /// <para>Example: at mono 10 000 utc reads T; at mono 11 000 it reads T + 3 600 000: a forward step of
    /// 3 599 000 ms, over the 15-minute resync threshold.</para>
    /// </summary>
    public sealed class ClockTracker
    {
        private bool _haveOffset;
        private long _offsetMs;
        private long _lastSyncMonotonicMs = -1;
        private long _validSinceUtcMs;
        private long _lastStepMs;

        /// <summary>Creates a tracker; the clock starts <see cref="ClockState.Unsynced"/>.</summary>
        public ClockTracker(long trustMs, int stepThresholdMs)
        {
            TrustMs = trustMs;
            StepThresholdMs = stepThresholdMs;
        }

        /// <summary>How long a synced clock is trusted without another sync.</summary>
        public long TrustMs;

        /// <summary>Change of the wall-minus-monotonic offset that counts as a step.</summary>
        public int StepThresholdMs;

        /// <summary>Current state.</summary>
        public ClockState State { get; private set; }

        /// <summary>True when scheduled items may run (state is <see cref="ClockState.Synced"/>).</summary>
        public bool Valid
        {
            get { return State == ClockState.Synced; }
        }

        /// <summary>Monotonic time of the last sync, or -1.</summary>
        public long LastSyncMonotonicMs
        {
            get { return _lastSyncMonotonicMs; }
        }

        /// <summary>UTC instant since which the clock has been continuously valid.</summary>
        public long ValidSinceUtcMs
        {
            get { return _validSinceUtcMs; }
        }

        /// <summary>Wall time the clock read just before the last step (the "jumped from" point).</summary>
        public long StepFromUtcMs { get; private set; }

        /// <summary>The wall-clock step seen by the last <see cref="Observe"/> (0 if none; negative = backwards).</summary>
        public long LastStepMs
        {
            get { return _lastStepMs; }
        }

        /// <summary>Estimated UTC instant of boot, once the clock is valid.</summary>
        public long BootUtcMs
        {
            get { return _offsetMs; }
        }

        /// <summary>
        /// Reads the clocks at a tick. Returns the wall-clock step in ms (0 if none) and updates the state
        /// (a synced clock becomes <see cref="ClockState.Stale"/> after <see cref="TrustMs"/> without a sync).
        /// Returns true when the state changed.
        /// </summary>
        public bool Observe(Instant now)
        {
            _lastStepMs = 0;
            long offset = now.UtcMs - now.MonotonicMs;
            if (_haveOffset)
            {
                long d = offset - _offsetMs;
                if (d > StepThresholdMs || d < -StepThresholdMs)
                {
                    _lastStepMs = d;
                    StepFromUtcMs = _offsetMs + now.MonotonicMs;
                }
            }

            _haveOffset = true;
            _offsetMs = offset;

            if (State == ClockState.Synced && now.MonotonicMs - _lastSyncMonotonicMs > TrustMs)
            {
                State = ClockState.Stale;
                return true;
            }

            return false;
        }

        /// <summary>
        /// The platform set the clock from a trusted source (SNTP, signed beacon) at <paramref name="now"/>.
        /// Returns true when the state changed.
        /// </summary>
        public bool Synced(Instant now)
        {
            bool wasValid = Valid;
            Observe(now);
            _lastSyncMonotonicMs = now.MonotonicMs;
            if (!wasValid)
            {
                _validSinceUtcMs = now.UtcMs;
            }

            State = ClockState.Synced;
            return !wasValid;
        }
    }
}
