using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Protocol;

/// <summary>
/// What a station's health should say about its schedule (protocol §6 <c>schedule.digest</c>), computed from
/// items as they were sent: each is read by the Core's own <see cref="ItemParser"/>, given the issuer and level of
/// the key that set it, and folded in id order into the Core's <see cref="ScheduleDigest"/> — the digest a station
/// reports. radioctl's <c>schedule list</c> and the fleet server's schedule view compare with it.
/// <code>
/// Digest([])                                                              >> ScheduleDigest.Empty as 8 hex digits
/// Digest([("news", "{\"id\":\"news\",\"kind\":\"once\",…}", "com.a", "commune")])  >> what a station holding only it reports
/// </code>
/// </summary>
public static class ScheduleDigests
{
    private static readonly string[] Paths =
    {
        "item.id", "item.kind", "item.date", "item.days", "item.from", "item.until", "item.time", "item.duration", "item.class", "item.lines", "item.source", "item",
    };

    /// <summary>The expected digest, as the 8 lowercase hex digits of the health message.</summary>
    /// <exception cref="FormatException">An item does not parse.</exception>
    public static string Digest(IEnumerable<(string Id, string Json, string Issuer, string Level)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sorted = new List<(string Id, string Json, string Issuer, string Level)>(items);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        uint h = ScheduleDigest.Empty;
        foreach ((string id, string json, string issuer, string level) in sorted)
        {
            h = ScheduleDigest.Add(h, Parse(id, json, issuer, level));
        }

        return h.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads an item (its JSON as sent) through the Core's parser; throws <see cref="FormatException"/> when it cannot.</summary>
    public static ScheduleItem Parse(string id, string json, string issuer, string level)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var reader = new JsonReader(EnvelopeParser.MaxDepth);
        reader.Reset(bytes, 0, bytes.Length);
        reader.Read();
        CommandResult r = ItemParser.Parse(reader, Paths, out ScheduleItem item);
        if (!r.Accepted)
        {
            throw new FormatException($"item '{id}' does not parse ({r.Field})");
        }

        item.Issuer = issuer;
        item.Level = new FleetIssuer { Name = issuer, Level = level }.ParsedLevel();
        return item;
    }
}
