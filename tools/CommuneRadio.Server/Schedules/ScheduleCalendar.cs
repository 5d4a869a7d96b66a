using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Protocol;

namespace CommuneRadio.Server.Schedules;

/// <summary>
/// Places schedule items on the calendar with the Core's own rule (<see cref="ScheduleItem.TryGetNextStart"/>:
/// days of the week, first and last date, one-off date, local time UTC+07:00), and finds the occurrences that
/// overlap in time — what the console shows as a conflict before an item is saved. Two programmes overlapping
/// on a station never both play: arbitration lets the higher one play and the other waits, is preempted or missed.
/// <code>
/// news weekly mon–sun 05:30 30 min, notice once 2026-11-23 05:45 10 min   >> Monday 23rd: news ↔ notice conflict
/// news weekly mon–sun 05:30 30 min, evening weekly sun 19:00               >> no conflict
/// </code>
/// </summary>
public static class ScheduleCalendar
{
    /// <summary>The occurrences of <paramref name="items"/> that start in [<paramref name="fromUtcMs"/>, <paramref name="untilUtcMs"/>), by start, each with the items it overlaps.</summary>
    public static List<ScheduleOccurrence> Occurrences(IReadOnlyList<ScheduleItem> items, long fromUtcMs, long untilUtcMs)
    {
        ArgumentNullException.ThrowIfNull(items);
        // Overlaps are looked for also with occurrences that start up to 4 h (the longest item) before the period.
        var all = new List<(ScheduleItem Item, long Start, long End)>();
        foreach (ScheduleItem item in items)
        {
            long after = fromUtcMs - ScheduleItem.MaxDurationSeconds * 1000L - 1;
            while (item.TryGetNextStart(after, ArgsJson.VietnamOffsetMinutes, out long start) && start < untilUtcMs)
            {
                all.Add((item, start, start + item.DurationSeconds * 1000L));
                after = start;
            }
        }

        var result = new List<ScheduleOccurrence>();
        foreach ((ScheduleItem item, long start, long end) in all.Where(o => o.Start >= fromUtcMs).OrderBy(o => o.Start).ThenBy(o => o.Item.Id, StringComparer.Ordinal))
        {
            List<string> conflicts = all.Where(o => o.Item.Id != item.Id && o.Start < end && start < o.End).Select(o => o.Item.Id).Distinct(StringComparer.Ordinal).ToList();
            result.Add(new ScheduleOccurrence(item.Id, item.Kind == ItemKind.Weekly ? "weekly" : "once", ClassName(item.Class), start, end, LinesOf(item.Lines), item.Source, item.Issuer ?? string.Empty, conflicts));
        }

        return result;
    }

    /// <summary>
    /// The occurrences of <paramref name="candidate"/> in the period that overlap an occurrence of another of
    /// <paramref name="existing"/> (an item with the candidate's id is the one it replaces, so it is left out).
    /// </summary>
    public static List<ScheduleOccurrence> Conflicts(ScheduleItem candidate, IReadOnlyList<ScheduleItem> existing, long fromUtcMs, long untilUtcMs)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        var items = existing.Where(i => i.Id != candidate.Id).Append(candidate).ToList();
        return Occurrences(items, fromUtcMs, untilUtcMs).Where(o => o.Id == candidate.Id && o.Conflicts.Count > 0).ToList();
    }

    /// <summary>Reads intended items (as sent) through the Core's parser; items that do not parse are left out (no station holds them).</summary>
    public static List<ScheduleItem> Parse(IEnumerable<ScheduleItemRecord> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var parsed = new List<ScheduleItem>();
        foreach (ScheduleItemRecord r in items)
        {
            try
            {
                parsed.Add(ScheduleDigests.Parse(r.Id, r.Item.GetRawText(), r.Issuer, r.Level));
            }
            catch (FormatException)
            {
                // Refused by every station: nothing to place.
            }
        }

        return parsed;
    }

    private static string ClassName(BroadcastClass c) => c switch
    {
        BroadcastClass.Priority => "priority",
        BroadcastClass.Emergency => "emergency",
        _ => "normal",
    };

    private static List<int> LinesOf(int mask)
    {
        var lines = new List<int>();
        for (int i = 0; i < 31; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                lines.Add(i);
            }
        }

        return lines;
    }
}
