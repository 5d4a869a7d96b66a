using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using CommuneRadio.Server.Ingest;
using Microsoft.Data.Sqlite;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// The SQLite fleet store: one file, WAL journal, schema and migrations in <see cref="SqliteMigrations"/>.
/// Not thread-safe (see <see cref="IFleetStore"/>).
/// </summary>
public sealed class SqliteFleetStore : IFleetStore
{
    private readonly SqliteConnection _db;

    private SqliteFleetStore(SqliteConnection db)
    {
        _db = db;
    }

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
            store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
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
    public void Write(IReadOnlyList<StationMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using SqliteTransaction tx = _db.BeginTransaction();
        foreach (StationMessage m in batch)
        {
            string? refusal = WriteOne(tx, m);
            if (refusal is not null)
            {
                Execute(tx, "INSERT INTO rejected VALUES($r,$t,$p,$why)", ("$r", m.ReceivedUtcMs), ("$t", m.Station + "/" + m.Kind), ("$p", m.Payload), ("$why", refusal));
            }
        }

        tx.Commit();
    }

    /// <inheritdoc/>
    public IReadOnlyList<StationStatus> Stations() =>
        Query("SELECT station, online, last_seen, health, config, faults FROM stations ORDER BY station", ReadStatus);

    /// <inheritdoc/>
    public IReadOnlyList<StoredEvent> Events(string? station, long fromUtcMs, long untilUtcMs, int limit) =>
        Query(
            "SELECT station, seq, kind, programme, class, reason, at, clock, received FROM events WHERE at >= $f AND at < $u" +
            (station is null ? string.Empty : " AND station = $s") + " ORDER BY at, station, seq LIMIT $l",
            r => new StoredEvent(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6), r.GetInt64(7) != 0, r.GetInt64(8)),
            ("$f", fromUtcMs), ("$u", untilUtcMs), ("$s", (object?)station ?? DBNull.Value), ("$l", limit));

    /// <inheritdoc/>
    public IReadOnlyList<StationStatus> SilentSince(long sinceUtcMs) =>
        Query("SELECT station, online, last_seen, health, config, faults FROM stations WHERE last_seen < $t ORDER BY last_seen, station", ReadStatus, ("$t", sinceUtcMs));

    /// <inheritdoc/>
    public IReadOnlyList<StoredResult> Results(string commandId) =>
        Query(
            "SELECT command_id, station, result, reason, field, received FROM results WHERE command_id = $c ORDER BY received",
            r => new StoredResult(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)),
            ("$c", commandId));

    /// <inheritdoc/>
    public void Audit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using SqliteTransaction tx = _db.BeginTransaction();
        Execute(
            tx, "INSERT INTO audit VALUES($a,$t,$r,$s,$c,$to,$i,$id,$args,$o)",
            ("$a", record.AtUtcMs), ("$t", record.Token), ("$r", record.Role), ("$s", record.Scope), ("$c", record.Command), ("$to", record.To),
            ("$i", record.Issuer), ("$id", record.CommandId), ("$args", record.Args), ("$o", record.Outcome));
        tx.Commit();
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuditRecord> AuditLog(int limit) =>
        Query(
            "SELECT at, token, role, scope, command, target, issuer, command_id, args, outcome FROM audit ORDER BY at DESC, rowid DESC LIMIT $l",
            r => new AuditRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9)),
            ("$l", limit));

    /// <summary>Closes the database.</summary>
    public void Dispose() => _db.Dispose();

    private static StationStatus ReadStatus(SqliteDataReader r) =>
        new(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt64(1) != 0, r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5));

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
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

    // Null when stored, otherwise why the payload could not be read (it then goes to `rejected`).
    private string? WriteOne(SqliteTransaction tx, StationMessage m)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(m.Payload);
        }
        catch (JsonException)
        {
            return "malformed";
        }

        using (doc)
        {
            JsonElement r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object)
            {
                return "malformed";
            }

            string text = Encoding.UTF8.GetString(m.Payload);
            Execute(tx, "INSERT INTO stations(station) VALUES($s) ON CONFLICT(station) DO NOTHING", ("$s", m.Station));
            if (!m.Retained)
            {
                // A retained state or config report is old news, not a sign of life.
                Execute(tx, "UPDATE stations SET last_seen = max(last_seen, $t) WHERE station = $s", ("$s", m.Station), ("$t", m.ReceivedUtcMs));
            }

            switch (m.Kind)
            {
                case "state":
                    if (!r.TryGetProperty("online", out JsonElement online) || online.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        return "invalid-field: online";
                    }

                    Execute(tx, "UPDATE stations SET online = $o WHERE station = $s", ("$s", m.Station), ("$o", online.GetBoolean() ? 1 : 0));
                    return null;
                case "health":
                    Execute(tx, "INSERT INTO health VALUES($s,$t,$p)", ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$p", text));
                    Execute(tx, "UPDATE stations SET health = $p, health_at = $t, faults = $f WHERE station = $s", ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$p", text), ("$f", Faults(r)));
                    return null;
                case "config":
                    Execute(tx, "UPDATE stations SET config = $p, config_at = $t WHERE station = $s", ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$p", text));
                    return null;
                case "event":
                    return WriteEvent(tx, m, r);
                default:
                    Execute(
                        tx, "INSERT INTO results VALUES($c,$s,$r,$why,$f,$t)",
                        ("$c", Str(r, "id") ?? string.Empty), ("$s", m.Station), ("$r", Str(r, "result") ?? "unknown"), ("$why", (object?)Str(r, "reason") ?? DBNull.Value),
                        ("$f", (object?)Str(r, "field") ?? DBNull.Value), ("$t", m.ReceivedUtcMs));
                    return null;
            }
        }
    }

    private string? WriteEvent(SqliteTransaction tx, StationMessage m, JsonElement r)
    {
        // Every check is by kind first: a payload that throws here would be retried forever and stall the buffer.
        if (!r.TryGetProperty("seq", out JsonElement seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out long seqValue) ||
            !r.TryGetProperty("at", out JsonElement at) || at.ValueKind != JsonValueKind.Number || !at.TryGetInt64(out long atValue) || Str(r, "kind") is not { } kind)
        {
            return "invalid-field: seq, at or kind";
        }

        bool clock = r.TryGetProperty("clock", out JsonElement c) && c.ValueKind == JsonValueKind.True;
        Execute(
            tx, "INSERT OR IGNORE INTO events VALUES($s,$q,$k,$p,$c,$r,$a,$v,$t)",
            ("$s", m.Station), ("$q", seqValue), ("$k", kind), ("$p", Str(r, "programme") ?? string.Empty), ("$c", Str(r, "class") ?? string.Empty),
            ("$r", Str(r, "reason") ?? string.Empty), ("$a", atValue), ("$v", clock ? 1 : 0), ("$t", m.ReceivedUtcMs));
        return null;
    }

    private static string Faults(JsonElement health)
    {
        if (!health.TryGetProperty("faults", out JsonElement faults) || faults.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (JsonElement f in faults.EnumerateArray())
        {
            if (f.ValueKind == JsonValueKind.String)
            {
                text.Append(text.Length == 0 ? string.Empty : ",").Append(f.GetString());
            }
        }

        return text.ToString();
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private void Execute(string sql) => Execute(null, sql);

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

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand cmd = _db.CreateCommand();
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
