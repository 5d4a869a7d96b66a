namespace CommuneRadio.Core.Arbitration
{
    /// <summary>Where a programme came from.</summary>
    public enum ProgrammeKind
    {
        /// <summary>An occurrence of a schedule item; needs a valid clock.</summary>
        Scheduled = 0,

        /// <summary>"Play now" from a command; plays without a valid clock.</summary>
        Immediate = 1,

        /// <summary>An emergency for a scope; plays at once, without a valid clock, exempt from the on-time guard.</summary>
        Emergency = 2,
    }
}
