using System.Text.Json;
using CommuneRadio.Cli.Operate;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// Where a station's update stands, from the "update" member of its result to an update command (docs/protocol.md §8):
/// <code>
/// {"id":"c-7","station":"ht-ab-001","result":"refused","reason":"out-of-order","field":"args.offset",
///  "update":{"state":"receiving","running":"1.0.0","pending":"1.4.0","file":0,"offset":4096}}
///   >> State "receiving", Running "1.0.0", Pending "1.4.0", next chunk wanted: file 0 at 4096
/// </code>
/// File and offset are 0 unless receiving.
/// </summary>
/// <param name="State">idle, receiving, verified or trial.</param>
/// <param name="Running">The version it runs.</param>
/// <param name="Pending">The version being received, verified or on trial; null when idle.</param>
/// <param name="File">Next chunk wanted: file index.</param>
/// <param name="Offset">Next chunk wanted: byte offset.</param>
public sealed record UpdateProgress(string? State, string? Running, string? Pending, int File, int Offset)
{
    /// <summary>The progress in <paramref name="result"/>, or null when it has none (a refusal before the update row ran: not-authorized, replayed…).</summary>
    public static UpdateProgress? From(StationMessage result)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        if (result.Body.ValueKind != JsonValueKind.Object || !result.Body.TryGetProperty("update", out JsonElement u) || u.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var m = new StationMessage(result.Station, result.Kind, u, result.Retained, result.ReceivedUtcMs);
        return new UpdateProgress(m.Text("state"), m.Text("running"), m.Text("pending"), (int)(m.Number("file") ?? 0), (int)(m.Number("offset") ?? 0));
    }
}
