namespace CommuneRadio.Host.Observe;

/// <summary>A command result as a server receives it (protocol §5).</summary>
/// <param name="Station">Station id.</param>
/// <param name="Id">Command id (null when the station could not read one).</param>
/// <param name="Accepted">True for "accepted".</param>
/// <param name="Reason">Refusal reason ("retained", "bad-signature", …), or null.</param>
/// <param name="ReceivedUtcMs">When the observer received it.</param>
public sealed record CommandResultRecord(string Station, string? Id, bool Accepted, string? Reason, long ReceivedUtcMs);
