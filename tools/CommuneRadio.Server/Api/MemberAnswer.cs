namespace CommuneRadio.Server.Api;

/// <summary>One addressed station's answer to a command, as stored.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Online">Its last state.</param>
/// <param name="Result">"accepted", "refused", or null while it has not answered.</param>
/// <param name="Reason">Refusal reason, or null.</param>
/// <param name="Field">Member at fault, or null.</param>
/// <param name="ReceivedUtcMs">When the answer arrived, or null.</param>
public sealed record MemberAnswer(string Station, bool? Online, string? Result, string? Reason, string? Field, long? ReceivedUtcMs);
