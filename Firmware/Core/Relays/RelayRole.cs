namespace CommuneRadio.Core.Relays
{
    /// <summary>What a relay output switches.</summary>
    public enum RelayRole
    {
        /// <summary>Mains/DC power of an amplifier.</summary>
        Amplifier = 0,

        /// <summary>A speaker line, fed by one amplifier.</summary>
        Line = 1,

        /// <summary>An audio-source selector (at most one selected at any time).</summary>
        Source = 2,
    }
}
