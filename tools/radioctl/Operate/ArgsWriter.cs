using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Writes the <c>args</c> of a command (protocol §3.2) from what the operator typed, with proper JSON escaping.
/// Values are passed as typed (a time stays "05:30"): checking them is the Core's job, in <see cref="Preflight"/>.
/// <code>
/// Object(w => { w.WriteNumber("duration", 300); Lines(w, 0b11); })   >> {"duration":300,"lines":[0,1]}
/// </code>
/// </summary>
public static class ArgsWriter
{
    /// <summary>Writes one JSON object with the members <paramref name="members"/> writes.</summary>
    public static string Object(Action<Utf8JsonWriter> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <c>"lines":[…]</c> from a mask.</summary>
    public static void Lines(Utf8JsonWriter w, int mask)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartArray("lines");
        for (int i = 0; i < 31; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                w.WriteNumberValue(i);
            }
        }

        w.WriteEndArray();
    }
}
