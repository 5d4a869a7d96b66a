using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using CommuneRadio.Server.Ingest;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// A station message read once for every store (protocol §5, §6), so SQLite and PostgreSQL store the same
/// thing: the payload text as published plus the fields the tables index. A payload the stores cannot use
/// has <see cref="Rejection"/> set and goes to the <c>rejected</c> table. Every check is by JSON kind first:
/// a payload that threw here would be retried forever and stall the write buffer.
/// <code>
/// event  {"seq":42,"kind":"started","programme":"morning-news","at":1763850602000,…}  >> Seq 42, At …, Clock
/// event  {"seq":"x"}                                                                 >> Rejection "invalid-field: seq, at or kind"
/// health {"faults":["mains-lost"],…}                                                  >> Faults ["mains-lost"]
/// </code>
/// </summary>
public sealed class ParsedMessage
{
    private ParsedMessage(StationMessage message)
    {
        Message = message;
    }

    /// <summary>The message as received.</summary>
    public StationMessage Message { get; }

    /// <summary>Why it cannot be stored (it is kept in <c>rejected</c>), or null.</summary>
    public string? Rejection { get; private set; }

    /// <summary>The payload as UTF-8 text (health and config are stored whole).</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>state: the firmware version (<c>"fw"</c>), or null when the message has none (the will).</summary>
    public string? Firmware { get; private set; }

    /// <summary>state: the online flag.</summary>
    public bool Online { get; private set; }

    /// <summary>health: the faults it lists, in order.</summary>
    public IReadOnlyList<string> Faults { get; private set; } = Array.Empty<string>();

    /// <summary>health: the faults comma-separated ("" when none).</summary>
    public string FaultText => string.Join(",", Faults);

    /// <summary>event: the station's sequence number.</summary>
    public long Seq { get; private set; }

    /// <summary>event: started, ended, …; result: accepted or refused.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>event: the programme id ("" when absent).</summary>
    public string Programme { get; private set; } = string.Empty;

    /// <summary>event: the class ("" when absent).</summary>
    public string Class { get; private set; } = string.Empty;

    /// <summary>event: its reason; result: the refusal reason (null when none).</summary>
    public string? Reason { get; private set; }

    /// <summary>event: when it happened at the station (Unix ms).</summary>
    public long At { get; private set; }

    /// <summary>event: whether the station's clock was valid.</summary>
    public bool Clock { get; private set; }

    /// <summary>result: the command id ("" when the station could not read one).</summary>
    public string CommandId { get; private set; } = string.Empty;

    /// <summary>result: the member at fault, or null.</summary>
    public string? Field { get; private set; }

    /// <summary>Reads <paramref name="message"/>.</summary>
    public static ParsedMessage Parse(StationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var p = new ParsedMessage(message);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message.Payload);
        }
        catch (JsonException)
        {
            p.Rejection = "malformed";
            return p;
        }

        using (doc)
        {
            JsonElement r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object)
            {
                p.Rejection = "malformed";
                return p;
            }

            p.Text = Encoding.UTF8.GetString(message.Payload);
            p.Rejection = message.Kind switch
            {
                "state" => p.ReadState(r),
                "health" => p.ReadHealth(r),
                "event" => p.ReadEvent(r),
                "result" => p.ReadResult(r),
                _ => null,
            };
        }

        return p;
    }

    private string? ReadState(JsonElement r)
    {
        if (!r.TryGetProperty("online", out JsonElement online) || online.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return "invalid-field: online";
        }

        Online = online.GetBoolean();
        Firmware = r.TryGetProperty("fw", out JsonElement fw) && fw.ValueKind == JsonValueKind.String ? fw.GetString() : null;
        return null;
    }

    private string? ReadHealth(JsonElement r)
    {
        var faults = new List<string>();
        if (r.TryGetProperty("faults", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement f in list.EnumerateArray())
            {
                // Fault names are tokens (protocol §6); a comma would break the comma-separated column.
                if (f.ValueKind == JsonValueKind.String && f.GetString() is { Length: > 0 } name && !name.Contains(',', StringComparison.Ordinal) && !faults.Contains(name))
                {
                    faults.Add(name);
                }
            }
        }

        Faults = faults;
        return null;
    }

    private string? ReadEvent(JsonElement r)
    {
        if (!r.TryGetProperty("seq", out JsonElement seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out long seqValue) ||
            !r.TryGetProperty("at", out JsonElement at) || at.ValueKind != JsonValueKind.Number || !at.TryGetInt64(out long atValue) || Str(r, "kind") is not { } kind)
        {
            return "invalid-field: seq, at or kind";
        }

        Seq = seqValue;
        At = atValue;
        Kind = kind;
        Programme = Str(r, "programme") ?? string.Empty;
        Class = Str(r, "class") ?? string.Empty;
        Reason = Str(r, "reason") ?? string.Empty;
        Clock = r.TryGetProperty("clock", out JsonElement c) && c.ValueKind == JsonValueKind.True;
        return null;
    }

    private string? ReadResult(JsonElement r)
    {
        CommandId = Str(r, "id") ?? string.Empty;
        Kind = Str(r, "result") ?? "unknown";
        Reason = Str(r, "reason");
        Field = Str(r, "field");
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
