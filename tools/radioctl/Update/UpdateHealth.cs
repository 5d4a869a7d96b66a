using System.Text.Json;
using CommuneRadio.Cli.Operate;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// The update fields of a health snapshot (docs/protocol.md §6, §8):
/// <code>
/// {"station":"ht-ab-001",…,"update":{"running":"1.4.0","pending":null,"last":{"outcome":"committed","version":"1.4.0","reason":"none"}}}
/// </code>
/// </summary>
/// <param name="Running">The version it runs.</param>
/// <param name="Pending">The version received, verified or on trial; null when none.</param>
/// <param name="LastOutcome">How the last update ended (committed, rolled-back, discarded), or null.</param>
/// <param name="LastVersion">The version the last outcome is about.</param>
/// <param name="LastReason">Its reason, or null.</param>
public sealed record UpdateHealth(string? Running, string? Pending, string? LastOutcome, string? LastVersion, string? LastReason)
{
    /// <summary>The update fields of <paramref name="health"/>, or null when it has none.</summary>
    public static UpdateHealth? From(StationMessage health)
    {
        System.ArgumentNullException.ThrowIfNull(health);
        if (health.Body.ValueKind != JsonValueKind.Object || !health.Body.TryGetProperty("update", out JsonElement u) || u.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        StationMessage m = health with { Body = u };
        StationMessage? last = u.TryGetProperty("last", out JsonElement l) && l.ValueKind == JsonValueKind.Object ? health with { Body = l } : null;
        return new UpdateHealth(m.Text("running"), m.Text("pending"), last?.Text("outcome"), last?.Text("version"), last?.Text("reason"));
    }
}
