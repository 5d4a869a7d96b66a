using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommuneRadio.Host.Commands;
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
/// they differ (<see cref="ScheduleComparer"/>, docs/server.md §Schedules); <c>GET /api/schedule/week?to=&amp;from=2026-11-23&amp;days=7</c>:
/// the intended items on the calendar (<see cref="ScheduleCalendar"/>). 404 for a target outside the scope.
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
        app.MapGet("/api/schedule/week", (HttpContext http, string? to, string? from, int? days) => ApiEndpoints.Authorized(api, http, t => Week(api, t, to ?? "g/" + t.Scope, from, days ?? 7)))
            .WithSummary("The intended schedule of a target placed on the calendar by the Core's occurrence rule (from: local date YYYY-MM-DD, default this week's Monday; days 1-31, default 7), with overlapping occurrences and the stations that do not hold it")
            .Produces<ScheduleWeek>().Produces<ApiError>(404);
    }

    /// <summary>The schedule report of <paramref name="to"/>, or null when it is outside the token's scope or addresses nobody.</summary>
    internal static ScheduleReport? Report(ApiContext api, ApiToken token, string to)
    {
        IReadOnlyList<string> members = api.Scope.Members(to).Select(s => s.Id).ToList();
        if (members.Count == 0 || !api.Scope.Covers(token, to))
        {
            return null;
        }

        (IReadOnlyList<StoredCommand> commands, IReadOnlyList<RecordedItem> record, IReadOnlyList<StationStatus> status) = api.Db.Read(s => (s.ScheduleCommands(), s.ScheduleRecord(members), s.Stations()));
        Dictionary<string, StationStatus> byStation = status.ToDictionary(s => s.Station, StringComparer.Ordinal);
        return ScheduleComparer.Compare(api.Scope, to, members, commands, record, byStation);
    }

    private static IResult Week(ApiContext api, ApiToken token, string to, string? from, int days)
    {
        if (days is < 1 or > 31)
        {
            return ApiEndpoints.Error(400, "invalid-args", "days: 1 to 31");
        }

        DateTime localNow = ArgsJson.LocalTime(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        DateTime start;
        if (from is null)
        {
            start = localNow.Date.AddDays(-(((int)localNow.DayOfWeek + 6) % 7));
        }
        else if (!DateTime.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return ApiEndpoints.Error(400, "invalid-time", "from: a local date YYYY-MM-DD");
        }

        if (Report(api, token, to) is not { } report)
        {
            return Unknown(to);
        }

        long fromMs = ArgsJson.UtcMs(start);
        long untilMs = ArgsJson.UtcMs(start.AddDays(days));
        List<ScheduleOccurrence> occurrences = ScheduleCalendar.Occurrences(ScheduleCalendar.Parse(report.Intended.Items), fromMs, untilMs);
        return Results.Ok(new ScheduleWeek(to, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fromMs, untilMs, report.Intended.Items, occurrences, report.Differ));
    }

    private static IResult Unknown(string to) =>
        Results.Json(new ApiError("unknown-target", $"no stations of {to} in your scope (g/GROUP or st/STATION)"), statusCode: 404);

    private static IResult Schedule(ApiContext api, ApiToken token, string to) =>
        Report(api, token, to) is { } report ? Results.Ok(report) : Unknown(to);
}
