namespace CommuneRadio.Core.Supervision
{
    /// <summary>
    /// Detects a stalled main loop. The loop calls <see cref="Feed"/> every iteration; an independent timer on
    /// the platform calls <see cref="IsStalled"/>. When the loop has not fed it for <see cref="StallMs"/>, the
    /// platform records the reason ("watchdog") and reboots — relays drop to off at power-up, then the boot
    /// sequence restores the schedule. nanoFramework exposes no hardware watchdog, hence this software one.
    /// </summary>
    public sealed class LoopWatchdog
    {
        private long _lastFeedMs;
        private bool _fed;

        /// <summary>Creates a watchdog.</summary>
        public LoopWatchdog(int stallMs)
        {
            StallMs = stallMs;
        }

        /// <summary>Time without a feed that counts as a stall (default use: 30 s).</summary>
        public int StallMs;

        /// <summary>The main loop is alive at <paramref name="nowMs"/> (monotonic).</summary>
        public void Feed(long nowMs)
        {
            _lastFeedMs = nowMs;
            _fed = true;
        }

        /// <summary>True when the loop was fed once and then not for longer than <see cref="StallMs"/>.</summary>
        public bool IsStalled(long nowMs)
        {
            return _fed && nowMs - _lastFeedMs > StallMs;
        }

        /// <summary>Milliseconds since the last feed (0 before the first).</summary>
        public long SinceFeedMs(long nowMs)
        {
            return _fed ? nowMs - _lastFeedMs : 0;
        }
    }
}
