namespace CommuneRadio.Core.Results
{
    /// <summary>
    /// Why a command was refused. Sent on the wire as the names in <see cref="ReasonNames"/>
    /// (nanoFramework's Enum.ToString gives the number, so the names are a table, not reflection).
    /// </summary>
    public enum RefusalReason
    {
        /// <summary>Not refused.</summary>
        None = 0,

        /// <summary>A field is missing, empty or too long, or has the wrong type.</summary>
        InvalidField,

        /// <summary>A date or time that does not exist or is out of range.</summary>
        InvalidTime,

        /// <summary>A duration outside 1 s … the maximum.</summary>
        InvalidDuration,

        /// <summary>Speaker lines that are empty or not fitted on this station.</summary>
        InvalidLines,

        /// <summary>An audio source that is not fitted on this station.</summary>
        InvalidSource,

        /// <summary>The schedule holds its maximum number of items.</summary>
        ScheduleFull,

        /// <summary>An item with this id already exists (use replace).</summary>
        DuplicateId,

        /// <summary>No item or programme with this id.</summary>
        UnknownId,

        /// <summary>Too many immediate or emergency programmes are active at once.</summary>
        Busy,

        /// <summary>The issuer may not send this class or act on this target.</summary>
        NotAuthorized,

        /// <summary>The change could not be persisted; nothing was changed.</summary>
        StorageError,

        /// <summary>The payload is over the size limit.</summary>
        TooLarge,

        /// <summary>Not JSON, not UTF-8, too deep, or not the envelope shape.</summary>
        Malformed,

        /// <summary>A member the specification does not define.</summary>
        UnknownField,

        /// <summary>A member given twice.</summary>
        DuplicateField,

        /// <summary>The protocol version is not supported.</summary>
        UnsupportedVersion,

        /// <summary>The command name is not known.</summary>
        UnknownCommand,

        /// <summary>The issuer is not in the keyring.</summary>
        UnknownIssuer,

        /// <summary>The signature does not verify.</summary>
        BadSignature,

        /// <summary>The addressee in the body does not match the topic.</summary>
        WrongTarget,

        /// <summary>The issuer's counter was already used or is too old.</summary>
        Replayed,

        /// <summary>The command's expiry has passed.</summary>
        Expired,

        /// <summary>The command's issue time is in the future.</summary>
        NotYetValid,

        /// <summary>Delivered as a retained message: never executed.</summary>
        Retained,

        /// <summary>A schedule item whose every occurrence has already ended (by a valid clock).</summary>
        InThePast,

        /// <summary>update.begin: the manifest is not one this station can take (docs/protocol.md §8).</summary>
        InvalidManifest,

        /// <summary>update.begin: that version already runs.</summary>
        AlreadyRunning,

        /// <summary>update.begin: a committed version is still on trial.</summary>
        UpdateInTrial,

        /// <summary>The drive cannot hold the update (or a write to it failed); the running version is untouched.</summary>
        StorageFull,

        /// <summary>update.chunk / update.commit without a transfer in progress, or a station without update storage.</summary>
        NoUpdate,

        /// <summary>update.chunk / update.commit for another version than the transfer in progress.</summary>
        WrongVersion,

        /// <summary>update.chunk / update.commit signed by another issuer than the one that began the transfer.</summary>
        WrongIssuer,

        /// <summary>update.chunk that is not the next one; the result's "update" member says which is.</summary>
        OutOfOrder,

        /// <summary>update.chunk whose file, offset or length does not fit the manifest.</summary>
        InvalidChunk,

        /// <summary>The chunks' chain is not the manifest's image MAC: the transfer was discarded.</summary>
        ImageMismatch,

        /// <summary>update.commit before every chunk arrived and was verified.</summary>
        NotVerified,

        /// <summary>The image read back from flash was not the one received: the transfer was discarded.</summary>
        FlashMismatch,
    }
}
