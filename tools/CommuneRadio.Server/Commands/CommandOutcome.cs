using System.Collections.Generic;

namespace CommuneRadio.Server.Commands;

/// <summary>What came of a command the server sent: one answer per addressed station.</summary>
/// <param name="Id">Command id.</param>
/// <param name="Command">Command name.</param>
/// <param name="To">Addressee.</param>
/// <param name="Issuer">The issuer key it was signed with.</param>
/// <param name="Accepted">Stations that accepted it.</param>
/// <param name="Refused">Stations that refused it.</param>
/// <param name="Silent">Stations that did not answer in time (or were offline).</param>
/// <param name="Stations">Per station: result, reason, field.</param>
public sealed record CommandOutcome(string Id, string Command, string To, string Issuer, int Accepted, int Refused, int Silent, IReadOnlyList<StationAnswer> Stations);
