namespace CommuneRadio.Core.Scheduling
{
    /// <summary>Administrative level of a command's issuer; the second key of arbitration after the class.</summary>
    public enum IssuerLevel
    {
        /// <summary>The station itself (local operator or engineer).</summary>
        Station = 0,

        /// <summary>Commune people's committee / commune station.</summary>
        Commune = 1,

        /// <summary>Provincial information source system.</summary>
        Province = 2,

        /// <summary>National level.</summary>
        National = 3,
    }
}
