namespace CommuneRadio.Server.Storage;

/// <summary>A command the server signed and sent (table <c>commands</c>): the schedule record and the follow-up view read it.</summary>
/// <param name="Id">Command id.</param>
/// <param name="SentUtcMs">When it was sent.</param>
/// <param name="Token">The API token that sent it.</param>
/// <param name="Cmd">Command name (protocol §3.2).</param>
/// <param name="To">Addressee, <c>st/{id}</c> or <c>g/{group}</c>.</param>
/// <param name="Issuer">Issuer key it was signed with.</param>
/// <param name="Level">That issuer's level.</param>
/// <param name="Args">The arguments object as sent.</param>
public sealed record StoredCommand(string Id, long SentUtcMs, string Token, string Cmd, string To, string Issuer, string Level, string Args);
