namespace CommuneRadio.Server.Commands;

/// <summary>One station's answer to a command.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Online">Its last known state.</param>
/// <param name="Result">"accepted", "refused", or null when it did not answer.</param>
/// <param name="Reason">Refusal reason, or null.</param>
/// <param name="Field">Member at fault, or null.</param>
public sealed record StationAnswer(string Station, bool? Online, string? Result, string? Reason, string? Field);
