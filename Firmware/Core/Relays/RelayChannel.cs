namespace CommuneRadio.Core.Relays
{
    /// <summary>One relay output: the pin it is on, its polarity and, for a line, the amplifier that feeds it.</summary>
    public sealed class RelayChannel
    {
        /// <summary>Creates a channel.</summary>
        public RelayChannel(int pin, bool activeLow, int amplifier)
        {
            Pin = pin;
            ActiveLow = activeLow;
            Amplifier = amplifier;
        }

        /// <summary>GPIO number (or a simulated board's channel number).</summary>
        public int Pin;

        /// <summary>True when the relay closes on a low level (most opto-isolated relay modules).</summary>
        public bool ActiveLow;

        /// <summary>For a line: index of the amplifier feeding it. Ignored for other roles.</summary>
        public int Amplifier;

        /// <summary>The electrical level (true = high) that puts this relay in the given state.</summary>
        public bool LevelFor(bool on)
        {
            return on != ActiveLow;
        }
    }
}
