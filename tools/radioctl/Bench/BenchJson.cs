using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// The one JSON object a benchmark prints with <c>--json</c>: its figures (snake_case members, ms), then
/// <c>machine</c> (or null) and <c>problems</c> (empty when everything was delivered).
/// </summary>
public static class BenchJson
{
    /// <summary>Writes <paramref name="figures"/>, the machine and the problems as one object.</summary>
    public static string Object(Action<Utf8JsonWriter> figures, MachineInfo? machine, IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(problems);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            figures(json);
            json.WritePropertyName("machine");
            if (machine is null)
            {
                json.WriteNullValue();
            }
            else
            {
                machine.Write(json);
            }

            json.WriteStartArray("problems");
            foreach (string p in problems)
            {
                json.WriteStringValue(p);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
