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
            return Payload(config.Protocol.Station, config.Device.Board, config.Errors);
        }

        /// <summary>
        /// The payload for a station and board with these <paramref name="errors"/>; null or empty errors report a valid
        /// configuration (a simulated station, which has no file: {"station":"…","board":"…","valid":true,"errors":[],"dropped":0}).
        /// </summary>
        public static byte[] Payload(string station, string board, ConfigErrors errors)
        {
            int count = errors == null ? 0 : errors.Count;
            int dropped = errors == null ? 0 : errors.Dropped;
            JsonWriter w = new JsonWriter(Capacity);
            w.WriteStartObject();
            w.WriteString("station", station);
            w.WriteString("board", board);
            w.WriteBoolean("valid", count == 0 && dropped == 0);
            w.WriteStartArray("errors");
            for (int i = 0; i < count; i++)
            {
                w.WriteStartObject();
                w.WriteString("field", errors.At(i).Field);
                w.WriteString("reason", errors.At(i).Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("dropped", dropped);
            w.WriteEndObject();
            return w.ToArray();
        }
    }
}
