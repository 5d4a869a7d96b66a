namespace CommuneRadio.Core.Health
{
    /// <summary>Counters reported in the health snapshot (since boot).</summary>
    public sealed class Counters
    {
        /// <summary>Commands accepted.</summary>
        public long Accepted;

        /// <summary>Commands refused.</summary>
        public long Refused;

        /// <summary>Reconnections to the broker, as reported by the transport.</summary>
        public long Reconnects;

        /// <summary>Proof-of-play events created.</summary>
        public long Events;
    }
}
