namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// What a command must have on flash before anything of it is applied or answered (docs/protocol.md §4.3). A full or
    /// failing store refuses the command with <c>storage-error</c> and nothing of it is applied.
    ///</summary>
    public enum PersistRule
    {
        /// <summary>Its replay counter, written before the checks that may still refuse it (play, stop, emergency.*, time).</summary>
        Counter = 0,

        /// <summary>The counter, then the checked change's own record (schedule.*, config.set).</summary>
        CounterThenChange,

        /// <summary>The change and the counter in one keyring write (key.rotate).</summary>
        ChangeWithCounter,

        /// <summary>Nothing: the counter rides along with the next write; replaying it only publishes state again (status).</summary>
        CounterRidesAlong,
    }
}
