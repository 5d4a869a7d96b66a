using System;
using System.Collections.Generic;
using System.Globalization;
using CommuneRadio.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommuneRadio.Server.Api;

/// <summary>
/// Reports over a period, scoped like <c>/api/events</c> (station, group, the token's scope):
/// <c>GET /api/proof?station=&amp;group=&amp;programme=&amp;from=&amp;until=&amp;format=csv</c> — plays per station and programme
/// (<see cref="ProofReport"/>); <c>GET /api/faults/history?station=&amp;group=&amp;from=&amp;until=</c> — fault episodes
/// (raised, cleared) overlapping the period. More rows than a reply holds is refused (422 <c>too-many-rows</c>), never cut.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>Events one proof report may sum (a province-week at 12 events per station-day is 840,000).</summary>
    public const int MaxEvents = 1_000_000;

    /// <summary>Fault episodes one reply may hold.</summary>
    public const int MaxFaults = 100_000;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app, ApiContext api)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
        app.MapGet("/api/proof", (HttpContext http, string? station, string? group, string? programme, string? from, string? until, string? format) => ApiEndpoints.Authorized(api, http, t =>
        {
            if (!ApiEndpoints.TryStations(api, t, station, group, out List<string>? stations, out IResult? refusal))
            {
                return refusal!;
            }

            if (!TryPeriod(from, until, out long fromMs, out long untilMs))
            {
                return BadTime();
            }

            IReadOnlyList<StoredEvent> events = api.Db.Read(s => s.Events(new EventQuery(stations, programme, fromMs, untilMs, MaxEvents + 1)));
            if (events.Count > MaxEvents)
            {
                return TooMany(MaxEvents);
            }

            List<PlaySummary> rows = ProofReport.Summarise(events);
            return format == "csv" ? Results.Text(ProofReport.Csv(rows), "text/csv; charset=utf-8") : Results.Ok(rows);
        })).WithSummary("Proof of play per station and programme over a period: started, ended, preempted, missed (with reasons), seconds on air (JSON, or CSV with format=csv)")
            .Produces<List<PlaySummary>>().Produces<ApiError>(422);
        app.MapGet("/api/faults/history", (HttpContext http, string? station, string? group, string? from, string? until) => ApiEndpoints.Authorized(api, http, t =>
        {
            if (!ApiEndpoints.TryStations(api, t, station, group, out List<string>? stations, out IResult? refusal))
            {
                return refusal!;
            }

            if (!TryPeriod(from, until, out long fromMs, out long untilMs))
            {
                return BadTime();
            }

            IReadOnlyList<FaultRecord> log = api.Db.Read(s => s.FaultLog(stations, fromMs, untilMs, MaxFaults + 1));
            return log.Count > MaxFaults ? TooMany(MaxFaults) : Results.Ok(log);
        })).WithSummary("Fault episodes (raised, cleared or still open) that overlap a period").Produces<List<FaultRecord>>().Produces<ApiError>(422);
    }

    private static bool TryPeriod(string? from, string? until, out long fromMs, out long untilMs)
    {
        untilMs = 0;
        return ApiEndpoints.TryTime(from ?? "0", out fromMs) && ApiEndpoints.TryTime(until ?? long.MaxValue.ToString(CultureInfo.InvariantCulture), out untilMs);
    }

    private static IResult BadTime() =>
        Results.Json(new ApiError("invalid-time", "from/until: Unix milliseconds, ISO 8601 (2026-11-23T05:30:00+07:00), now, or an age (24h)"), statusCode: 400);

    private static IResult TooMany(int limit) =>
        Results.Json(new ApiError("too-many-rows", $"more than {limit:N0} rows: narrow the period, the station or the group"), statusCode: 422);
}
