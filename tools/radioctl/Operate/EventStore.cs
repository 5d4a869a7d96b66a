using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Data.Sqlite;

namespace CommuneRadio.Cli.Operate;

/*
 * Local event store, spec: docs/operators.md §Event store. One SQLite file on the operator's machine:
 *
 *   events    (station, seq, kind, programme, class, reason, at, clock, received)   proof of play as received
 *   seen      (station, last_seen, online, fw)                                       last message from a station
 *   schedule  (station, item_id, item, issuer, level)                                items the stations ACCEPTED
 *   versions  (station, version)                                                     last accepted schedule.sync
 *
 * Stations deliver events live (buffered while offline, replayed on reconnect) and keep no history a tool
 * can ask for, so `log --since/--until` can only answer for periods during which some radioctl (`watch`,
 * `log --follow`/`--for`, or any command waiting for results) was connected and writing here. An event
 * received twice (a QoS 1 redelivery) is stored once: (station, seq, at, kind, programme) is unique.
 */

/// <summary>The local event store (spec block above).</summary>
public sealed class EventStore : IDisposable
{
    private readonly SqliteConnection _db;
    private SqliteTransaction? _tx;

    private EventStore(SqliteConnection db, string path)
    {
        _db = db;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (and creates) the store; throws <see cref="OperatorException"/> when it cannot.</summary>
    public static EventStore Open(string path)
    {
        try
        {
            string full = System.IO.Path.GetFullPath(path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
            db.Open();
            var store = new EventStore(db, full);
            store.Execute(
                "PRAGMA journal_mode=WAL;" +
                "CREATE TABLE IF NOT EXISTS events(station TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, programme TEXT NOT NULL, class TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL, clock INTEGER NOT NULL, received INTEGER NOT NULL, UNIQUE(station, seq, at, kind, programme));" +
                "CREATE INDEX IF NOT EXISTS events_at ON events(at);" +
                "CREATE TABLE IF NOT EXISTS seen(station TEXT PRIMARY KEY, last_seen INTEGER NOT NULL, online INTEGER, fw TEXT);" +
                "CREATE TABLE IF NOT EXISTS schedule(station TEXT NOT NULL, item_id TEXT NOT NULL, item TEXT NOT NULL, issuer TEXT NOT NULL, level TEXT NOT NULL, PRIMARY KEY(station, item_id));" +
                "CREATE TABLE IF NOT EXISTS versions(station TEXT PRIMARY KEY, version INTEGER NOT NULL);");
            return store;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new OperatorException($"cannot open the event store '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Records what a station published: events into the log, anything live as "last seen".</summary>
    public void Observe(StationMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (PlayRecord.From(m) is { } e)
        {
            Execute(
                "INSERT OR IGNORE INTO events VALUES($s,$q,$k,$p,$c,$r,$a,$v,$t)",
                ("$s", e.Station), ("$q", e.Seq), ("$k", e.Kind), ("$p", e.Programme), ("$c", e.Class), ("$r", e.Reason), ("$a", e.AtUtcMs), ("$v", e.ClockValid ? 1 : 0), ("$t", e.ReceivedUtcMs));
        }

        if (m.Kind == "state")
        {
            // A retained state is not a sign of life, but it is the latest word on online/offline.
            Execute(
                "INSERT INTO seen VALUES($s,$t,$o,$f) ON CONFLICT(station) DO UPDATE SET online=$o, fw=coalesce($f, fw)" + (m.Retained ? string.Empty : ", last_seen=$t"),
                ("$s", m.Station), ("$t", m.Retained ? 0L : m.ReceivedUtcMs), ("$o", m.Flag("online") == true ? 1 : 0), ("$f", m.Text("fw")));
        }
        else
        {
            Execute("INSERT INTO seen(station, last_seen) VALUES($s,$t) ON CONFLICT(station) DO UPDATE SET last_seen=$t", ("$s", m.Station), ("$t", m.ReceivedUtcMs));
        }
    }

    /// <summary>When a station was last heard from (UTC ms), or null.</summary>
    public long? LastSeen(string station)
    {
        object? value = Scalar("SELECT last_seen FROM seen WHERE station=$s AND last_seen > 0", ("$s", station));
        return value is long ms ? ms : null;
    }

    /// <summary>Events of <paramref name="stations"/> that happened in [since, until), oldest first.</summary>
    public List<PlayRecord> Events(ISet<string> stations, long sinceUtcMs, long untilUtcMs)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var list = new List<PlayRecord>();
        using SqliteCommand cmd = Command("SELECT station, seq, kind, programme, class, reason, at, clock, received FROM events WHERE at >= $a AND at < $b ORDER BY at, station, seq", ("$a", sinceUtcMs), ("$b", untilUtcMs));
        using SqliteDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (stations.Contains(r.GetString(0)))
            {
                list.Add(new PlayRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6), r.GetInt64(7) != 0, r.GetInt64(8)));
            }
        }

        return list;
    }

    /// <summary>A station accepted <c>schedule.add</c>/<c>replace</c> of an item: remember it.</summary>
    public void PutItem(string station, string itemId, string itemJson, string issuer, string level) =>
        Execute("INSERT OR REPLACE INTO schedule VALUES($s,$i,$j,$u,$l)", ("$s", station), ("$i", itemId), ("$j", itemJson), ("$u", issuer), ("$l", level));

    /// <summary>A station accepted <c>schedule.remove</c>.</summary>
    public void RemoveItem(string station, string itemId) =>
        Execute("DELETE FROM schedule WHERE station=$s AND item_id=$i", ("$s", station), ("$i", itemId));

    /// <summary>A station accepted <c>schedule.sync</c>: its whole schedule is now these items, at this version.</summary>
    public void ReplaceSchedule(string station, long version, IEnumerable<(string Id, string Json)> items, string issuer, string level)
    {
        ArgumentNullException.ThrowIfNull(items);
        using SqliteTransaction tx = _db.BeginTransaction();
        _tx = tx;
        try
        {
            Execute("DELETE FROM schedule WHERE station=$s", ("$s", station));
            foreach ((string id, string json) in items)
            {
                PutItem(station, id, json, issuer, level);
            }

            Execute("INSERT OR REPLACE INTO versions VALUES($s,$v)", ("$s", station), ("$v", version));
            tx.Commit();
        }
        finally
        {
            _tx = null;
        }
    }

    /// <summary>The items the station has accepted, by id (ordinal), with the issuer and level that set each.</summary>
    public List<LocalItem> ScheduleOf(string station)
    {
        var list = new List<LocalItem>();
        using SqliteCommand cmd = Command("SELECT item_id, item, issuer, level FROM schedule WHERE station=$s", ("$s", station));
        using SqliteDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new LocalItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }

    /// <summary>Whether the store has any schedule record of the station.</summary>
    public bool KnowsSchedule(string station) =>
        Scalar("SELECT 1 FROM schedule WHERE station=$s UNION SELECT 1 FROM versions WHERE station=$s LIMIT 1", ("$s", station)) is not null;

    /// <summary>Closes the database.</summary>
    public void Dispose() => _db.Dispose();

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        foreach ((string name, object? value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand cmd = Command(sql, parameters);
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand cmd = Command(sql, parameters);
        return cmd.ExecuteScalar();
    }
}
