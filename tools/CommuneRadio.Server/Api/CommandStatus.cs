using System.Collections.Generic;

namespace CommuneRadio.Server.Api;

/// <summary>A command the server sent and each addressed station's answer so far, <c>GET /api/commands/{id}</c>.</summary>
/// <param name="Id">Command id.</param>
/// <param name="Command">Command name.</param>
/// <param name="To">Addressee.</param>
/// <param name="Issuer">Issuer key it was signed with.</param>
/// <param name="Token">API token that sent it.</param>
/// <param name="SentUtcMs">When it was sent.</param>
/// <param name="Accepted">Stations that accepted it.</param>
/// <param name="Refused">Stations that refused it.</param>
/// <param name="Pending">Stations that have not answered (yet: offline stations answer when they are back, within the command's lifetime).</param>
/// <param name="Stations">Per addressed station.</param>
public sealed record CommandStatus(string Id, string Command, string To, string Issuer, string Token, long SentUtcMs, int Accepted, int Refused, int Pending, IReadOnlyList<MemberAnswer> Stations);
