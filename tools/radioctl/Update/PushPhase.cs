namespace CommuneRadio.Cli.Update;

/// <summary>Where one station's update stands in a push (the final ones end its row).</summary>
public enum PushPhase
{
    /// <summary>Not started yet (waiting for a free slot of --parallel).</summary>
    Queued,

    /// <summary>update.begin sent (a fresh transfer, or asking where a resumed one stands).</summary>
    Beginning,

    /// <summary>Sending chunks.</summary>
    Sending,

    /// <summary>Every chunk received and its chain verified by the station; update.commit sent.</summary>
    Committing,

    /// <summary>Committed: the station restarted into the new version and must prove itself (connect, report healthy).</summary>
    Proving,

    /// <summary>Final: the new version proved itself (update-committed, or health running it with nothing pending).</summary>
    Committed,

    /// <summary>Final: the station already runs this version; nothing was sent after update.begin.</summary>
    UpToDate,

    /// <summary>Final: the new version did not prove itself and the station went back to the previous one (update-rolled-back).</summary>
    RolledBack,

    /// <summary>Final: the station refused (reason in the row): storage-full, not-authorized, image-mismatch…</summary>
    Refused,

    /// <summary>Final: the station did not answer within --timeout, after the retries.</summary>
    Silent,

    /// <summary>Final: the commit was accepted but no outcome arrived within --wait (check again with status).</summary>
    Unconfirmed,
}
