namespace CommuneRadio.Core.Time
{
    /// <summary>
    /// One reading of the two clocks Core is driven by. <see cref="MonotonicMs"/> counts milliseconds since
    /// boot and never jumps: relay timings, durations and guards use it. <see cref="UtcMs"/> is the wall
    /// clock (Unix milliseconds); it is meaningful only while the clock is synced, and it can step.
    /// </summary>
    public struct Instant
    {
        /// <summary>Creates a reading.</summary>
        /// <param name="monotonicMs">Milliseconds since boot.</param>
        /// <param name="utcMs">Wall-clock Unix milliseconds as the platform reports them.</param>
        public Instant(long monotonicMs, long utcMs)
        {
            MonotonicMs = monotonicMs;
            UtcMs = utcMs;
        }

        /// <summary>Milliseconds since boot; never steps.</summary>
        public long MonotonicMs;

        /// <summary>Unix milliseconds (UTC); may step when the clock is set.</summary>
        public long UtcMs;

        /// <summary>A reading <paramref name="ms"/> later on both clocks.</summary>
        public Instant Plus(long ms)
        {
            return new Instant(MonotonicMs + ms, UtcMs + ms);
        }
    }
}
