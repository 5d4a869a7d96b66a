using System.Text.Json;

namespace CommuneRadio.Server.Schedules;

/// <summary>One schedule item as the server sent it.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Issuer">Issuer key of the command that set it.</param>
/// <param name="Level">That issuer's level.</param>
/// <param name="CommandId">The command that set it.</param>
/// <param name="Item">The item object (protocol §3.2, Item).</param>
public sealed record ScheduleItemRecord(string Id, string Issuer, string Level, string CommandId, JsonElement Item);
