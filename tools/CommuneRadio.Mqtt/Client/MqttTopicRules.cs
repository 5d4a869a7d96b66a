using System;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// MQTT 3.1.1 §4.7 topic rules checked before anything is sent (MQTTnet's own check lets
    /// <c>a/b#</c> through, and a broker answers such a filter by closing the connection).
    /// Names: <c>cr/v1/st/7/state</c> valid; <c>cr/+/state</c>, empty, or with U+0000 invalid.
    /// Filters: <c>cr/v1/g/+/cmd</c>, <c>cr/#</c>, <c>#</c>, <c>+</c> valid; <c>cr/v1#</c>, <c>cr/#/x</c>, <c>cr/a+</c> invalid.
    /// </summary>
    internal static class MqttTopicRules
    {
        /// <summary>A topic a message can be published to: non-empty, no wildcards, no U+0000.</summary>
        public static bool IsValidTopicName(string? topic) =>
            !string.IsNullOrEmpty(topic) && topic.AsSpan().IndexOfAny('+', '#', '\0') < 0 && topic.Length <= ushort.MaxValue;

        /// <summary>A subscription filter: wildcards only as whole levels, <c>#</c> only last.</summary>
        public static bool IsValidFilter(string? filter)
        {
            if (string.IsNullOrEmpty(filter) || filter.Length > ushort.MaxValue || filter.Contains('\0', StringComparison.Ordinal))
            {
                return false;
            }

            int start = 0;
            while (true)
            {
                int end = filter.IndexOf('/', start);
                ReadOnlySpan<char> level = filter.AsSpan(start, (end < 0 ? filter.Length : end) - start);
                bool last = end < 0;
                if (level.IndexOfAny('+', '#') >= 0 && !(level.Length == 1 && (level[0] == '+' || (level[0] == '#' && last))))
                {
                    return false;
                }

                if (last)
                {
                    return true;
                }

                start = end + 1;
            }
        }
    }
}
