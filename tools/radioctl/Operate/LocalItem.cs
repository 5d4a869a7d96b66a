namespace CommuneRadio.Cli.Operate;

/// <summary>A schedule item a station accepted, as the local event store remembers it.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Json">The item object as sent (protocol §3.2, Item).</param>
/// <param name="Issuer">Issuer of the command that set it.</param>
/// <param name="Level">That issuer's level.</param>
public sealed record LocalItem(string Id, string Json, string Issuer, string Level);
