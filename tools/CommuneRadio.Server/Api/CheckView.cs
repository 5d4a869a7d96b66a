using System.Collections.Generic;
using CommuneRadio.Server.Schedules;

namespace CommuneRadio.Server.Api;

/// <summary>A command that would be sent as it is, <c>POST /api/commands/check</c>.</summary>
/// <param name="To">Addressee.</param>
/// <param name="Command">Command name.</param>
/// <param name="Issuer">Issuer key it would be signed with.</param>
/// <param name="Stations">Stations it addresses.</param>
/// <param name="Conflicts">schedule.add / schedule.replace: the new item's occurrences in the next 28 days that overlap another intended item of the target.</param>
public sealed record CheckView(string To, string Command, string Issuer, int Stations, IReadOnlyList<ScheduleOccurrence> Conflicts);
