using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Commands;

/// <summary>
/// Checks a signed command before it is sent by handing it to the very Core that runs on the stations: one
/// throw-away <see cref="StationEndpoint"/> per board profile among the target's members (its groups, its board,
/// the other issuers' rights, this issuer's key for the station's province, a synced clock at the current time). A time like "25:00",
/// a date that does not exist, a duration over 4 h, a line the board lacks or a target outside the issuer's rights
/// is refused here exactly as a station would refuse it. radioctl (before publishing) and the fleet server (before
/// publishing, and for the console's "check" button) both use it.
/// <code>
/// FirstRefusal(fleet, issuer, members, schedule.add with "time":"25:00")   >> (ht-ab-001, invalid-time, args.item.time)
/// FirstRefusal(fleet, issuer, members, a valid play)                       >> null
/// </code>
/// Refusals that depend on a station's state (<see cref="StateDependent"/>: duplicate-id, unknown-id, schedule-full,
/// busy, storage-error) are left to the stations: the throw-away Core's empty schedule cannot tell.
/// </summary>
public static class CommandPreflight
{
    /// <summary>Reasons only a station's own state can decide; never reported by <see cref="FirstRefusal"/>.</summary>
    public static readonly IReadOnlyList<string> StateDependent = new[] { "duplicate-id", "unknown-id", "schedule-full", "busy", "storage-error" };

    /// <summary>The first refusal the Core gives <paramref name="command"/> on one member of each board profile, or null when every profile accepts it.</summary>
    public static PreflightRefusal? FirstRefusal(FleetFile fleet, FleetIssuer issuer, IEnumerable<FleetStation> members, SignedCommand command)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(command);
        foreach (FleetStation station in members.GroupBy(s => s.Board).Select(g => g.First()))
        {
            (string result, string? reason, string? field) = DryRun(fleet, issuer, station, command);
            if (result != "accepted" && !StateDependent.Contains(reason))
            {
                return new PreflightRefusal(station, reason ?? "refused", field);
            }
        }

        return null;
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

        throw new InvalidOperationException($"the Core gave no result for {command.Topic}");
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
