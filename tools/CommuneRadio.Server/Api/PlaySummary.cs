namespace CommuneRadio.Server.Api;

/// <summary>Proof of play of one programme on one station over a period, <c>GET /api/proof</c>.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Programme">Programme id (schedule item id, or the command id of an immediate programme).</param>
/// <param name="Class">Its class as the events give it.</param>
/// <param name="Started">Occurrences started.</param>
/// <param name="Ended">Ended.</param>
/// <param name="Preempted">Preempted (by a higher class).</param>
/// <param name="Resumed">Resumed after a preemption.</param>
/// <param name="Missed">Occurrences that could not play.</param>
/// <param name="MissedReasons">Why, counted: <c>no-clock=2;relay-fault=1</c> ("" when none missed).</param>
/// <param name="FirstAtUtcMs">First event of the period (station time).</param>
/// <param name="LastAtUtcMs">Last event.</param>
/// <param name="OnAirSeconds">Seconds on air: from each start or resume to the next end or preemption within the period.</param>
public sealed record PlaySummary(
    string Station, string Programme, string Class, int Started, int Ended, int Preempted, int Resumed, int Missed, string MissedReasons, long FirstAtUtcMs, long LastAtUtcMs, double OnAirSeconds);
