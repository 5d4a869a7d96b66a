using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Server.Auth;
using CommuneRadio.Server.Commands;
using CommuneRadio.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommuneRadio.Server.Api;

/*
 * The HTTP JSON API, spec: docs/server.md §API (OpenAPI: docs/server-openapi.json). Every call needs
 * `Authorization: Bearer <token>`; refusals are {"error":"<code>","detail":"…"} with 401 (no or unknown
 * token), 403 (role or scope), 404 (unknown — also a station outside the scope, so a token cannot probe
 * which stations exist elsewhere), 400 (bad input), 409 (no issuer key on the server).
 *
 *   GET  /api/stations?brief=true         visible stations, live status (brief: no health and config report, onAir kept)
 *   GET  /api/stations/{id}               one
 *   GET  /api/events?station=&group=&programme=&from=&until=&format=csv   proof of play (from/until: Unix ms, ISO 8601, now, age)
 *   GET  /api/faults                      stations whose last health lists faults
 *   GET  /api/silent?since=               stations not heard since T
 *   POST /api/commands                    {to, cmd, args, timeoutSeconds} → results (timeoutSeconds 0: do not wait)
 *   GET  /api/commands/{id}/results       results stored for a command (late answers too)
 *   GET  /api/commands/{id}               the command and each member's answer so far   (CommandFollowEndpoints)
 *   GET  /api/schedule?to=                intended schedule, each member's, differences (ScheduleEndpoints)
 *   GET  /api/proof?station=&group=&programme=&from=&until=&format=csv   plays per station and programme (ReportEndpoints)
 *   GET  /api/faults/history?station=&group=&from=&until=   fault episodes                   (ReportEndpoints)
 *   POST /api/emergency/start|stop        {scope, durationSeconds, lines, source}
 *   GET  /api/audit                       national tokens only
 *   GET  /api/server                      buffer and connection counters
 */

/// <summary>Maps the API (spec block above).</summary>
public static class ApiEndpoints
{
    private const int MaxRows = 100_000;

    /// <summary>Maps every endpoint onto <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, ApiContext api)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
        app.MapGet("/api/stations", (HttpContext http, bool? brief) => Authorized(api, http, t =>
            Results.Ok(brief == true ? Stations(api, t).Select(s => s with { Health = null, Config = null }).ToList() : Stations(api, t))))
            .WithSummary("Stations in the token's scope and their live status (brief=true: without the health snapshot and configuration report, about a third of the size, for maps)").Produces<List<StationView>>();
        app.MapGet("/api/stations/{id}", (HttpContext http, string id) => Authorized(api, http, t =>
            Stations(api, t).Find(s => s.Station == id) is { } s ? Results.Ok(s) : Error(404, "unknown-station", $"no station {id} in your scope")))
            .WithSummary("One station's live status").Produces<StationView>().Produces<ApiError>(404);
        app.MapGet("/api/events", (HttpContext http, string? station, string? group, string? programme, string? from, string? until, string? format) => Authorized(api, http, t => Events(api, t, station, group, programme, from, until, format)))
            .WithSummary("Proof-of-play events by station, group, programme and period (JSON, or CSV with format=csv)").Produces<List<StoredEvent>>().Produces<ApiError>(422);
        app.MapGet("/api/faults", (HttpContext http) => Authorized(api, http, t => Results.Ok(Stations(api, t).Where(s => s.Faults.Count > 0).ToList())))
            .WithSummary("Stations whose last health snapshot lists faults").Produces<List<StationView>>();
        app.MapGet("/api/silent", (HttpContext http, string? since) => Authorized(api, http, t =>
        {
            if (!TryTime(since, out long sinceMs))
            {
                return Error(400, "invalid-time", "since: Unix milliseconds, ISO 8601, now, or an age (15m, 24h, 7d)");
            }

            HashSet<string> silent = api.Db.Read(s => s.SilentSince(sinceMs)).Select(s => s.Station).ToHashSet(StringComparer.Ordinal);
            return Results.Ok(Stations(api, t).Where(s => s.LastSeenUtcMs < sinceMs && (silent.Contains(s.Station) || s.LastSeenUtcMs == 0)).ToList());
        })).WithSummary("Stations not heard from since a time").Produces<List<StationView>>();
        app.MapPost("/api/commands", (HttpContext http, CommandRequest request, CancellationToken ct) => AuthorizedAsync(api, http, t =>
            Send(api, t, request.To, request.Cmd, request.Args is { } a ? a.GetRawText() : "{}", request.TimeoutSeconds, ct)))
            .WithSummary("Sign, send and wait for a command's results").Produces<CommandOutcome>().Produces<ApiError>(403);
        app.MapPost("/api/emergency/start", (HttpContext http, EmergencyRequest request, CancellationToken ct) => AuthorizedAsync(api, http, t =>
            EmergencyArgs(request) is { } args ? Send(api, t, request.Scope, "emergency.start", args, request.TimeoutSeconds, ct) : Task.FromResult(Error(400, "invalid-lines", "lines: speaker line numbers 0-30"))))
            .WithSummary("Emergency at once for a scope").Produces<CommandOutcome>().Produces<ApiError>(403);
        app.MapPost("/api/emergency/stop", (HttpContext http, EmergencyRequest request, CancellationToken ct) => AuthorizedAsync(api, http, t =>
            Send(api, t, request.Scope, "emergency.stop", "{}", request.TimeoutSeconds, ct)))
            .WithSummary("End the emergency of a scope").Produces<CommandOutcome>().Produces<ApiError>(403);
        app.MapGet("/api/commands/{id}/results", (HttpContext http, string id) => Authorized(api, http, t =>
            Results.Ok(api.Db.Read(s => s.Results(id)).Where(r => api.Scope.Sees(t, r.Station)).ToList())))
            .WithSummary("Every result stored for a command id, also those that arrived after the POST returned").Produces<List<StoredResult>>();
        app.MapGet("/api/audit", (HttpContext http) => Authorized(api, http, t =>
            t.Role == ApiToken.National ? Results.Ok(api.Db.Read(s => s.AuditLog(1000))) : Error(403, "not-allowed", "the audit log is for national tokens")))
            .WithSummary("Who sent what (national tokens)").Produces<List<AuditRecord>>();
        app.MapGet("/api/server", (HttpContext http) => Authorized(api, http, _ => Results.Ok(new ServerView(
            api.Ingest.IsConnected, api.Db.Read(s => s.SchemaVersion), api.Db.Pending, api.Db.Capacity, api.Db.Written, api.Db.WriteFailures, api.Db.LastError, api.Db.DroppedCount))))
            .WithSummary("Connection and write-buffer counters (dropped messages by kind)").Produces<ServerView>();
        ScheduleEndpoints.Map(app, api);
        ReportEndpoints.Map(app, api);
        CommandFollowEndpoints.Map(app, api);
    }

    internal static IResult Authorized(ApiContext api, HttpContext http, Func<ApiToken, IResult> handler) =>
        Authenticate(api, http) is { } token ? handler(token) : Error(401, "unauthorized", "send Authorization: Bearer <token>");

    internal static async Task<IResult> AuthorizedAsync(ApiContext api, HttpContext http, Func<ApiToken, Task<IResult>> handler) =>
        Authenticate(api, http) is { } token ? await handler(token).ConfigureAwait(false) : Error(401, "unauthorized", "send Authorization: Bearer <token>");

    private static ApiToken? Authenticate(ApiContext api, HttpContext http)
    {
        string header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && header.Length > 7 ? api.Tokens.Find(header[7..].Trim()) : null;
    }

    internal static IResult Error(int status, string code, string detail) => Results.Json(new ApiError(code, detail), statusCode: status);

    internal static IResult Refused(CommandRefusedException ex) => Results.Json(new ApiError(ex.Reason, ex.Message, ex.Field, ex.Station), statusCode: ex.Status);

    internal static List<StationView> Stations(ApiContext api, ApiToken token)
    {
        Dictionary<string, StationStatus> status = api.Db.Read(s => s.Stations()).ToDictionary(s => s.Station, StringComparer.Ordinal);
        var views = new List<StationView>();
        foreach (FleetStation f in api.Scope.Fleet.Stations.Where(f => api.Scope.Sees(token, f.Id)))
        {
            views.Add(View(f.Id, f.Commune, f.Province, status.GetValueOrDefault(f.Id)) with { Name = f.Name, Lat = f.Lat, Lon = f.Lon, Board = f.Board, Groups = f.Groups, Lines = BoardProfiles.Layout(f.Board).Lines.Length, Amplifiers = BoardProfiles.Layout(f.Board).Amplifiers.Length });
        }

        if (token.Role == ApiToken.National)
        {
            // Stations that publish but are not in the fleet file: national sees them (a wrongly provisioned device).
            views.AddRange(status.Values.Where(s => api.Scope.Fleet.Stations.All(f => f.Id != s.Station)).Select(s => View(s.Station, string.Empty, string.Empty, s)));
        }

        return views;
    }

    private static StationView View(string id, string commune, string province, StationStatus? s) =>
        new(id, commune, province, s?.Online, s?.LastSeenUtcMs ?? 0, s is null || s.Faults.Length == 0 ? Array.Empty<string>() : s.Faults.Split(','), Json(s?.Health), Json(s?.Config)) { Firmware = s?.Firmware, OnAir = OnAirOf(s?.Health) };

    // The on_air member of a health snapshot (protocol §6), or null when silent or unknown.
    private static JsonElement? OnAirOf(string? health)
    {
        if (health is null)
        {
            return null;
        }

        using JsonDocument doc = JsonDocument.Parse(health);
        return doc.RootElement.TryGetProperty("on_air", out JsonElement onAir) && onAir.ValueKind == JsonValueKind.Object ? onAir.Clone() : null;
    }

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using JsonDocument doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static IResult Events(ApiContext api, ApiToken token, string? station, string? group, string? programme, string? from, string? until, string? format)
    {
        if (!TryTime(from ?? "0", out long fromMs) || !TryTime(until ?? long.MaxValue.ToString(CultureInfo.InvariantCulture), out long untilMs))
        {
            return Error(400, "invalid-time", "from/until: Unix milliseconds, ISO 8601 (2026-11-23T05:30:00+07:00), now, or an age (24h)");
        }

        if (!TryStations(api, token, station, group, out List<string>? stations, out IResult? refusal))
        {
            return refusal!;
        }

        List<StoredEvent> events = api.Db.Read(s => s.Events(new EventQuery(stations, programme, fromMs, untilMs, MaxRows + 1))).ToList();
        if (events.Count > MaxRows)
        {
            return Error(422, "too-many-rows", $"more than {MaxRows:N0} events: narrow the period, the station or the group");
        }

        if (format != "csv")
        {
            return Results.Ok(events);
        }

        var csv = new StringBuilder("station,seq,kind,programme,class,reason,at_utc,at_ms,clock_valid,received_ms\n");
        foreach (StoredEvent e in events)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{e.Station},{e.Seq},{e.Kind},{e.Programme},{e.Class},{e.Reason},{DateTimeOffset.FromUnixTimeMilliseconds(e.AtUtcMs):yyyy-MM-ddTHH:mm:ss.fffZ},{e.AtUtcMs},{(e.ClockValid ? 1 : 0)},{e.ReceivedUtcMs}\n");
        }

        return Results.Text(csv.ToString(), "text/csv; charset=utf-8");
    }

    /// <summary>
    /// The stations a query of <paramref name="token"/> may read, narrowed to <paramref name="station"/> and/or the members of
    /// <paramref name="group"/>: null for "every station" (national, no filter). They go to the database, so a commune's
    /// query reads only its own rows. False (404) for a station outside the scope.
    /// </summary>
    internal static bool TryStations(ApiContext api, ApiToken token, string? station, string? group, out List<string>? stations, out IResult? refusal)
    {
        stations = null;
        refusal = null;
        if (station is not null && !api.Scope.Sees(token, station))
        {
            refusal = Error(404, "unknown-station", $"no station {station} in your scope");
            return false;
        }

        if (group is not null)
        {
            stations = api.Scope.Members("g/" + group).Select(s => s.Id).Where(id => api.Scope.Sees(token, id) && (station is null || id == station)).ToList();
        }
        else if (station is not null)
        {
            stations = new List<string> { station };
        }
        else if (token.Role != ApiToken.National)
        {
            stations = api.Scope.Fleet.Stations.Where(s => api.Scope.Sees(token, s.Id)).Select(s => s.Id).ToList();
        }

        return true;
    }

    private static async Task<IResult> Send(ApiContext api, ApiToken token, string to, string cmd, string args, int? timeoutSeconds, CancellationToken ct)
    {
        try
        {
            // 0: send without waiting (follow it with GET /api/commands/{id}).
            TimeSpan timeout = TimeSpan.FromSeconds(Math.Clamp(timeoutSeconds ?? 10, 0, 120));
            return Results.Ok(await api.Commands.SendAsync(token, to, cmd, args, timeout, ct).ConfigureAwait(false));
        }
        catch (CommandRefusedException ex)
        {
            return Refused(ex);
        }
    }

    // Null when a line is out of range (the stations check the rest: duration, source, lines fitted).
    private static string? EmergencyArgs(EmergencyRequest r)
    {
        int mask = 0;
        foreach (int line in r.Lines ?? new[] { 0, 1, 2, 3 })
        {
            if (line is < 0 or > 30)
            {
                return null;
            }

            mask |= 1 << line;
        }

        if (mask == 0)
        {
            return null;
        }

        return ArgsJson.Emergency(r.DurationSeconds ?? 600, mask, r.Source ?? 0);
    }

    internal static bool TryTime(string? text, out long utcMs)
    {
        utcMs = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out utcMs))
        {
            return true;
        }

        // "now", or an age: "90s", "15m", "24h", "7d" before now.
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (text == "now")
        {
            utcMs = now;
            return true;
        }

        long unit = text[^1] switch { 's' => 1000L, 'm' => 60_000L, 'h' => 3_600_000L, 'd' => 86_400_000L, _ => 0L };
        if (unit > 0 && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out long count) && count < 100_000)
        {
            utcMs = now - count * unit;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t))
        {
            utcMs = t.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }
}
