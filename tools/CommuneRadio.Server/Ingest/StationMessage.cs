using System;

namespace CommuneRadio.Server.Ingest;

/// <summary>
/// One message a station published, as the server received it: its topic split into station and kind
/// (protocol §1, <c>P/st/{station}/{kind}</c>) and the payload bytes unchanged.
/// <code>
/// TryParse("cr/v1", "cr/v1/st/ht-ab-001/event", payload, …)  >>  Station "ht-ab-001", Kind "event"
/// TryParse("cr/v1", "cr/v1/st/ht-ab-001/cmd", …)             >>  false (commands are not station messages)
/// </code>
/// </summary>
/// <param name="Station">Station id from the topic.</param>
/// <param name="Kind">"state", "health", "event", "config" or "result".</param>
/// <param name="Payload">The payload, UTF-8 JSON as published.</param>
/// <param name="Retained">Delivered as a retained message (a state or config report left on the broker).</param>
/// <param name="ReceivedUtcMs">When the server received it.</param>
public sealed record StationMessage(string Station, string Kind, byte[] Payload, bool Retained, long ReceivedUtcMs)
{
    /// <summary>The station message kinds the server subscribes to.</summary>
    public static readonly string[] Kinds = { "state", "health", "event", "config", "result" };

    /// <summary>Splits <paramref name="topic"/> under <paramref name="prefix"/>; false when it is not a station message topic.</summary>
    public static bool TryParse(string prefix, string topic, byte[] payload, bool retained, long receivedUtcMs, out StationMessage message)
    {
        message = null!;
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(topic);
        string head = prefix + "/st/";
        if (!topic.StartsWith(head, StringComparison.Ordinal))
        {
            return false;
        }

        int slash = topic.IndexOf('/', head.Length);
        if (slash <= head.Length || topic.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        string kind = topic[(slash + 1)..];
        if (Array.IndexOf(Kinds, kind) < 0)
        {
            return false;
        }

        message = new StationMessage(topic[head.Length..slash], kind, payload, retained, receivedUtcMs);
        return true;
    }
}
