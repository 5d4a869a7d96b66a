using System.Collections.Generic;

namespace CommuneRadio.Server.Storage;

/// <summary>Which events to read: <c>fromUtcMs ≤ at &lt; untilUtcMs</c>, of some stations and one programme.</summary>
/// <param name="Stations">Only these stations (the token's scope, a group, one station); null: every station.</param>
/// <param name="Programme">Only this programme id, or null.</param>
/// <param name="FromUtcMs">Start of the period (inclusive).</param>
/// <param name="UntilUtcMs">End of the period (exclusive).</param>
/// <param name="Limit">At most this many rows.</param>
public sealed record EventQuery(IReadOnlyCollection<string>? Stations, string? Programme, long FromUtcMs, long UntilUtcMs, int Limit);
