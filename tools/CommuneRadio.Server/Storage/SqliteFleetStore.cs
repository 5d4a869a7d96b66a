using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// The SQLite fleet store: one file, WAL journal, schema and migrations in <see cref="SqliteMigrations"/>; the
/// write path is in SqliteFleetStore.Write.cs. Not thread-safe (see <see cref="IFleetStore"/>).
/// </summary>
public sealed partial class SqliteFleetStore : IFleetStore
{
    private const string StatusColumns = "station, online, last_seen, health, config, faults, firmware";
    private readonly SqliteConnection _db;

    private SqliteFleetStore(SqliteConnection db)
    {
        _db = db;
    }

    /// <inheritdoc/>
    public string Kind => "sqlite";

    /// <inheritdoc/>
    public int SchemaVersion { get; private set; }

    /// <summary>Opens (creating when needed) <paramref name="path"/> and runs the missing migrations.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer server.</exception>
    public static SqliteFleetStore Open(string path)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        db.Open();
        var store = new SqliteFleetStore(db);
        try
        {
            // NORMAL in WAL mode: a commit survives a crash of the process (the WAL is written), fsync at checkpoints.
            store.Execute(null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
            store.Migrate();
        }
        catch
        {
            db.Dispose();
            throw;
        }

        return store;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StationStatus> Stations() => Query($"SELECT {StatusColumns} FROM stations ORDER BY station", ReadStatus);

    /// <inheritdoc/>
    public IReadOnlyList<StoredEvent> Events(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Query(
            "SELECT station, seq, kind, programme, class, reason, at, clock, received FROM events WHERE at >= $f AND at < $u" +
            (query.Stations is null ? string.Empty : " AND station IN (SELECT value FROM json_each($s))") +
            (query.Programme is null ? string.Empty : " AND programme = $p") + " ORDER BY at, station, seq LIMIT $l",
            r => new StoredEvent(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6), r.GetInt64(7) != 0, r.GetInt64(8)),
            ("$f", query.FromUtcMs), ("$u", query.UntilUtcMs), ("$s", JsonList(query.Stations)), ("$p", (object?)query.Programme ?? DBNull.Value), ("$l", query.Limit));
    }

    /// <inheritdoc/>
    public IReadOnlyList<StationStatus> SilentSince(long sinceUtcMs) =>
        Query($"SELECT {StatusColumns} FROM stations WHERE last_seen < $t ORDER BY last_seen, station", ReadStatus, ("$t", sinceUtcMs));

    /// <inheritdoc/>
    public IReadOnlyList<StoredResult> Results(string commandId) =>
        Query(
            "SELECT command_id, station, result, reason, field, received FROM results WHERE command_id = $c ORDER BY received, rowid",
            r => new StoredResult(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)),
            ("$c", commandId));

    /// <inheritdoc/>
    public void RecordCommand(StoredCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Execute(
            null, "INSERT INTO commands VALUES($i,$t,$k,$c,$to,$u,$l,$a)",
            ("$i", command.Id), ("$t", command.SentUtcMs), ("$k", command.Token), ("$c", command.Cmd), ("$to", command.To), ("$u", command.Issuer), ("$l", command.Level), ("$a", command.Args));
    }

    /// <inheritdoc/>
    public StoredCommand? Command(string id) => CommandIn(null, id);

    /// <inheritdoc/>
    public IReadOnlyList<StoredCommand> ScheduleCommands() =>
        Query("SELECT id, sent, token, cmd, target, issuer, level, args FROM commands WHERE cmd LIKE 'schedule.%' ORDER BY sent, rowid", ReadCommand);

    /// <inheritdoc/>
    public IReadOnlyList<RecordedItem> ScheduleRecord(IReadOnlyCollection<string> stations) =>
        Query(
            "SELECT station, item_id, item, issuer, level, command_id FROM schedule_items WHERE station IN (SELECT value FROM json_each($s)) ORDER BY station, item_id",
            r => new RecordedItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
            ("$s", JsonList(stations ?? throw new ArgumentNullException(nameof(stations)))));

    /// <inheritdoc/>
    public IReadOnlyList<FaultRecord> FaultLog(IReadOnlyCollection<string>? stations, long fromUtcMs, long untilUtcMs, int limit) =>
        Query(
            "SELECT station, fault, raised, cleared FROM fault_log WHERE raised < $u AND (cleared IS NULL OR cleared >= $f)" +
            (stations is null ? string.Empty : " AND station IN (SELECT value FROM json_each($s))") + " ORDER BY raised, station, fault LIMIT $l",
            r => new FaultRecord(r.GetString(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3)),
            ("$f", fromUtcMs), ("$u", untilUtcMs), ("$s", JsonList(stations)), ("$l", limit));

    /// <inheritdoc/>
    public void Audit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Execute(
            null, "INSERT INTO audit VALUES($a,$t,$r,$s,$c,$to,$i,$id,$args,$o)",
            ("$a", record.AtUtcMs), ("$t", record.Token), ("$r", record.Role), ("$s", record.Scope), ("$c", record.Command), ("$to", record.To),
            ("$i", record.Issuer), ("$id", record.CommandId), ("$args", record.Args), ("$o", record.Outcome));
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuditRecord> AuditLog(int limit) =>
        Query(
            "SELECT at, token, role, scope, command, target, issuer, command_id, args, outcome FROM audit ORDER BY at DESC, rowid DESC LIMIT $l",
            r => new AuditRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9)),
            ("$l", limit));

    /// <inheritdoc/>
    public long SizeBytes()
    {
        // Checkpoint first: until then new pages live in the WAL, not in the file the page count describes.
        Execute(null, "PRAGMA wal_checkpoint(TRUNCATE)");
        long pages = Query("PRAGMA page_count", r => r.GetInt64(0))[0] - Query("PRAGMA freelist_count", r => r.GetInt64(0))[0];
        return pages * Query("PRAGMA page_size", r => r.GetInt64(0))[0];
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => _db.Dispose();

    private static StationStatus ReadStatus(SqliteDataReader r) =>
        new(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt64(1) != 0, r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));

    private static StoredCommand ReadCommand(SqliteDataReader r) =>
        new(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));

    // Station lists travel as one JSON array parameter, read back with json_each: no statement per list length.
    private static object JsonList(IReadOnlyCollection<string>? values) => values is null ? DBNull.Value : JsonSerializer.Serialize(values);

    private StoredCommand? CommandIn(SqliteTransaction? tx, string id)
    {
        List<StoredCommand> rows = Query("SELECT id, sent, token, cmd, target, issuer, level, args FROM commands WHERE id = $i", ReadCommand, tx, ("$i", id));
        return rows.Count == 0 ? null : rows[0];
    }

    private void Migrate()
    {
        Execute(null, "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
        List<long> rows = Query("SELECT version FROM schema_version", r => r.GetInt64(0));
        int version = rows.Count == 0 ? 0 : (int)rows[0];
        if (version > SqliteMigrations.Latest)
        {
            throw new InvalidOperationException($"the database has schema version {version}, newer than this server's {SqliteMigrations.Latest}: use a newer server");
        }

        for (int next = version + 1; next <= SqliteMigrations.Latest; next++)
        {
            using SqliteTransaction tx = _db.BeginTransaction();
            Execute(tx, SqliteMigrations.Scripts[next - 1]);
            Execute(tx, next == 1 ? "INSERT INTO schema_version VALUES($v)" : "UPDATE schema_version SET version = $v", ("$v", next));
            tx.Commit();
        }

        SchemaVersion = SqliteMigrations.Latest;
    }

    private void Execute(SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters) => Query(sql, read, null, parameters);

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, SqliteTransaction? tx, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        using SqliteDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add(read(r));
        }

        return rows;
    }
}
