namespace CommuneRadio.Server.Storage;

/// <summary>A schedule item one station accepted through the server (table <c>schedule_items</c>).</summary>
/// <param name="Station">Station id.</param>
/// <param name="ItemId">Item id.</param>
/// <param name="Item">The item object as sent (protocol §3.2, Item).</param>
/// <param name="Issuer">Issuer of the command that set it.</param>
/// <param name="Level">That issuer's level.</param>
/// <param name="CommandId">The command that set it.</param>
public sealed record RecordedItem(string Station, string ItemId, string Item, string Issuer, string Level, string CommandId);
