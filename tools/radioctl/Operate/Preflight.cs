using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Checks a signed command before it is sent by handing it to the very Core that runs on the stations: one
/// throw-away <see cref="StationEndpoint"/> per board profile among the target's members (its groups, its
/// board, the keyring the fleet gives it with this issuer's key, a synced clock at the current time). A time
/// like "25:00", a date that does not exist, a duration over 4 h, a line the board lacks or a target outside
/// the issuer's rights is refused here exactly as a station would refuse it, and nothing is sent.
/// Refusals that depend on a station's state (duplicate-id, unknown-id, schedule-full, busy) are left to the
/// stations.
/// </summary>
public static class Preflight
{
    private static readonly string[] StateDependent = { "duplicate-id", "unknown-id", "schedule-full", "busy", "storage-error" };

    /// <summary>Throws <see cref="OperatorException"/> with an explanation when the Core refuses the command.</summary>
    public static void Check(FleetFile fleet, FleetIssuer issuer, Target target, SignedCommand command)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(command);
        foreach (FleetStation station in target.Members.GroupBy(s => s.Board).Select(g => g.First()))
        {
            (string result, string? reason, string? field) = DryRun(fleet, issuer, station, command);
            if (result != "accepted" && Array.IndexOf(StateDependent, reason) < 0)
            {
                throw new OperatorException($"nothing was sent: {Explain(reason, field, issuer, target, station)} (the Core refuses it: {reason}{(field is null ? string.Empty : " on " + field)})");
            }
        }
    }

    private static (string Result, string? Reason, string? Field) DryRun(FleetFile fleet, FleetIssuer issuer, FleetStation station, SignedCommand command)
    {
        var core = new StationCore(new StationSettings(BoardProfiles.Layout(station.Board)));
        // The other issuers' rights only (an operator's fleet file holds no keys): the signer's key decides.
        var keys = new Keyring();
        foreach (FleetIssuer other in fleet.IssuersFor(station))
        {
            keys.Put(other.ToRights());
        }

        keys.Put(issuer.ToStationKey(station.Province));
        var endpoint = new StationEndpoint(core, new ProtocolSettings(fleet.Prefix, station.Id, (string[])station.Groups.Clone()), keys);
        var now = new Instant(1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        core.Boot(now);
        core.ClockSynced(now);
        endpoint.HandleMessage(command.Topic, command.Payload, false, now);
        while (endpoint.Outbox.Count > 0)
        {
            OutgoingMessage m = endpoint.Outbox.Dequeue();
            if (m.Topic == endpoint.Topics.Result)
            {
                using JsonDocument doc = JsonDocument.Parse(m.Payload);
                JsonElement r = doc.RootElement;
                return (r.GetProperty("result").GetString()!, Text(r, "reason"), Text(r, "field"));
            }
        }

        throw new OperatorException($"internal error: the Core gave no result for {command.Topic}");
    }

    private static string Explain(string? reason, string? field, FleetIssuer issuer, Target target, FleetStation station)
    {
        string option = OptionOf(field);
        return reason switch
        {
            "invalid-time" when option == "--days" => "--days must name at least one of mon tue wed thu fri sat sun",
            "invalid-time" when option is "--date" or "--from" or "--until" => $"{option} is not an existing date YYYY-MM-DD (or --until is before --from)",
            "invalid-time" => $"{option} is not a time of day HH:MM or HH:MM:SS (00:00 to 23:59:59)",
            "in-the-past" when option == "--until" => "--until is over: every occurrence of this weekly programme has already ended (local time +07:00)",
            "in-the-past" => "the programme is in the past: its --date, --time and --duration ended before now (local time +07:00), so it would never play",
            "invalid-duration" => $"{option} must be from 1 s to 4 h, and at most 3 h for normal and priority programmes (the stations' amplifier on-time limit; emergencies are exempt)",
            "invalid-lines" => $"{option}: station {station.Id} (board {station.Board}) has lines 0-{LineCount(station) - 1}; give lines it has",
            "invalid-source" => $"{option}: station {station.Id} (board {station.Board}) has sources 0-{SourceCount(station) - 1}",
            "not-authorized" when field == "cmd" => $"issuer '{issuer.Name}' ({issuer.Level}, emergency {(issuer.Emergency ? "yes" : "no")}) may not send this command",
            "not-authorized" => $"issuer '{issuer.Name}' ({issuer.Level}, scopes {string.Join(" ", issuer.Scopes)}) may not address {target.Addressee}",
            "expired" or "not-yet-valid" => "the command's validity window is wrong (check this computer's clock)",
            "too-large" => "the command is larger than a station accepts (12,288 bytes)",
            _ => $"{option} is not valid",
        };
    }

    private static string OptionOf(string? field)
    {
        if (field is null)
        {
            return "the command";
        }

        string last = field[(field.LastIndexOf('.') + 1)..];
        return last switch
        {
            "item_id" or "id" or "programme" => "--id",
            "time" or "date" or "days" or "from" or "until" or "duration" or "lines" or "source" or "class" => "--" + last,
            "items" => "the items file",
            _ => field,
        };
    }

    private static int LineCount(FleetStation s) => BoardProfiles.Layout(s.Board).Lines.Length;

    private static int SourceCount(FleetStation s) => BoardProfiles.Layout(s.Board).Sources.Length;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
