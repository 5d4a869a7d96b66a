namespace CommuneRadio.Core.Relays
{
    /// <summary>One relay write for the driver: the pin, the level to drive, and what it means.</summary>
    public struct RelayWrite
    {
        /// <summary>What the output switches.</summary>
        public RelayRole Role;

        /// <summary>Index of the output within its role.</summary>
        public int Index;

        /// <summary>Pin to drive.</summary>
        public int Pin;

        /// <summary>Logical state: true = relay closed (amplifier powered, line connected, source selected).</summary>
        public bool On;

        /// <summary>Electrical level after polarity: true = high.</summary>
        public bool Level;
    }
}
