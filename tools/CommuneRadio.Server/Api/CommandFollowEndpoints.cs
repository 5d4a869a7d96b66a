using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Server.Auth;
using CommuneRadio.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommuneRadio.Server.Api;

/// <summary>
/// <c>GET /api/commands/{id}</c>: follow a command after <c>POST /api/commands</c> returned (or was sent with
/// <c>timeoutSeconds: 0</c>): every addressed station with its stored answer, late ones included. 404 for an
/// unknown id or a command whose target is outside the token's scope.
/// </summary>
public static class CommandFollowEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app, ApiContext api)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
        app.MapGet("/api/commands/{id}", (HttpContext http, string id) => ApiEndpoints.Authorized(api, http, t => Follow(api, t, id)))
            .WithSummary("A command the server sent and each addressed station's answer so far").Produces<CommandStatus>().Produces<ApiError>(404);
    }

    private static IResult Follow(ApiContext api, ApiToken token, string id)
    {
        (StoredCommand? command, IReadOnlyList<StoredResult> results, IReadOnlyList<StationStatus> status) = api.Db.Read(s => (s.Command(id), s.Results(id), s.Stations()));
        if (command is null || !api.Scope.Covers(token, command.To))
        {
            return Results.Json(new ApiError("unknown-command", $"no command {id} sent to your scope"), statusCode: 404);
        }

        var online = status.ToDictionary(s => s.Station, s => s.Online, StringComparer.Ordinal);
        var answers = api.Scope.Members(command.To).Select(m =>
            results.FirstOrDefault(r => r.Station == m.Id) is { } r
                ? new MemberAnswer(m.Id, online.GetValueOrDefault(m.Id), r.Result, r.Reason, r.Field, r.ReceivedUtcMs)
                : new MemberAnswer(m.Id, online.GetValueOrDefault(m.Id), null, null, null, null)).ToList();
        int accepted = answers.Count(a => a.Result == "accepted");
        int refused = answers.Count(a => a.Result is not null && a.Result != "accepted");
        return Results.Ok(new CommandStatus(command.Id, command.Cmd, command.To, command.Issuer, command.Token, command.SentUtcMs, accepted, refused, answers.Count - accepted - refused, answers));
    }
}
