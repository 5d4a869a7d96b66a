namespace CommuneRadio.Core.Runtime
{
    /// <summary>What happened to the connection during one <see cref="StationRuntime.Pass"/> (for the platform's log).</summary>
    public enum ConnectionChange
    {
        /// <summary>Nothing changed.</summary>
        None = 0,

        /// <summary>An attempt succeeded: online state and config report published, subscriptions requested.</summary>
        Connected = 1,

        /// <summary>An attempt failed; the next one waits for the backoff.</summary>
        AttemptFailed = 2,

        /// <summary>An established connection was lost; the next attempt waits for the backoff.</summary>
        Lost = 3,
    }
}
