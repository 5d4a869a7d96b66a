using System.Collections.Generic;
using System.Linq;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Events a station numbered but that are not in a log: each station numbers its proof-of-play events
/// (protocol §6 <c>seq</c>), so a jump from 12 to 15 means 13 and 14 were never received here (radioctl was not
/// listening, or they were lost). A lower number than the previous one is a restart of the count, not a gap.
/// <code>
/// ht-ab-001: 10 11 12 15 16   >> gap 13-14 (2 events) after 12, before 15
/// </code>
/// </summary>
/// <param name="Station">Station id.</param>
/// <param name="FromSeq">First missing sequence number.</param>
/// <param name="ToSeq">Last missing sequence number.</param>
/// <param name="AfterUtcMs">Time of the event before the gap.</param>
/// <param name="BeforeUtcMs">Time of the event after the gap.</param>
public sealed record SequenceGap(string Station, long FromSeq, long ToSeq, long AfterUtcMs, long BeforeUtcMs)
{
    /// <summary>How many events are missing.</summary>
    public long Count => ToSeq - FromSeq + 1;

    /// <summary>The gaps in <paramref name="events"/>, per station in sequence order.</summary>
    public static List<SequenceGap> Find(IEnumerable<PlayRecord> events)
    {
        var gaps = new List<SequenceGap>();
        foreach (IGrouping<string, PlayRecord> station in events.GroupBy(e => e.Station).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            // Received order is the station's order (QoS 1, one connection): a lower seq means the count restarted.
            PlayRecord? previous = null;
            foreach (PlayRecord e in station.OrderBy(e => e.ReceivedUtcMs).ThenBy(e => e.Seq).DistinctBy(e => e.Seq))
            {
                if (previous is not null && e.Seq > previous.Seq + 1)
                {
                    gaps.Add(new SequenceGap(station.Key, previous.Seq + 1, e.Seq - 1, previous.AtUtcMs, e.AtUtcMs));
                }

                previous = e;
            }
        }

        return gaps;
    }
}
