using System.Collections.Generic;

namespace CommuneRadio.Server.Schedules;

/// <summary>One occurrence of a schedule item, as the Core's own occurrence rule places it (<see cref="ScheduleCalendar"/>).</summary>
/// <param name="Id">Item id.</param>
/// <param name="Kind">"once" or "weekly".</param>
/// <param name="Class">"normal", "priority" or "emergency".</param>
/// <param name="StartUtcMs">Start, Unix ms.</param>
/// <param name="EndUtcMs">End (start + duration), Unix ms.</param>
/// <param name="Lines">Speaker lines.</param>
/// <param name="Source">Audio source.</param>
/// <param name="Issuer">Issuer key that set it.</param>
/// <param name="Conflicts">Ids of the other items with an occurrence overlapping this one.</param>
public sealed record ScheduleOccurrence(string Id, string Kind, string Class, long StartUtcMs, long EndUtcMs, IReadOnlyList<int> Lines, int Source, string Issuer, IReadOnlyList<string> Conflicts);
