using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommuneRadio.Server.Api;

/// <summary>
/// What the web console needs beside the reports (docs/console.md):
/// <c>GET /api/me</c> — the token's name, role, scope, the commands it may send and the groups it covers whole
/// (a commune token of <c>com.ha-tinh.an-binh</c>: <c>["com.ha-tinh.an-binh"]</c>; a province token: the province and each of its communes).
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
    }

    private static MeView Me(ApiContext api, ApiToken token)
    {
        var commands = new List<string>();
        for (int i = 1; CommandNames.Of((CommandKind)i) != "unknown"; i++)
        {
            string name = CommandNames.Of((CommandKind)i);
            if (token.MaySend(name))
            {
                commands.Add(name);
            }
        }

        List<FleetStation> seen = api.Scope.Fleet.Stations.Where(s => api.Scope.Sees(token, s.Id)).ToList();
        List<string> groups = seen.SelectMany(s => s.Groups).Distinct(StringComparer.Ordinal)
            .Where(g => api.Scope.Covers(token, "g/" + g)).OrderBy(g => g, StringComparer.Ordinal).ToList();
        return new MeView(token.Name, token.Role, token.Scope, commands, seen.Count, groups);
    }
}
