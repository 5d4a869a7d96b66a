namespace CommuneRadio.Core.Update
{
    /// <summary>Where the update of a station stands (docs/protocol.md §8).</summary>
    public enum UpdateState
    {
        /// <summary>No update in progress: the active slot runs.</summary>
        Idle,

        /// <summary>Chunks of a new version are being written into the other slot.</summary>
        Receiving,

        /// <summary>Every chunk arrived and the chain matched the image MAC: ready to commit.</summary>
        Verified,

        /// <summary>Committed: the next boots load the new slot until it proves itself (or is rolled back).</summary>
        Trial,
    }
}
