using System.Collections.Generic;
using CommuneRadio.Server.Ingest;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// Where the server keeps what stations said and who commanded what: <see cref="SqliteFleetStore"/> (one file,
/// the default) or <see cref="PostgresFleetStore"/> (a province's database). Both read messages through
/// <see cref="ParsedMessage"/> and pass the same tests (FleetStoreTests, run against each). Implementations need not
/// be thread-safe: the server calls <see cref="Write"/> from one writer and serialises queries itself.
/// </summary>
public interface IFleetStore : System.IDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Kind { get; }

    /// <summary>The schema version after migrations ran.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Writes a batch of station messages in one transaction: all or nothing. Throws when the database is not
    /// available; the caller keeps the batch and retries. Redelivered events (same station, seq, at, kind,
    /// programme) are stored once. An accepted result of a schedule command the server sent (<see cref="RecordCommand"/>)
    /// updates that station's schedule record in the same transaction.
    /// </summary>
    void Write(IReadOnlyList<StationMessage> batch);

    /// <summary>The live status of every station the server heard of.</summary>
    IReadOnlyList<StationStatus> Stations();

    /// <summary>Events matching <paramref name="query"/>, by time.</summary>
    IReadOnlyList<StoredEvent> Events(EventQuery query);

    /// <summary>Stations whose last message is older than <paramref name="sinceUtcMs"/> (or never live), oldest first.</summary>
    IReadOnlyList<StationStatus> SilentSince(long sinceUtcMs);

    /// <summary>The results stations gave to command <paramref name="commandId"/>.</summary>
    IReadOnlyList<StoredResult> Results(string commandId);

    /// <summary>Records a command the server is about to publish (before it is sent, so no result comes first).</summary>
    void RecordCommand(StoredCommand command);

    /// <summary>The command the server sent with id <paramref name="id"/>, or null.</summary>
    StoredCommand? Command(string id);

    /// <summary>Every schedule command (<c>schedule.*</c>) the server sent, in the order sent.</summary>
    IReadOnlyList<StoredCommand> ScheduleCommands();

    /// <summary>The schedule items each of <paramref name="stations"/> accepted through the server, by station then item id.</summary>
    IReadOnlyList<RecordedItem> ScheduleRecord(IReadOnlyCollection<string> stations);

    /// <summary>Faults raised (and cleared, or still open) by the stations (null: every one) that overlap [from, until).</summary>
    IReadOnlyList<FaultRecord> FaultLog(IReadOnlyCollection<string>? stations, long fromUtcMs, long untilUtcMs, int limit);

    /// <summary>Appends an audit record (who sent what, and what came of it).</summary>
    void Audit(AuditRecord record);

    /// <summary>The latest audit records, newest first.</summary>
    IReadOnlyList<AuditRecord> AuditLog(int limit);

    /// <summary>Bytes the server's tables take on disk (for the benchmark's size per station-day).</summary>
    long SizeBytes();
}
