namespace CommuneRadio.Host.Observe;

/// <summary>A proof-of-play event as a server receives it (protocol §6), with the observer's receive time.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Kind">"started", "ended", "preempted", "resumed" or "missed".</param>
/// <param name="Programme">Schedule item id, or the command id of an immediate/emergency programme.</param>
/// <param name="Class">"normal", "priority" or "emergency".</param>
/// <param name="Reason">"none", "preempted", "no-clock", …</param>
/// <param name="AtUtcMs">When it happened at the station (its wall clock, UTC ms).</param>
/// <param name="ReceivedUtcMs">When the observer received it.</param>
public sealed record PlayEventRecord(string Station, string Kind, string Programme, string Class, string Reason, long AtUtcMs, long ReceivedUtcMs);
