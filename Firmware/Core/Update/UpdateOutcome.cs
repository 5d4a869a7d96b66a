namespace CommuneRadio.Core.Update
{
    /// <summary>How the last update ended (health snapshot, events).</summary>
    public enum UpdateOutcome
    {
        /// <summary>No update has ended yet.</summary>
        None,

        /// <summary>The new version proved itself and is now the active one (<c>update-committed</c>).</summary>
        Committed,

        /// <summary>The new version was rolled back to the previous one (<c>update-rolled-back</c>, with the reason).</summary>
        RolledBack,

        /// <summary>The transfer was discarded before commit (image or flash mismatch); the running version was never touched.</summary>
        Discarded,
    }
}
