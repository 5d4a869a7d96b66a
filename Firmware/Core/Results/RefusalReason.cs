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
    }
}
