using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CommuneRadio.Server.Storage;

namespace CommuneRadio.Server.Api;

/// <summary>
/// Proof of play summed per station and programme from the stored events (protocol §6), in time order:
/// <code>
/// started 05:30:00, preempted 05:40:00, resumed 05:45:00, ended 06:05:00   >> started 1, preempted 1, resumed 1, ended 1, on air 1,800 s
/// missed (no-clock), missed (no-clock)                                        >> missed 2, "no-clock=2"
/// </code>
/// A play still on air at the end of the period (or whose start lies before it) counts only what the period holds.
/// </summary>
public static class ProofReport
{
    /// <summary>The CSV header of <see cref="Csv"/>.</summary>
    public const string CsvHeader = "station,programme,class,started,ended,preempted,resumed,missed,missed_reasons,first_at_utc,last_at_utc,on_air_s";

    /// <summary>One row per (station, programme) of <paramref name="events"/> (ordered by time), by station then first event.</summary>
    public static List<PlaySummary> Summarise(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = new List<PlaySummary>();
        // An application update's outcome (update-committed, update-rolled-back; protocol §6) shares the event stream but
        // is no programme.
        foreach (IGrouping<(string Station, string Programme), StoredEvent> g in events.Where(e => !e.Kind.StartsWith("update-", StringComparison.Ordinal)).GroupBy(e => (e.Station, e.Programme)))
        {
            int started = 0, ended = 0, preempted = 0, resumed = 0;
            var missed = new SortedDictionary<string, int>(StringComparer.Ordinal);
            long? since = null;
            double onAir = 0;
            foreach (StoredEvent e in g.OrderBy(e => e.AtUtcMs).ThenBy(e => e.Seq))
            {
                switch (e.Kind)
                {
                    case "started" or "resumed":
                        started += e.Kind == "started" ? 1 : 0;
                        resumed += e.Kind == "resumed" ? 1 : 0;
                        since = e.AtUtcMs;
                        break;
                    case "ended" or "preempted":
                        ended += e.Kind == "ended" ? 1 : 0;
                        preempted += e.Kind == "preempted" ? 1 : 0;
                        onAir += since is long s ? (e.AtUtcMs - s) / 1000.0 : 0;
                        since = null;
                        break;
                    case "missed":
                        missed[e.Reason] = missed.GetValueOrDefault(e.Reason) + 1;
                        break;
                }
            }

            StoredEvent first = g.First();
            rows.Add(new PlaySummary(
                g.Key.Station, g.Key.Programme, first.Class, started, ended, preempted, resumed, missed.Values.Sum(),
                string.Join(";", missed.Select(m => m.Key + "=" + m.Value.ToString(CultureInfo.InvariantCulture))), g.Min(e => e.AtUtcMs), g.Max(e => e.AtUtcMs), onAir));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Station, b.Station) is int c && c != 0 ? c : a.FirstAtUtcMs.CompareTo(b.FirstAtUtcMs));
        return rows;
    }

    /// <summary>The rows as CSV (<see cref="CsvHeader"/>; times ISO 8601 UTC).</summary>
    public static string Csv(IReadOnlyList<PlaySummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (PlaySummary r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Station},{r.Programme},{r.Class},{r.Started},{r.Ended},{r.Preempted},{r.Resumed},{r.Missed},{r.MissedReasons},")
                .Append(CultureInfo.InvariantCulture, $"{DateTimeOffset.FromUnixTimeMilliseconds(r.FirstAtUtcMs):yyyy-MM-ddTHH:mm:ss.fffZ},{DateTimeOffset.FromUnixTimeMilliseconds(r.LastAtUtcMs):yyyy-MM-ddTHH:mm:ss.fffZ},{r.OnAirSeconds:F1}\n");
        }

        return csv.ToString();
    }
}
