using System.Text.Json;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// A message a station published (protocol §5, §6), as the operator's link received it:
/// <code>
/// cr/v1/st/ht-ab-001/health  {"station":"ht-ab-001",…}  >> Station "ht-ab-001", Kind "health"
/// </code>
/// </summary>
/// <param name="Station">Station id, from the topic.</param>
/// <param name="Kind">"result", "event", "health" or "state".</param>
/// <param name="Body">The payload (a detached JSON element).</param>
/// <param name="Retained">True for a retained message (a state left on the broker).</param>
/// <param name="ReceivedUtcMs">When it was received.</param>
public sealed record StationMessage(string Station, string Kind, JsonElement Body, bool Retained, long ReceivedUtcMs)
{
    /// <summary>A string member of the body, or null.</summary>
    public string? Text(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An integer member of the body, or null.</summary>
    public long? Number(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

    /// <summary>A boolean member of the body, or null.</summary>
    public bool? Flag(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out JsonElement v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
