namespace CommuneRadio.Server.Storage;

/*
 * The server's PostgreSQL schema: the same tables, columns, versions and indexes as SqliteMigrations (spec block
 * there and docs/server.md §Stored), with PostgreSQL types: times BIGINT (Unix ms), flags BOOLEAN, payloads TEXT as
 * published (BYTEA for rejected ones, which need not be UTF-8). Each migration runs in one transaction with the
 * update of schema_version under an advisory lock, so two servers starting on one database migrate once.
 */

/// <summary>The forward migrations of <see cref="PostgresFleetStore"/> (spec block above).</summary>
public static class PostgresMigrations
{
    /// <summary>Migration scripts; index i takes the schema to version i + 1.</summary>
    public static readonly string[] Scripts =
    {
        "CREATE TABLE stations(station TEXT PRIMARY KEY, online BOOLEAN, last_seen BIGINT NOT NULL DEFAULT 0, health TEXT, health_at BIGINT, config TEXT, config_at BIGINT, faults TEXT NOT NULL DEFAULT '');" +
        "CREATE INDEX stations_last_seen ON stations(last_seen);" +
        "CREATE TABLE events(station TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL, programme TEXT NOT NULL, class TEXT NOT NULL, reason TEXT NOT NULL, at BIGINT NOT NULL, clock BOOLEAN NOT NULL, received BIGINT NOT NULL, UNIQUE(station, seq, at, kind, programme));" +
        "CREATE INDEX events_station_at ON events(station, at);" +
        "CREATE INDEX events_at ON events(at);" +
        "CREATE TABLE health(station TEXT NOT NULL, received BIGINT NOT NULL, payload TEXT NOT NULL);" +
        "CREATE INDEX health_station_received ON health(station, received);" +
        "CREATE TABLE results(id BIGSERIAL PRIMARY KEY, command_id TEXT NOT NULL, station TEXT NOT NULL, result TEXT NOT NULL, reason TEXT, field TEXT, received BIGINT NOT NULL);" +
        "CREATE INDEX results_command ON results(command_id);" +
        "CREATE TABLE rejected(received BIGINT NOT NULL, topic TEXT NOT NULL, payload BYTEA NOT NULL, reason TEXT NOT NULL);",
        "CREATE TABLE audit(id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, token TEXT NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL, command TEXT NOT NULL, target TEXT NOT NULL, issuer TEXT NOT NULL, command_id TEXT NOT NULL, args TEXT NOT NULL, outcome TEXT NOT NULL);" +
        "CREATE INDEX audit_at ON audit(at);",
        "CREATE TABLE commands(seq BIGSERIAL, id TEXT PRIMARY KEY, sent BIGINT NOT NULL, token TEXT NOT NULL, cmd TEXT NOT NULL, target TEXT NOT NULL, issuer TEXT NOT NULL, level TEXT NOT NULL, args TEXT NOT NULL);" +
        "CREATE INDEX commands_cmd_sent ON commands(cmd, sent);" +
        "CREATE TABLE schedule_items(station TEXT NOT NULL, item_id TEXT NOT NULL, item TEXT NOT NULL, issuer TEXT NOT NULL, level TEXT NOT NULL, command_id TEXT NOT NULL, PRIMARY KEY(station, item_id));" +
        "CREATE TABLE schedule_versions(station TEXT PRIMARY KEY, version BIGINT NOT NULL);" +
        "CREATE TABLE fault_log(station TEXT NOT NULL, fault TEXT NOT NULL, raised BIGINT NOT NULL, cleared BIGINT);" +
        "CREATE INDEX fault_log_open ON fault_log(station) WHERE cleared IS NULL;" +
        "CREATE INDEX fault_log_raised ON fault_log(raised);" +
        "INSERT INTO fault_log SELECT s.station, f, coalesce(s.health_at, 0), NULL FROM stations s, unnest(string_to_array(s.faults, ',')) f WHERE s.faults <> '';",
        "DELETE FROM results r USING results k WHERE r.id > k.id AND r.command_id = k.command_id AND r.station = k.station AND r.result = k.result AND coalesce(r.reason, '') = coalesce(k.reason, '') AND coalesce(r.field, '') = coalesce(k.field, '');" +
        "CREATE UNIQUE INDEX results_unique ON results(command_id, station, result, coalesce(reason, ''), coalesce(field, ''));",
        "ALTER TABLE stations ADD COLUMN firmware TEXT;",
    };

    /// <summary>The schema version this build writes (the same as <see cref="SqliteMigrations.Latest"/>).</summary>
    public static int Latest => Scripts.Length;
}
