namespace CommuneRadio.Server.Storage;

/// <summary>One command sent through the server: who, what, to whom, signed by which issuer, and the outcome.</summary>
/// <param name="AtUtcMs">When it was sent (or refused by the server).</param>
/// <param name="Token">Name of the API token used.</param>
/// <param name="Role">The token's role.</param>
/// <param name="Scope">The token's scope.</param>
/// <param name="Command">Command name (protocol §3.2).</param>
/// <param name="To">Addressee, <c>st/{id}</c> or <c>g/{group}</c>.</param>
/// <param name="Issuer">Issuer key it was signed with, or "" when the server refused it first.</param>
/// <param name="CommandId">Command id, or "".</param>
/// <param name="Args">The arguments as sent.</param>
/// <param name="Outcome">"sent: 3 accepted, 0 refused, 1 silent" or the server's refusal ("refused: out-of-scope").</param>
public sealed record AuditRecord(long AtUtcMs, string Token, string Role, string Scope, string Command, string To, string Issuer, string CommandId, string Args, string Outcome);
