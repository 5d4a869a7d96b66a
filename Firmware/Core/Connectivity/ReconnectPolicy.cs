namespace CommuneRadio.Core.Connectivity
{
    /// <summary>
    /// When to try the broker again, driven only by the monotonic time it is given. Capped exponential backoff
    /// with full jitter: after the n-th failure the next attempt is a uniformly random delay in
    /// [<see cref="MinDelayMs"/>, min(<see cref="MaxDelayMs"/>, <see cref="MinDelayMs"/> · 2ⁿ)]. Full jitter is
    /// what keeps thousands of stations from reconnecting in lock-step after a broker restart.
    /// <para>Example (min 1 s, max 5 min): failures 1, 2, 3, … wait up to 2 s, 4 s, 8 s, … then up to 300 s.</para>
    /// After a successful connect the policy asks for a resubscribe and an immediate state publish.
    /// </summary>
    public sealed class ReconnectPolicy
    {
        private uint _random;
        private long _nextAttemptMs;

        /// <summary>Creates a policy; <paramref name="seed"/> should differ per station (e.g. a hash of its id and boot time).</summary>
        public ReconnectPolicy(int minDelayMs, int maxDelayMs, uint seed)
        {
            MinDelayMs = minDelayMs;
            MaxDelayMs = maxDelayMs;
            _random = seed == 0 ? 0x9E3779B9 : seed;
        }

        /// <summary>Shortest delay between attempts.</summary>
        public int MinDelayMs;

        /// <summary>Cap of the backoff.</summary>
        public int MaxDelayMs;

        /// <summary>Failed attempts since the last successful connect.</summary>
        public int Failures { get; private set; }

        /// <summary>True while connected.</summary>
        public bool Connected { get; private set; }

        /// <summary>Monotonic time of the next attempt (valid while disconnected).</summary>
        public long NextAttemptMs
        {
            get { return _nextAttemptMs; }
        }

        /// <summary>Set on connect: subscribe to the command topics again (the session may be new).</summary>
        public bool ResubscribeNeeded { get; private set; }

        /// <summary>Set on connect: publish the retained online state at once, before the outbox.</summary>
        public bool StateNeeded { get; private set; }

        /// <summary>True when the transport should try to connect now.</summary>
        public bool ShouldAttempt(long nowMs)
        {
            return !Connected && nowMs >= _nextAttemptMs;
        }

        /// <summary>The connection was lost, or an attempt failed: schedules the next attempt.</summary>
        public void Failed(long nowMs)
        {
            Connected = false;
            Failures++;
            int shift = Failures > 20 ? 20 : Failures;
            long cap = (long)MinDelayMs << shift;
            if (cap > MaxDelayMs)
            {
                cap = MaxDelayMs;
            }

            _nextAttemptMs = nowMs + MinDelayMs + (long)(Next() % (ulong)(cap - MinDelayMs + 1));
        }

        /// <summary>Connected: resets the backoff and asks for a resubscribe and a state publish.</summary>
        public void Succeeded()
        {
            Connected = true;
            Failures = 0;
            ResubscribeNeeded = true;
            StateNeeded = true;
        }

        /// <summary>The transport resubscribed.</summary>
        public void Resubscribed()
        {
            ResubscribeNeeded = false;
        }

        /// <summary>The transport published the online state.</summary>
        public void StatePublished()
        {
            StateNeeded = false;
        }

        // xorshift32: deterministic for a seed, no System.Random in Core.
        private ulong Next()
        {
            uint x = _random;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _random = x;
            return x;
        }
    }
}
