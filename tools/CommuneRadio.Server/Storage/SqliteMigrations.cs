namespace CommuneRadio.Server.Storage;

/*
 * The server's SQLite schema, spec: docs/server.md §Stored. Forward migrations only: migration N takes the
 * schema from version N-1 to N and runs in one transaction with the update of schema_version, so a crash
 * leaves either the old or the new version. A database newer than this build is refused, never downgraded.
 *
 *   schema_version (version)                                                           one row
 *   stations (station PK, online, last_seen, health, health_at, config, config_at, faults)   live status
 *   events   (station, seq, kind, programme, class, reason, at, clock, received)       proof of play
 *            UNIQUE(station, seq, at, kind, programme): a QoS 1 redelivery is stored once
 *   health   (station, received, payload)                                              every snapshot
 *   results  (command_id, station, result, reason, field, received)
 *   rejected (received, topic, payload, reason)                                        unreadable messages, kept
 *   audit    (at, token, role, scope, command, target, issuer, command_id, args, outcome)
 *   -- version 3 --
 *   commands (id PK, sent, token, cmd, target, issuer, level, args)                    what the server sent
 *   schedule_items (station, item_id, item, issuer, level, command_id) PK(station, item_id)
 *                                                                                      items a station ACCEPTED through the server
 *   schedule_versions (station PK, version)                                            last accepted schedule.sync
 *   fault_log (station, fault, raised, cleared)                                        one row per fault episode; cleared NULL while open
 *            (migration 3 opens one row per fault the last health of each station lists)
 *   -- version 4 --
 *   results  UNIQUE(command_id, station, result, reason, field): a QoS 1 redelivery of a result is stored once
 *            (migration 4 deletes the copies stored before, keeping the first)
 *   -- version 5 --
 *   stations.firmware                                                                   "fw" of the last state message that had one
 *
 * Indexes: events(station, at) for "events of X between A and B"; events(at) for every station in a period;
 * stations(last_seen) for "who is silent since T"; health(station, received); results(command_id);
 * commands(cmd, sent); fault_log(station) WHERE cleared IS NULL (open faults); fault_log(raised).
 * PostgreSQL has the same tables and versions (PostgresMigrations), with BIGINT, BOOLEAN and BYTEA columns.
 */

/// <summary>The forward migrations of <see cref="SqliteFleetStore"/> (spec block above).</summary>
public static class SqliteMigrations
{
    /// <summary>Migration scripts; index i takes the schema to version i + 1.</summary>
    public static readonly string[] Scripts =
    {
        "CREATE TABLE stations(station TEXT PRIMARY KEY, online INTEGER, last_seen INTEGER NOT NULL DEFAULT 0, health TEXT, health_at INTEGER, config TEXT, config_at INTEGER, faults TEXT NOT NULL DEFAULT '');" +
        "CREATE INDEX stations_last_seen ON stations(last_seen);" +
        "CREATE TABLE events(station TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, programme TEXT NOT NULL, class TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL, clock INTEGER NOT NULL, received INTEGER NOT NULL, UNIQUE(station, seq, at, kind, programme));" +
        "CREATE INDEX events_station_at ON events(station, at);" +
        "CREATE INDEX events_at ON events(at);" +
        "CREATE TABLE health(station TEXT NOT NULL, received INTEGER NOT NULL, payload TEXT NOT NULL);" +
        "CREATE INDEX health_station_received ON health(station, received);" +
        "CREATE TABLE results(command_id TEXT NOT NULL, station TEXT NOT NULL, result TEXT NOT NULL, reason TEXT, field TEXT, received INTEGER NOT NULL);" +
        "CREATE INDEX results_command ON results(command_id);" +
        "CREATE TABLE rejected(received INTEGER NOT NULL, topic TEXT NOT NULL, payload BLOB NOT NULL, reason TEXT NOT NULL);",
        "CREATE TABLE audit(at INTEGER NOT NULL, token TEXT NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL, command TEXT NOT NULL, target TEXT NOT NULL, issuer TEXT NOT NULL, command_id TEXT NOT NULL, args TEXT NOT NULL, outcome TEXT NOT NULL);" +
        "CREATE INDEX audit_at ON audit(at);",
        "CREATE TABLE commands(id TEXT PRIMARY KEY, sent INTEGER NOT NULL, token TEXT NOT NULL, cmd TEXT NOT NULL, target TEXT NOT NULL, issuer TEXT NOT NULL, level TEXT NOT NULL, args TEXT NOT NULL);" +
        "CREATE INDEX commands_cmd_sent ON commands(cmd, sent);" +
        "CREATE TABLE schedule_items(station TEXT NOT NULL, item_id TEXT NOT NULL, item TEXT NOT NULL, issuer TEXT NOT NULL, level TEXT NOT NULL, command_id TEXT NOT NULL, PRIMARY KEY(station, item_id));" +
        "CREATE TABLE schedule_versions(station TEXT PRIMARY KEY, version INTEGER NOT NULL);" +
        "CREATE TABLE fault_log(station TEXT NOT NULL, fault TEXT NOT NULL, raised INTEGER NOT NULL, cleared INTEGER);" +
        "CREATE INDEX fault_log_open ON fault_log(station) WHERE cleared IS NULL;" +
        "CREATE INDEX fault_log_raised ON fault_log(raised);" +
        "INSERT INTO fault_log SELECT s.station, j.value, coalesce(s.health_at, 0), NULL FROM stations s, json_each('[\"' || replace(s.faults, ',', '\",\"') || '\"]') j WHERE s.faults <> '';",
        "DELETE FROM results WHERE rowid NOT IN (SELECT min(rowid) FROM results GROUP BY command_id, station, result, coalesce(reason, ''), coalesce(field, ''));" +
        "CREATE UNIQUE INDEX results_unique ON results(command_id, station, result, coalesce(reason, ''), coalesce(field, ''));",
        "ALTER TABLE stations ADD COLUMN firmware TEXT;",
    };

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => Scripts.Length;
}
