using System.Collections.Generic;

namespace CommuneRadio.Server.Schedules;

/// <summary>The schedule of a target and where its stations differ, <c>GET /api/schedule?to=</c>.</summary>
/// <param name="To">The target, <c>g/{group}</c> or <c>st/{id}</c>.</param>
/// <param name="Intended">What the server sent to the target (or to groups holding all of it), folded in order.</param>
/// <param name="Stations">Each member: what it reports, what it accepted through the server, how that compares.</param>
/// <param name="Digests">Members grouped by the digest they report, largest group first (one group: they agree with each other).</param>
/// <param name="Differ">Members whose reported digest is not the intended one (or unknown), in fleet order.</param>
public sealed record ScheduleReport(string To, IntendedSchedule Intended, IReadOnlyList<StationSchedule> Stations, IReadOnlyList<DigestGroup> Digests, IReadOnlyList<string> Differ);
