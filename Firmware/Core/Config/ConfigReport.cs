using CommuneRadio.Core.Json;

namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// The configuration report a station publishes, retained, on <c>P/st/{station}/config</c> after each connect
    /// (docs/configuration.md §5), so an engineer sees why a station runs in the safe state without a serial cable:
    /// <code>
    /// {"station":"ht-ab-001","board":"devkit-4relay","valid":false,
    ///  "errors":[{"field":"relays.lines[1].pin","reason":"pin-conflict"}],"dropped":0}
    /// </code>
    /// A valid configuration publishes the same shape with "valid":true and no errors, which replaces an old report.
    /// </summary>
    public static class ConfigReport
    {
        /// <summary>Bytes enough for <see cref="ConfigErrors.Capacity"/> errors with long paths.</summary>
        public const int Capacity = 4096;

        /// <summary>The report topic of a station.</summary>
        public static string Topic(string prefix, string station)
        {
            return prefix + "/st/" + station + "/config";
        }

        /// <summary>The UTF-8 JSON payload for <paramref name="config"/>.</summary>
        public static byte[] Payload(StationConfig config)
        {
            JsonWriter w = new JsonWriter(Capacity);
            w.WriteStartObject();
            w.WriteString("station", config.Protocol.Station);
            w.WriteString("board", config.Device.Board);
            w.WriteBoolean("valid", config.Valid);
            w.WriteStartArray("errors");
            ConfigErrors errors = config.Errors;
            for (int i = 0; i < errors.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("field", errors.At(i).Field);
                w.WriteString("reason", errors.At(i).Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("dropped", errors.Dropped);
            w.WriteEndObject();
            return w.ToArray();
        }
    }
}
