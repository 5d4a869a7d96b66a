namespace CommuneRadio.Server.Storage;

/// <summary>A command result as stored (protocol §5).</summary>
/// <param name="CommandId">Command id (empty when the station could not read one).</param>
/// <param name="Station">Station id.</param>
/// <param name="Result">"accepted" or "refused".</param>
/// <param name="Reason">Refusal reason, or null.</param>
/// <param name="Field">Member at fault, or null.</param>
/// <param name="ReceivedUtcMs">When the server received it.</param>
public sealed record StoredResult(string CommandId, string Station, string Result, string? Reason, string? Field, long ReceivedUtcMs);
