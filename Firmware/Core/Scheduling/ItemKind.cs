namespace CommuneRadio.Core.Scheduling
{
    /// <summary>How a schedule item repeats.</summary>
    public enum ItemKind
    {
        /// <summary>Plays once, on one local date.</summary>
        OneOff = 0,

        /// <summary>Plays on chosen days of the week, optionally between two local dates.</summary>
        Weekly = 1,
    }
}
