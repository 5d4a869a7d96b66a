using System;

namespace CommuneRadio.Mqtt.Topics
{
    /// <summary>
    /// MQTT 3.1.1 topic names and filters (section 4.7). Levels are split on '/', and an empty
    /// level is a real level. Worked examples (filter >> topic = result):
    /// <code>
    /// sensor/+/temp   >> sensor/7/temp        = match    (+ is exactly one level)
    /// sensor/+/temp   >> sensor/7/8/temp      = no match (+ never spans two levels)
    /// sensor/+        >> sensor/              = match    (the empty level counts)
    /// sensor/#        >> sensor               = match    (# also matches the parent level)
    /// sensor/#        >> sensor/7/temp        = match    (# matches any number of levels)
    /// sensor/7/+      >> sensor/7             = no match (+ needs a level to be there)
    /// #               >> $SYS/uptime          = no match (wildcards at the start skip $ topics)
    /// $SYS/#          >> $SYS/uptime          = match
    /// +/+             >> /finance             = match    (first level is empty)
    /// Sensor/#        >> sensor/7             = no match (case-sensitive)
    /// </code>
    /// Invalid filters: "" (empty), "sensor/#/temp" (# not last), "sensor#" and "sen+sor"
    /// (wildcard not a whole level). Invalid topic names: "", anything containing + or #.
    /// </summary>
    public static class MqttTopicMatcher
    {
        /// <summary>Maximum UTF-8 length of a topic name or filter (two-byte length prefix).</summary>
        public const int MaxLength = 65535;

        /// <summary>Whether <paramref name="filter"/> is a valid subscription filter.</summary>
        public static bool IsValidFilter(string? filter)
        {
            if (string.IsNullOrEmpty(filter) || filter.Length > MaxLength || filter.Contains('\0', StringComparison.Ordinal))
            {
                return false;
            }

            for (int i = 0; i < filter.Length; i++)
            {
                char c = filter[i];
                bool startsLevel = i == 0 || filter[i - 1] == '/';
                bool endsLevel = i == filter.Length - 1 || filter[i + 1] == '/';
                if (c == '+' && !(startsLevel && endsLevel))
                {
                    return false;
                }

                // '#' must be a whole level and the last character: "a/#" or "#".
                if (c == '#' && !(startsLevel && i == filter.Length - 1))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether <paramref name="topic"/> is a valid topic name to publish to.</summary>
        public static bool IsValidTopicName(string? topic)
        {
            return !string.IsNullOrEmpty(topic)
                && topic.Length <= MaxLength
                && topic.AsSpan().IndexOfAny('+', '#', '\0') < 0;
        }

        /// <summary>
        /// Whether a message published to <paramref name="topic"/> is delivered to a subscription
        /// with <paramref name="filter"/>. Throws <see cref="ArgumentException"/> for an invalid
        /// filter or topic name.
        /// </summary>
        public static bool Matches(string filter, string topic)
        {
            if (!IsValidFilter(filter))
            {
                throw new ArgumentException($"'{filter}' is not a valid MQTT topic filter.", nameof(filter));
            }

            if (!IsValidTopicName(topic))
            {
                throw new ArgumentException($"'{topic}' is not a valid MQTT topic name.", nameof(topic));
            }

            if (topic[0] == '$' && (filter[0] == '+' || filter[0] == '#'))
            {
                return false;
            }

            // Walk both strings level by level; a position of -1 means "no more levels".
            int f = 0;
            int t = 0;
            while (true)
            {
                if (f < 0)
                {
                    return t < 0;
                }

                int filterEnd = LevelEnd(filter, f);
                ReadOnlySpan<char> filterLevel = filter.AsSpan(f, filterEnd - f);
                if (filterLevel.SequenceEqual("#"))
                {
                    return true;
                }

                if (t < 0)
                {
                    return false;
                }

                int topicEnd = LevelEnd(topic, t);
                if (!filterLevel.SequenceEqual("+") && !filterLevel.SequenceEqual(topic.AsSpan(t, topicEnd - t)))
                {
                    return false;
                }

                f = filterEnd == filter.Length ? -1 : filterEnd + 1;
                t = topicEnd == topic.Length ? -1 : topicEnd + 1;
            }
        }

        private static int LevelEnd(string s, int start)
        {
            int slash = s.IndexOf('/', start);
            return slash < 0 ? s.Length : slash;
        }
    }
}
