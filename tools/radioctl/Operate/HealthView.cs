using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Reads the members of a health snapshot (protocol §6) for tables:
/// <code>
/// "on_air":{"programme":"news","class":"normal",…}   >> OnAir "news (normal)"
/// "relays":{"amps":3,"lines":15,"source":0}          >> Relays "amps 0,1 lines 0,1,2,3 src 0"
/// "faults":["mains-lost"]                            >> Faults "mains-lost"
/// </code>
/// </summary>
public static class HealthView
{
    /// <summary>The programme on air, or "-".</summary>
    public static string OnAir(StationMessage? health)
    {
        if (health is null || !Member(health, "on_air", out JsonElement a) || a.ValueKind != JsonValueKind.Object)
        {
            return "-";
        }

        return $"{Str(a, "programme")} ({Str(a, "class")})";
    }

    /// <summary>The relay states, or "?".</summary>
    public static string Relays(StationMessage? health)
    {
        if (health is null || !Member(health, "relays", out JsonElement r) || r.ValueKind != JsonValueKind.Object)
        {
            return "?";
        }

        return $"amps {Mask(Int(r, "amps"))} lines {Mask(Int(r, "lines"))} src {Int(r, "source")}";
    }

    /// <summary>The faults, "none", or "?".</summary>
    public static string Faults(StationMessage? health) => string.Join(" ", FaultList(health) ?? new List<string> { "?" }) is { Length: > 0 } s ? s : "none";

    /// <summary>The fault names, or null without a snapshot.</summary>
    public static List<string>? FaultList(StationMessage? health)
    {
        if (health is null || !Member(health, "faults", out JsonElement f) || f.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>();
        foreach (JsonElement e in f.EnumerateArray())
        {
            list.Add(e.GetString() ?? "?");
        }

        return list;
    }

    /// <summary>The clock state (synced, stale, unsynced), or "?".</summary>
    public static string Clock(StationMessage? health) => health?.Text("clock") ?? "?";

    /// <summary>The schedule summary: count, digest (8 hex), version; null without a snapshot.</summary>
    public static (long Count, string Digest, long Version)? Schedule(StationMessage? health)
    {
        if (health is null || !Member(health, "schedule", out JsonElement s) || s.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return (Int(s, "count"), Str(s, "digest"), Int(s, "version"));
    }

    /// <summary>A time for tables: "12 s ago", "5 min ago", or the local date and time (+07:00).</summary>
    public static string Ago(long? utcMs, long nowUtcMs)
    {
        if (utcMs is not long t)
        {
            return "-";
        }

        long s = Math.Max(0, (nowUtcMs - t) / 1000);
        return s < 120 ? $"{s} s ago" : s < 7200 ? $"{s / 60} min ago" : LocalTime(t);
    }

    /// <summary>A UTC instant as Vietnam local time "yyyy-MM-dd HH:mm:ss".</summary>
    public static string LocalTime(long utcMs) =>
        Host.Commands.ArgsJson.LocalTime(utcMs).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Mask(long mask)
    {
        var parts = new List<string>();
        for (int i = 0; i < 31; i++)
        {
            if ((mask & (1L << i)) != 0)
            {
                parts.Add(i.ToString(CultureInfo.InvariantCulture));
            }
        }

        return parts.Count == 0 ? "-" : string.Join(",", parts);
    }

    private static bool Member(StationMessage m, string name, out JsonElement value)
    {
        value = default;
        return m.Body.ValueKind == JsonValueKind.Object && m.Body.TryGetProperty(name, out value);
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "?" : "?";

    private static long Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : 0;
}
