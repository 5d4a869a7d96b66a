namespace CommuneRadio.Core.Scheduling
{
    /// <summary>Bulletin class (Circular 39/2020), low to high; a higher class takes the speakers first.</summary>
    public enum BroadcastClass
    {
        /// <summary>Regular programme, scheduled by the commune.</summary>
        Normal = 0,

        /// <summary>Played ahead of the normal programme.</summary>
        Priority = 1,

        /// <summary>Played at once, overriding everything (disaster, fire, epidemic).</summary>
        Emergency = 2,
    }
}
