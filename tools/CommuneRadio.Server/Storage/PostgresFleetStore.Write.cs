using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Server.Ingest;
using Npgsql;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// The write path of <see cref="PostgresFleetStore"/>: one transaction and one round trip per batch (an
/// <see cref="NpgsqlBatch"/> of every statement, executed in order), plus one query first for the schedule
/// commands that accepted results of the batch answer.
/// </summary>
public sealed partial class PostgresFleetStore
{
    /// <inheritdoc/>
    public void Write(IReadOnlyList<StationMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        List<ParsedMessage> parsed = batch.Select(ParsedMessage.Parse).ToList();
        using NpgsqlConnection db = _source.OpenConnection();
        using NpgsqlTransaction tx = db.BeginTransaction();
        Dictionary<string, StoredCommand> commands = ScheduleCommandsAnswered(db, tx, parsed);
        using var statements = new NpgsqlBatch(db, tx);
        foreach (ParsedMessage p in parsed)
        {
            Add(statements, p, commands);
        }

        if (statements.BatchCommands.Count > 0)
        {
            statements.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static Dictionary<string, StoredCommand> ScheduleCommandsAnswered(NpgsqlConnection db, NpgsqlTransaction tx, List<ParsedMessage> parsed)
    {
        string[] ids = parsed.Where(p => p.Rejection is null && p.Message.Kind == "result" && p.Kind == "accepted" && p.CommandId.Length > 0).Select(p => p.CommandId).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<string, StoredCommand>(StringComparer.Ordinal);
        }

        return Query(db, tx, "SELECT id, sent, token, cmd, target, issuer, level, args FROM commands WHERE id = ANY($1) AND cmd LIKE 'schedule.%'", ReadCommand, (object)ids)
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    private static void Add(NpgsqlBatch batch, ParsedMessage p, Dictionary<string, StoredCommand> commands)
    {
        StationMessage m = p.Message;
        if (p.Rejection is not null)
        {
            Add(batch, "INSERT INTO rejected VALUES($1,$2,$3,$4)", m.ReceivedUtcMs, m.Station + "/" + m.Kind, m.Payload, p.Rejection);
            return;
        }

        Add(batch, "INSERT INTO stations(station) VALUES($1) ON CONFLICT(station) DO NOTHING", m.Station);
        if (!m.Retained)
        {
            // A retained state or config report is old news, not a sign of life.
            Add(batch, "UPDATE stations SET last_seen = GREATEST(last_seen, $2) WHERE station = $1", m.Station, m.ReceivedUtcMs);
        }

        switch (m.Kind)
        {
            case "state":
                // The will ({"online":false}) has no "fw": the version of the last connect stays.
                Add(batch, "UPDATE stations SET online = $2, firmware = coalesce($3, firmware) WHERE station = $1", m.Station, p.Online, (object?)p.Firmware ?? DBNull.Value);
                break;
            case "health":
                string[] faults = p.Faults.ToArray();
                Add(batch, "INSERT INTO health VALUES($1,$2,$3)", m.Station, m.ReceivedUtcMs, p.Text);
                Add(batch, "UPDATE stations SET health = $3, health_at = $2, faults = $4 WHERE station = $1", m.Station, m.ReceivedUtcMs, p.Text, p.FaultText);
                Add(
                    batch, "INSERT INTO fault_log SELECT $1, f, $2, NULL FROM unnest($3::text[]) f WHERE NOT EXISTS (SELECT 1 FROM fault_log WHERE station = $1 AND fault = f AND cleared IS NULL)",
                    m.Station, m.ReceivedUtcMs, faults);
                Add(batch, "UPDATE fault_log SET cleared = $2 WHERE station = $1 AND cleared IS NULL AND NOT (fault = ANY($3::text[]))", m.Station, m.ReceivedUtcMs, faults);
                break;
            case "config":
                Add(batch, "UPDATE stations SET config = $3, config_at = $2 WHERE station = $1", m.Station, m.ReceivedUtcMs, p.Text);
                break;
            case "event":
                Add(
                    batch, "INSERT INTO events VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING",
                    m.Station, p.Seq, p.Kind, p.Programme, p.Class, p.Reason ?? string.Empty, p.At, p.Clock, m.ReceivedUtcMs);
                break;
            default:
                Add(
                    batch, "INSERT INTO results(command_id, station, result, reason, field, received) VALUES($1,$2,$3,$4::text,$5::text,$6) ON CONFLICT DO NOTHING",
                    p.CommandId, m.Station, p.Kind, (object?)p.Reason ?? DBNull.Value, (object?)p.Field ?? DBNull.Value, m.ReceivedUtcMs);
                if (p.Kind == "accepted" && commands.TryGetValue(p.CommandId, out StoredCommand? command) && ScheduleChange.TryParse(command.Cmd, command.Args, out ScheduleChange change))
                {
                    AddSchedule(batch, m.Station, command, change);
                }

                break;
        }
    }

    private static void AddSchedule(NpgsqlBatch batch, string station, StoredCommand command, ScheduleChange change)
    {
        if (change.ReplacesAll)
        {
            Add(batch, "DELETE FROM schedule_items WHERE station = $1", station);
            Add(batch, "INSERT INTO schedule_versions VALUES($1,$2) ON CONFLICT(station) DO UPDATE SET version = EXCLUDED.version", station, change.Version ?? 0);
        }

        if (change.RemovedId is not null)
        {
            Add(batch, "DELETE FROM schedule_items WHERE station = $1 AND item_id = $2", station, change.RemovedId);
        }

        foreach ((string id, string json) in change.Items)
        {
            Add(
                batch, "INSERT INTO schedule_items VALUES($1,$2,$3,$4,$5,$6) ON CONFLICT(station, item_id) DO UPDATE SET item = EXCLUDED.item, issuer = EXCLUDED.issuer, level = EXCLUDED.level, command_id = EXCLUDED.command_id",
                station, id, json, command.Issuer, command.Level, command.Id);
        }
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] parameters)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (object p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        batch.BatchCommands.Add(cmd);
    }
}
