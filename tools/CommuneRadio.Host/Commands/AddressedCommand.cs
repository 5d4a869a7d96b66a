namespace CommuneRadio.Host.Commands;

/// <summary>One signed copy of a command (<see cref="CommandIssuer.CreateAll(string, string, System.Func{string, string}, string?)"/>) with the addressee it was signed for.</summary>
/// <param name="Addressee">Addressee, province and the stations it reaches.</param>
/// <param name="Command">The signed command.</param>
public sealed record AddressedCommand(CommandAddressee Addressee, SignedCommand Command);
