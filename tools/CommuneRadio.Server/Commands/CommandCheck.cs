namespace CommuneRadio.Server.Commands;

/// <summary>A command that passed every check the server makes before sending (<see cref="CommandService.Check"/>).</summary>
/// <param name="To">Addressee.</param>
/// <param name="Command">Command name.</param>
/// <param name="Issuer">Issuer key it would be signed with.</param>
/// <param name="Level">That issuer's level.</param>
/// <param name="Stations">Stations it addresses.</param>
public sealed record CommandCheck(string To, string Command, string Issuer, string Level, int Stations);
