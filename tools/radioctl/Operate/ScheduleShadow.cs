using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// What a station's health should say about its schedule, computed from the local record: the items are read
/// by the Core's own <see cref="ItemParser"/>, given the issuer and level that set them, and folded in id order
/// into the Core's <see cref="ScheduleDigest"/> — the same digest a station reports (protocol §6), so
/// <c>schedule list</c> can tell "in step" from "differs" without the station publishing its items.
/// </summary>
public static class ScheduleShadow
{
    private static readonly string[] Paths =
    {
        "item.id", "item.kind", "item.date", "item.days", "item.from", "item.until", "item.time", "item.duration", "item.class", "item.lines", "item.source", "item",
    };

    /// <summary>The expected digest, as the 8 lowercase hex digits of the health message.</summary>
    public static string Digest(IReadOnlyList<LocalItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sorted = new List<LocalItem>(items);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        uint h = ScheduleDigest.Empty;
        foreach (LocalItem local in sorted)
        {
            h = ScheduleDigest.Add(h, Parse(local));
        }

        return h.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a stored item through the Core's parser; throws <see cref="FormatException"/> when it cannot.</summary>
    public static ScheduleItem Parse(LocalItem local)
    {
        ArgumentNullException.ThrowIfNull(local);
        byte[] bytes = Encoding.UTF8.GetBytes(local.Json);
        var reader = new JsonReader(EnvelopeParser.MaxDepth);
        reader.Reset(bytes, 0, bytes.Length);
        reader.Read();
        CommandResult r = ItemParser.Parse(reader, Paths, out ScheduleItem item);
        if (!r.Accepted)
        {
            throw new FormatException($"stored item '{local.Id}' does not parse ({r.Field})");
        }

        item.Issuer = local.Issuer;
        item.Level = new FleetIssuer { Name = local.Issuer, Level = local.Level }.ParsedLevel();
        return item;
    }
}
