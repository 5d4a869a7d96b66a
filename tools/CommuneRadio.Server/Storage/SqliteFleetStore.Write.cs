using System;
using System.Collections.Generic;
using System.Text.Json;
using CommuneRadio.Server.Ingest;
using Microsoft.Data.Sqlite;

namespace CommuneRadio.Server.Storage;

/// <summary>The write path of <see cref="SqliteFleetStore"/>: one transaction per batch, statement by statement.</summary>
public sealed partial class SqliteFleetStore
{
    /// <inheritdoc/>
    public void Write(IReadOnlyList<StationMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using SqliteTransaction tx = _db.BeginTransaction();
        foreach (StationMessage m in batch)
        {
            WriteOne(tx, ParsedMessage.Parse(m));
        }

        tx.Commit();
    }

    private void WriteOne(SqliteTransaction tx, ParsedMessage p)
    {
        StationMessage m = p.Message;
        if (p.Rejection is not null)
        {
            Execute(tx, "INSERT INTO rejected VALUES($r,$t,$p,$why)", ("$r", m.ReceivedUtcMs), ("$t", m.Station + "/" + m.Kind), ("$p", m.Payload), ("$why", p.Rejection));
            return;
        }

        Execute(tx, "INSERT INTO stations(station) VALUES($s) ON CONFLICT(station) DO NOTHING", ("$s", m.Station));
        if (!m.Retained)
        {
            // A retained state or config report is old news, not a sign of life.
            Execute(tx, "UPDATE stations SET last_seen = max(last_seen, $t) WHERE station = $s", ("$s", m.Station), ("$t", m.ReceivedUtcMs));
        }

        switch (m.Kind)
        {
            case "state":
                // The will ({"online":false}) has no "fw": the version of the last connect stays.
                Execute(tx, "UPDATE stations SET online = $o, firmware = coalesce($fw, firmware) WHERE station = $s", ("$s", m.Station), ("$o", p.Online ? 1 : 0), ("$fw", (object?)p.Firmware ?? DBNull.Value));
                break;
            case "health":
                string faults = JsonSerializer.Serialize(p.Faults);
                Execute(tx, "INSERT INTO health VALUES($s,$t,$p)", ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$p", p.Text));
                Execute(tx, "UPDATE stations SET health = $p, health_at = $t, faults = $f WHERE station = $s", ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$p", p.Text), ("$f", p.FaultText));
                Execute(
                    tx, "INSERT INTO fault_log SELECT $s, j.value, $t, NULL FROM json_each($f) j WHERE NOT EXISTS (SELECT 1 FROM fault_log WHERE station = $s AND fault = j.value AND cleared IS NULL)",
                    ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$f", faults));
                Execute(
                    tx, "UPDATE fault_log SET cleared = $t WHERE station = $s AND cleared IS NULL AND fault NOT IN (SELECT value FROM json_each($f))",
                    ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$f", faults));
                break;
            case "config":
                Execute(tx, "UPDATE stations SET config = $p, config_at = $t WHERE station = $s", ("$s", m.Station), ("$t", m.ReceivedUtcMs), ("$p", p.Text));
                break;
            case "event":
                Execute(
                    tx, "INSERT OR IGNORE INTO events VALUES($s,$q,$k,$p,$c,$r,$a,$v,$t)",
                    ("$s", m.Station), ("$q", p.Seq), ("$k", p.Kind), ("$p", p.Programme), ("$c", p.Class), ("$r", p.Reason ?? string.Empty), ("$a", p.At), ("$v", p.Clock ? 1 : 0), ("$t", m.ReceivedUtcMs));
                break;
            default:
                Execute(
                    tx, "INSERT OR IGNORE INTO results VALUES($c,$s,$r,$why,$f,$t)",
                    ("$c", p.CommandId), ("$s", m.Station), ("$r", p.Kind), ("$why", (object?)p.Reason ?? DBNull.Value), ("$f", (object?)p.Field ?? DBNull.Value), ("$t", m.ReceivedUtcMs));
                if (p.Kind == "accepted" && p.CommandId.Length > 0 && CommandIn(tx, p.CommandId) is { } command && ScheduleChange.TryParse(command.Cmd, command.Args, out ScheduleChange change))
                {
                    ApplySchedule(tx, m.Station, command, change);
                }

                break;
        }
    }

    private void ApplySchedule(SqliteTransaction tx, string station, StoredCommand command, ScheduleChange change)
    {
        if (change.ReplacesAll)
        {
            Execute(tx, "DELETE FROM schedule_items WHERE station = $s", ("$s", station));
            Execute(tx, "INSERT OR REPLACE INTO schedule_versions VALUES($s,$v)", ("$s", station), ("$v", change.Version ?? 0));
        }

        if (change.RemovedId is not null)
        {
            Execute(tx, "DELETE FROM schedule_items WHERE station = $s AND item_id = $i", ("$s", station), ("$i", change.RemovedId));
        }

        foreach ((string id, string json) in change.Items)
        {
            Execute(
                tx, "INSERT OR REPLACE INTO schedule_items VALUES($s,$i,$j,$u,$l,$c)",
                ("$s", station), ("$i", id), ("$j", json), ("$u", command.Issuer), ("$l", command.Level), ("$c", command.Id));
        }
    }
}
