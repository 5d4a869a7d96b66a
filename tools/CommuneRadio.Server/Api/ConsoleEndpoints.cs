using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Protocol.Commands;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Server.Auth;
using CommuneRadio.Server.Commands;
using CommuneRadio.Server.Schedules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommuneRadio.Server.Api;

/// <summary>
/// What the web console needs beside the reports (docs/console.md):
/// <c>GET /api/me</c> — the token's name, role, scope, the commands it may send and the groups it covers whole
/// (a commune token of <c>com.ha-tinh.an-binh</c>: <c>["com.ha-tinh.an-binh"]</c>; a province token: the province and each of its communes);
/// <c>POST /api/commands/check</c> — the checks of <c>POST /api/commands</c> without sending (the same refusals),
/// and for a schedule item its overlaps with the target's schedule, so the console shows both before saving.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app, ApiContext api)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
        app.MapGet("/api/me", (HttpContext http) => ApiEndpoints.Authorized(api, http, t => Results.Ok(Me(api, t))))
            .WithSummary("The token's name, role, scope, the commands it may send and the groups it covers whole").Produces<MeView>();
        app.MapPost("/api/commands/check", (HttpContext http, CommandRequest request) => ApiEndpoints.Authorized(api, http, t => Check(api, t, request)))
            .WithSummary("Every check of POST /api/commands (role, scope, issuer key, the stations' own Core on each board profile) without sending; for schedule items also the overlaps with the target's schedule")
            .Produces<CheckView>().Produces<ApiError>(400).Produces<ApiError>(403);
    }

    private static IResult Check(ApiContext api, ApiToken token, CommandRequest request)
    {
        string args = request.Args is { } a ? a.GetRawText() : "{}";
        CommandCheck check;
        try
        {
            check = api.Commands.Check(token, request.To, request.Cmd, args);
        }
        catch (CommandRefusedException ex)
        {
            return ApiEndpoints.Refused(ex);
        }

        var conflicts = new List<ScheduleOccurrence>();
        if (request.Cmd is "schedule.add" or "schedule.replace" && request.Args is { } json && json.TryGetProperty("item", out JsonElement item) &&
            ScheduleEndpoints.Report(api, token, request.To) is { } report)
        {
            // The Core accepted the item just above, so it parses.
            ScheduleItem candidate = ScheduleDigests.Parse(string.Empty, item.GetRawText(), check.Issuer, check.Level);
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            conflicts = ScheduleCalendar.Conflicts(candidate, ScheduleCalendar.Parse(report.Intended.Items), now, now + 28 * 86_400_000L);
        }

        return Results.Ok(new CheckView(check.To, check.Command, check.Issuer, check.Stations, conflicts));
    }

    private static MeView Me(ApiContext api, ApiToken token)
    {
        var commands = new List<string>();
        for (int i = 1; i <= CommandTable.Count; i++)
        {
            string name = CommandTable.NameOf((CommandKind)i);
            if (token.MaySend(name))
            {
                commands.Add(name);
            }
        }

        List<FleetStation> seen = api.Scope.Fleet.Stations.Where(s => api.Scope.Sees(token, s.Id)).ToList();
        List<string> groups = seen.SelectMany(s => s.Groups).Distinct(StringComparer.Ordinal)
            .Where(g => api.Scope.Covers(token, "g/" + g)).OrderBy(g => g, StringComparer.Ordinal).ToList();
        int lines = seen.Select(s => BoardProfiles.Layout(s.Board).Lines.Length).DefaultIfEmpty(0).Max();
        int sources = seen.Select(s => BoardProfiles.Layout(s.Board).Sources.Length).DefaultIfEmpty(0).Max();
        return new MeView(token.Name, token.Role, token.Scope, commands, seen.Count, groups, lines, sources);
    }
}
