using System.Collections.Generic;

namespace CommuneRadio.Server.Schedules;

/// <summary>The intended schedule of a target on the calendar, <c>GET /api/schedule/week</c>.</summary>
/// <param name="To">The target.</param>
/// <param name="From">First local date of the period, YYYY-MM-DD.</param>
/// <param name="FromUtcMs">Its local midnight, Unix ms.</param>
/// <param name="UntilUtcMs">End of the period (exclusive), Unix ms.</param>
/// <param name="Items">The intended items as sent (for editing).</param>
/// <param name="Occurrences">Their occurrences starting in the period, by start, with overlaps.</param>
/// <param name="Differ">Members that do not report the intended schedule (or have not reported yet).</param>
public sealed record ScheduleWeek(string To, string From, long FromUtcMs, long UntilUtcMs, IReadOnlyList<ScheduleItemRecord> Items, IReadOnlyList<ScheduleOccurrence> Occurrences, IReadOnlyList<string> Differ);
