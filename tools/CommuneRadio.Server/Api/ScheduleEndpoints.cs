using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Server.Auth;
using CommuneRadio.Server.Schedules;
using CommuneRadio.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommuneRadio.Server.Api;

/// <summary>
/// <c>GET /api/schedule?to=g/com.ha-tinh.an-binh</c> (default: the token's scope group; <c>st/{id}</c> for one station):
/// the schedule the server intended for the target, each member's reported and recorded schedule, and where
/// they differ (<see cref="ScheduleComparer"/>, docs/server.md §Schedules). 404 for a target outside the scope.
/// </summary>
public static class ScheduleEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app, ApiContext api)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
        app.MapGet("/api/schedule", (HttpContext http, string? to) => ApiEndpoints.Authorized(api, http, t => Schedule(api, t, to ?? "g/" + t.Scope)))
            .WithSummary("Schedule of a commune, group or station: intended items, each station's reported digest, and the stations that differ")
            .Produces<ScheduleReport>().Produces<ApiError>(404);
    }

    private static IResult Schedule(ApiContext api, ApiToken token, string to)
    {
        IReadOnlyList<string> members = api.Scope.Members(to).Select(s => s.Id).ToList();
        if (members.Count == 0 || !api.Scope.Covers(token, to))
        {
            return Results.Json(new ApiError("unknown-target", $"no stations of {to} in your scope (g/GROUP or st/STATION)"), statusCode: 404);
        }

        (IReadOnlyList<StoredCommand> commands, IReadOnlyList<RecordedItem> record, IReadOnlyList<StationStatus> status) = api.Db.Read(s => (s.ScheduleCommands(), s.ScheduleRecord(members), s.Stations()));
        Dictionary<string, StationStatus> byStation = status.ToDictionary(s => s.Station, StringComparer.Ordinal);
        return Results.Ok(ScheduleComparer.Compare(api.Scope, to, members, commands, record, byStation));
    }
}
