using System.Collections.Generic;
using CommuneRadio.Server.Ingest;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// Where the server keeps what stations said and who commanded what. SQLite today (<see cref="SqliteFleetStore"/>);
/// kept small so a PostgreSQL store can implement the same role. Implementations need not be thread-safe: the
/// server calls <see cref="Write"/> from one writer and serialises queries itself.
/// </summary>
public interface IFleetStore : System.IDisposable
{
    /// <summary>The schema version after migrations ran.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Writes a batch of station messages in one transaction: all or nothing. Throws when the database is not
    /// available; the caller keeps the batch and retries. Redelivered events (same station, seq, at, kind,
    /// programme) are stored once.
    /// </summary>
    void Write(IReadOnlyList<StationMessage> batch);

    /// <summary>The live status of every station the server heard of.</summary>
    IReadOnlyList<StationStatus> Stations();

    /// <summary>Events of <paramref name="station"/> (null: every station) with <c>fromUtcMs ≤ at &lt; untilUtcMs</c>, by time.</summary>
    IReadOnlyList<StoredEvent> Events(string? station, long fromUtcMs, long untilUtcMs, int limit);

    /// <summary>Stations whose last message is older than <paramref name="sinceUtcMs"/> (or never live), oldest first.</summary>
    IReadOnlyList<StationStatus> SilentSince(long sinceUtcMs);

    /// <summary>The results stations gave to command <paramref name="commandId"/>.</summary>
    IReadOnlyList<StoredResult> Results(string commandId);

    /// <summary>Appends an audit record (who sent what, and what came of it).</summary>
    void Audit(AuditRecord record);

    /// <summary>The latest audit records, newest first.</summary>
    IReadOnlyList<AuditRecord> AuditLog(int limit);
}
