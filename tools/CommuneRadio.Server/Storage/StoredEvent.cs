namespace CommuneRadio.Server.Storage;

/// <summary>A proof-of-play event as stored (protocol §6).</summary>
/// <param name="Station">Station id.</param>
/// <param name="Seq">The station's event sequence number.</param>
/// <param name="Kind">"started", "ended", "preempted", "resumed" or "missed".</param>
/// <param name="Programme">Schedule item id, or the command id of an immediate programme.</param>
/// <param name="Class">"normal", "priority" or "emergency".</param>
/// <param name="Reason">"none", "preempted", …</param>
/// <param name="AtUtcMs">When it happened at the station.</param>
/// <param name="ClockValid">Whether the station's clock was valid then.</param>
/// <param name="ReceivedUtcMs">When the server received it.</param>
public sealed record StoredEvent(string Station, long Seq, string Kind, string Programme, string Class, string Reason, long AtUtcMs, bool ClockValid, long ReceivedUtcMs);
