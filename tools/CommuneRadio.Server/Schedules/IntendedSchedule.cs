using System.Collections.Generic;

namespace CommuneRadio.Server.Schedules;

/// <summary>The schedule a target should hold according to what the server sent it.</summary>
/// <param name="Count">Items.</param>
/// <param name="Digest">The digest a station holding exactly these items reports (protocol §6), or null when an item does not parse.</param>
/// <param name="Version">The version of the last schedule.sync among them, or null.</param>
/// <param name="Items">The items by id.</param>
public sealed record IntendedSchedule(int Count, string? Digest, long? Version, IReadOnlyList<ScheduleItemRecord> Items);
