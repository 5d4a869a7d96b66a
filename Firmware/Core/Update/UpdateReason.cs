namespace CommuneRadio.Core.Update
{
    /// <summary>
    /// Why an update step was refused, or why an update ended as it did (wire names in
    /// <see cref="UpdateNames"/>, docs/protocol.md §8).
    /// </summary>
    public enum UpdateReason
    {
        /// <summary>Accepted.</summary>
        None,

        /// <summary>Accepted: this chunk was received before (a duplicate or a resend after a power cut).</summary>
        AlreadyReceived,

        /// <summary>The manifest is not one this station can take (names, sizes, chunk size, image MAC).</summary>
        InvalidManifest,

        /// <summary>That version already runs.</summary>
        AlreadyRunning,

        /// <summary>A committed update is still on trial: it must prove itself or be rolled back first.</summary>
        InTrial,

        /// <summary>The drive cannot hold the image (or a write failed): nothing running was touched.</summary>
        StorageFull,

        /// <summary>No transfer is in progress.</summary>
        NoUpdate,

        /// <summary>The chunk or commit names another version than the transfer in progress.</summary>
        WrongVersion,

        /// <summary>The chunk was signed by another issuer than the one that began the transfer.</summary>
        WrongIssuer,

        /// <summary>The chunk is not the next one: the result says which one is (resend from there).</summary>
        OutOfOrder,

        /// <summary>The chunk's file, offset or length does not fit the manifest.</summary>
        InvalidChunk,

        /// <summary>Every chunk arrived but their chain is not the image MAC of the manifest: the transfer was discarded.</summary>
        ImageMismatch,

        /// <summary>Commit before every chunk arrived and was verified.</summary>
        NotVerified,

        /// <summary>At commit, the image read back from flash was not the one received: the transfer was discarded.</summary>
        FlashMismatch,

        /// <summary>Rolled back: the new version did not connect and report healthy within the prove time (counted across reboots).</summary>
        NotHealthy,

        /// <summary>Rolled back: the new version restarted more often than allowed before it proved itself.</summary>
        BootFailed,

        /// <summary>Rolled back: the loader could not load the new version's assemblies.</summary>
        LoadFailed,
    }
}
