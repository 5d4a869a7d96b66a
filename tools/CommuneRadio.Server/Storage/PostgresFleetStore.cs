using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// The PostgreSQL fleet store (Npgsql), for a province: <c>radioctl serve --postgres "Host=…;Database=…"</c>. Same
/// tables and versions as SQLite (<see cref="PostgresMigrations"/>); each call takes a pooled connection, so a
/// database that restarted is reached again by the next retry of the write buffer. The write path (one
/// round trip per batch) is in PostgresFleetStore.Write.cs. Not thread-safe (see <see cref="IFleetStore"/>).
/// </summary>
public sealed partial class PostgresFleetStore : IFleetStore
{
    private const string StatusColumns = "station, online, last_seen, health, config, faults, firmware";
    private const long MigrationLock = 0x43525356; // "CRSV": one migrating server per database
    private readonly NpgsqlDataSource _source;

    private PostgresFleetStore(NpgsqlDataSource source)
    {
        _source = source;
    }

    /// <inheritdoc/>
    public string Kind => "postgresql";

    /// <inheritdoc/>
    public int SchemaVersion { get; private set; }

    /// <summary>Connects with <paramref name="connectionString"/> (Npgsql keywords) and runs the missing migrations.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer server.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static PostgresFleetStore Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "radioctl-serve" };
        var store = new PostgresFleetStore(NpgsqlDataSource.Create(builder));
        try
        {
            store.Migrate();
        }
        catch
        {
            store.Dispose();
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
            "SELECT station, seq, kind, programme, class, reason, at, clock, received FROM events WHERE at >= $1 AND at < $2" +
            (query.Stations is null ? " AND $3::text[] IS NULL" : " AND station = ANY($3)") +
            (query.Programme is null ? " AND $4::text IS NULL" : " AND programme = $4") + " ORDER BY at, station, seq LIMIT $5",
            r => new StoredEvent(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6), r.GetBoolean(7), r.GetInt64(8)),
            query.FromUtcMs, query.UntilUtcMs, Array(query.Stations), (object?)query.Programme ?? DBNull.Value, query.Limit);
    }

    /// <inheritdoc/>
    public IReadOnlyList<StationStatus> SilentSince(long sinceUtcMs) =>
        Query($"SELECT {StatusColumns} FROM stations WHERE last_seen < $1 ORDER BY last_seen, station", ReadStatus, sinceUtcMs);

    /// <inheritdoc/>
    public IReadOnlyList<StoredResult> Results(string commandId) =>
        Query(
            "SELECT command_id, station, result, reason, field, received FROM results WHERE command_id = $1 ORDER BY received, id",
            r => new StoredResult(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)),
            commandId);

    /// <inheritdoc/>
    public void RecordCommand(StoredCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Execute(
            "INSERT INTO commands(id, sent, token, cmd, target, issuer, level, args) VALUES($1,$2,$3,$4,$5,$6,$7,$8)",
            command.Id, command.SentUtcMs, command.Token, command.Cmd, command.To, command.Issuer, command.Level, command.Args);
    }

    /// <inheritdoc/>
    public StoredCommand? Command(string id) =>
        Query("SELECT id, sent, token, cmd, target, issuer, level, args FROM commands WHERE id = $1", ReadCommand, id).FirstOrDefault();

    /// <inheritdoc/>
    public IReadOnlyList<StoredCommand> ScheduleCommands() =>
        Query("SELECT id, sent, token, cmd, target, issuer, level, args FROM commands WHERE cmd LIKE 'schedule.%' ORDER BY sent, seq", ReadCommand);

    /// <inheritdoc/>
    public IReadOnlyList<RecordedItem> ScheduleRecord(IReadOnlyCollection<string> stations) =>
        Query(
            "SELECT station, item_id, item, issuer, level, command_id FROM schedule_items WHERE station = ANY($1) ORDER BY station, item_id COLLATE \"C\"",
            r => new RecordedItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
            Array(stations ?? throw new ArgumentNullException(nameof(stations))));

    /// <inheritdoc/>
    public IReadOnlyList<FaultRecord> FaultLog(IReadOnlyCollection<string>? stations, long fromUtcMs, long untilUtcMs, int limit) =>
        Query(
            "SELECT station, fault, raised, cleared FROM fault_log WHERE raised < $2 AND (cleared IS NULL OR cleared >= $1)" +
            (stations is null ? " AND $3::text[] IS NULL" : " AND station = ANY($3)") + " ORDER BY raised, station, fault LIMIT $4",
            r => new FaultRecord(r.GetString(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3)),
            fromUtcMs, untilUtcMs, Array(stations), limit);

    /// <inheritdoc/>
    public void Audit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Execute(
            "INSERT INTO audit(at, token, role, scope, command, target, issuer, command_id, args, outcome) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
            record.AtUtcMs, record.Token, record.Role, record.Scope, record.Command, record.To, record.Issuer, record.CommandId, record.Args, record.Outcome);
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuditRecord> AuditLog(int limit) =>
        Query(
            "SELECT at, token, role, scope, command, target, issuer, command_id, args, outcome FROM audit ORDER BY at DESC, id DESC LIMIT $1",
            r => new AuditRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9)),
            limit);

    /// <inheritdoc/>
    public long SizeBytes() =>
        Query(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'",
            r => r.GetInt64(0))[0];

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _source.Dispose();

    private static StationStatus ReadStatus(NpgsqlDataReader r) =>
        new(r.GetString(0), r.IsDBNull(1) ? null : r.GetBoolean(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));

    private static StoredCommand ReadCommand(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));

    private static object Array(IReadOnlyCollection<string>? values) => values is null ? DBNull.Value : values.ToArray();

    private void Migrate()
    {
        using NpgsqlConnection db = _source.OpenConnection();
        Execute(db, null, "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
        for (; ; )
        {
            using NpgsqlTransaction tx = db.BeginTransaction();
            Execute(db, tx, "SELECT pg_advisory_xact_lock($1)", MigrationLock);
            List<int> rows = Query(db, tx, "SELECT version FROM schema_version", r => r.GetInt32(0));
            int version = rows.Count == 0 ? 0 : rows[0];
            if (version > PostgresMigrations.Latest)
            {
                throw new InvalidOperationException($"the database has schema version {version}, newer than this server's {PostgresMigrations.Latest}: use a newer server");
            }

            if (version == PostgresMigrations.Latest)
            {
                tx.Commit();
                SchemaVersion = version;
                return;
            }

            int next = version + 1;
            Execute(db, tx, PostgresMigrations.Scripts[next - 1]);
            Execute(db, tx, next == 1 ? "INSERT INTO schema_version VALUES($1)" : "UPDATE schema_version SET version = $1", next);
            tx.Commit();
        }
    }

    private void Execute(string sql, params object[] parameters)
    {
        using NpgsqlConnection db = _source.OpenConnection();
        Execute(db, null, sql, parameters);
    }

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        using NpgsqlConnection db = _source.OpenConnection();
        return Query(db, null, sql, read, parameters);
    }

    private static void Execute(NpgsqlConnection db, NpgsqlTransaction? tx, string sql, params object[] parameters)
    {
        using var cmd = new NpgsqlCommand(sql, db, tx);
        foreach (object p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        cmd.ExecuteNonQuery();
    }

    private static List<T> Query<T>(NpgsqlConnection db, NpgsqlTransaction? tx, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        using var cmd = new NpgsqlCommand(sql, db, tx);
        foreach (object p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        var rows = new List<T>();
        using NpgsqlDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add(read(r));
        }

        return rows;
    }
}
