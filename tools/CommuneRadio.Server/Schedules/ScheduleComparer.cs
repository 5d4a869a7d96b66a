using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Server.Auth;
using CommuneRadio.Server.Storage;

namespace CommuneRadio.Server.Schedules;

/// <summary>
/// The schedule view of a target (docs/server.md §Schedules). Stations do not publish their items (protocol v1:
/// count, digest and version in health), so the server compares three things:
/// <list type="bullet">
/// <item>intended: every schedule command the server sent to the target or to a group holding all of it
/// (a province-wide item is intended for each commune), folded in the order sent, accepted or not;</item>
/// <item>record: per station, the commands it accepted (the store applies them on the accepted result);</item>
/// <item>reported: the digest in its last health, which the station computes over what it really holds.</item>
/// </list>
/// <code>
/// g/com.a sent add news, then sync [a, b]      >> intended {a, b}
/// st-2 refused the sync                         >> st-2: record {news}, Missing [a, b], Extra [news]
/// st-3 changed by another tool                  >> st-3: reported digest ≠ record digest: InStep false
/// </code>
/// Digests are the Core's (<see cref="ScheduleDigests"/>), so "matches" means the station holds exactly that.
/// </summary>
public static class ScheduleComparer
{
    /// <summary>Compares the schedules of <paramref name="members"/> (the target's stations, in order) with what was intended for <paramref name="to"/>.</summary>
    public static ScheduleReport Compare(
        FleetScope scope, string to, IReadOnlyList<string> members, IReadOnlyList<StoredCommand> commands, IReadOnlyList<RecordedItem> record, IReadOnlyDictionary<string, StationStatus> status)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(status);
        IntendedSchedule intended = Intended(scope, members, commands, out Dictionary<string, RecordedItem> intendedItems);
        var stations = new List<StationSchedule>();
        foreach (string station in members)
        {
            List<RecordedItem> held = record.Where(i => i.Station == station).ToList();
            ReportedSchedule? reported = Reported(status.GetValueOrDefault(station)?.Health);
            string? recordDigest = DigestOf(held);
            stations.Add(new StationSchedule(
                station,
                status.GetValueOrDefault(station)?.Online,
                reported,
                recordDigest,
                held.Select(i => i.ItemId).ToList(),
                reported is null || recordDigest is null ? null : reported.Digest == recordDigest,
                reported is null || intended.Digest is null ? null : reported.Digest == intended.Digest,
                intendedItems.Keys.Where(id => held.All(h => h.ItemId != id)).ToList(),
                held.Where(h => !intendedItems.ContainsKey(h.ItemId)).Select(h => h.ItemId).ToList(),
                held.Where(h => intendedItems.TryGetValue(h.ItemId, out RecordedItem? i) && (i.Item != h.Item || i.Issuer != h.Issuer)).Select(h => h.ItemId).ToList()));
        }

        List<DigestGroup> groups = stations.GroupBy(s => s.Reported?.Digest ?? "unknown")
            .Select(g => new DigestGroup(g.Key, g.Key == intended.Digest, g.Select(s => s.Station).ToList()))
            .OrderByDescending(g => g.Stations.Count).ThenBy(g => g.Digest, StringComparer.Ordinal).ToList();
        return new ScheduleReport(to, intended, stations, groups, stations.Where(s => s.MatchesIntended != true).Select(s => s.Station).ToList());
    }

    private static IntendedSchedule Intended(FleetScope scope, IReadOnlyList<string> members, IReadOnlyList<StoredCommand> commands, out Dictionary<string, RecordedItem> byId)
    {
        var items = new SortedDictionary<string, RecordedItem>(StringComparer.Ordinal);
        long? version = null;
        foreach (StoredCommand c in commands)
        {
            // A command is intended for the target when it reached every member (sent to the target or a larger group).
            var reached = scope.Members(c.To).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            if (members.Count == 0 || !members.All(reached.Contains) || !ScheduleChange.TryParse(c.Cmd, c.Args, out ScheduleChange change))
            {
                continue;
            }

            change.ApplyTo(items, string.Empty, c);
            version = change.ReplacesAll ? change.Version : version;
        }

        byId = new Dictionary<string, RecordedItem>(items, StringComparer.Ordinal);
        var list = items.Values.Select(i => new ScheduleItemRecord(i.ItemId, i.Issuer, i.Level, i.CommandId, Parse(i.Item))).ToList();
        return new IntendedSchedule(list.Count, DigestOf(items.Values.ToList()), version, list);
    }

    private static string? DigestOf(IReadOnlyList<RecordedItem> items)
    {
        try
        {
            return ScheduleDigests.Digest(items.Select(i => (i.ItemId, i.Item, i.Issuer, i.Level)));
        }
        catch (FormatException)
        {
            // An item the stations refuse (bad values): no station can hold it, so no digest can match.
            return null;
        }
    }

    private static ReportedSchedule? Reported(string? health)
    {
        if (health is null)
        {
            return null;
        }

        using JsonDocument doc = JsonDocument.Parse(health);
        return doc.RootElement.TryGetProperty("schedule", out JsonElement s) && s.ValueKind == JsonValueKind.Object &&
            s.TryGetProperty("count", out JsonElement count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt64(out long n) &&
            s.TryGetProperty("digest", out JsonElement digest) && digest.ValueKind == JsonValueKind.String &&
            s.TryGetProperty("version", out JsonElement version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt64(out long v)
            ? new ReportedSchedule(n, digest.GetString()!, v)
            : null;
    }

    private static JsonElement Parse(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
