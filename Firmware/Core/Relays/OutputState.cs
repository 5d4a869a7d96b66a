namespace CommuneRadio.Core.Relays
{
    /// <summary>What the sequencer knows about one output.</summary>
    public sealed class OutputState
    {
        /// <summary>Never switched: far enough in the past that no interval blocks the first switching.</summary>
        public const long Never = long.MinValue / 4;

        /// <summary>Current logical state.</summary>
        public bool On;

        /// <summary>Monotonic time of the last switching.</summary>
        public long LastSwitchMs = Never;

        /// <summary>Monotonic time it was last switched on.</summary>
        public long OnSinceMs = Never;

        /// <summary>Amplifier only: monotonic time the last of its lines was disconnected.</summary>
        public long LastLineOffMs = Never;

        /// <summary>Reported faulty: left off and not used until cleared.</summary>
        public bool Faulty;
    }
}
