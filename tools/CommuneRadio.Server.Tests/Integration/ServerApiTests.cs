using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Mqtt;
using CommuneRadio.Server.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Integration;

/// <summary>Schedules with differences, following a command, proof of play and fault history, against simulated stations on Mosquitto, on each database.</summary>
[TestClass]
public sealed class ServerApiTests
{
    private static readonly object News = new { id = "news", kind = "weekly", days = new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }, time = "05:30", duration = 600, @class = "normal", lines = new[] { 0 }, source = 0 };
    private static readonly object Extra = new { id = "extra", kind = "weekly", days = new[] { "sun" }, time = "19:00", duration = 300, @class = "normal", lines = new[] { 0, 1 }, source = 0 };

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task GetSchedule_CommuneItemAndOneStationsExtra_OnlyThatStationDiffersAndDigestsAreTheStations(string database)
    {
        await using LiveServer live = await LiveServer.StartAsync(database: database);
        HttpClient a = live.Http("commune-a");
        string group = live.CommuneA.Scopes[0];
        List<string> members = live.MembersOf(live.CommuneA);
        string odd = members[0];

        Assert.AreEqual(2, (await Send(a, group, "schedule.add", new { item = News })).GetProperty("accepted").GetInt32());
        Assert.AreEqual(1, (await Send(a, "st/" + odd, "schedule.add", new { item = Extra })).GetProperty("accepted").GetInt32());
        await Send(a, group, "status", new { });
        JsonElement report = default;
        await live.WaitAsync(
            async () =>
            {
                report = await a.GetFromJsonAsync<JsonElement>("/api/schedule?to=" + group);
                return Station(report, odd).GetProperty("reported") is { ValueKind: JsonValueKind.Object } r && r.GetProperty("count").GetInt64() == 2 &&
                    Station(report, members[1]).GetProperty("reported") is { ValueKind: JsonValueKind.Object } r1 && r1.GetProperty("count").GetInt64() == 1;
            },
            "both stations' health shows the new schedules");

        JsonElement intended = report.GetProperty("intended");
        Assert.AreEqual(1, intended.GetProperty("count").GetInt32());
        Assert.AreEqual("news", intended.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.AreEqual(live.CommuneA.Name, intended.GetProperty("items")[0].GetProperty("issuer").GetString());
        // The server's digest (Core parser and digest over what it sent) is the one the station computes over what it holds.
        Assert.AreEqual(intended.GetProperty("digest").GetString(), Station(report, members[1]).GetProperty("reported").GetProperty("digest").GetString());
        Assert.IsTrue(Station(report, members[1]).GetProperty("matchesIntended").GetBoolean());
        Assert.IsFalse(Station(report, odd).GetProperty("matchesIntended").GetBoolean());
        Assert.IsTrue(members.All(m => Station(report, m).GetProperty("inStep").GetBoolean()), "each station holds what it accepted through the server: " + report);
        CollectionAssert.AreEqual(new[] { "extra" }, Station(report, odd).GetProperty("extra").EnumerateArray().Select(e => e.GetString()).ToArray());
        CollectionAssert.AreEqual(new[] { odd }, report.GetProperty("differ").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.AreEqual(2, report.GetProperty("digests").GetArrayLength(), "two stations, two different schedules");
        JsonElement one = await a.GetFromJsonAsync<JsonElement>("/api/schedule?to=st/" + odd);
        Assert.AreEqual(2, one.GetProperty("intended").GetProperty("count").GetInt32(), "for the station alone both items are intended");
        Assert.AreEqual(0, one.GetProperty("differ").GetArrayLength());
        Assert.AreEqual(HttpStatusCode.NotFound, (await live.Http("commune-b").GetAsync("/api/schedule?to=" + group)).StatusCode);
        Assert.AreEqual(group, (await a.GetFromJsonAsync<JsonElement>("/api/schedule")).GetProperty("to").GetString(), "default: the token's scope");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task GetCommand_PlaySentWithoutWaiting_FollowedUntilAcceptedThenProofOfPlayPerStation(string database)
    {
        await using LiveServer live = await LiveServer.StartAsync(database: database);
        HttpClient a = live.Http("commune-a");
        string group = live.CommuneA.Scopes[0];

        JsonElement sent = await Send(a, group, "play", new { @class = "normal", duration = 4, lines = new[] { 0 }, source = 0 }, timeoutSeconds: 0);
        string id = sent.GetProperty("id").GetString()!;
        JsonElement status = default;
        await live.WaitAsync(async () => (status = await a.GetFromJsonAsync<JsonElement>("/api/commands/" + id)).GetProperty("accepted").GetInt32() == 2, "both members accepted, followed after the POST returned");
        foreach (string station in live.MembersOf(live.CommuneA))
        {
            await live.WaitAsync(async () => (await live.EventsAsync("commune-a", $"?station={station}&programme={id}")).Any(e => e.GetProperty("kind").GetString() == "ended"), $"{station} ended {id}");
        }

        JsonElement[] proof = (await a.GetFromJsonAsync<JsonElement[]>("/api/proof?programme=" + id))!;
        string csv = await a.GetStringAsync($"/api/proof?group={group[2..]}&programme={id}&format=csv");

        // Not waited for: only answers that came while the broker acknowledged the publish can be in the reply.
        Assert.AreEqual(2, sent.GetProperty("silent").GetInt32() + sent.GetProperty("accepted").GetInt32(), sent.ToString());
        Assert.AreEqual("play", status.GetProperty("command").GetString());
        Assert.AreEqual(0, status.GetProperty("pending").GetInt32());
        Assert.AreEqual(2, proof.Length);
        Assert.IsTrue(proof.All(p => p.GetProperty("started").GetInt32() == 1 && p.GetProperty("ended").GetInt32() == 1 && p.GetProperty("missed").GetInt32() == 0));
        // On air from the station's started to its ended (the relay sequence takes part of the 4 s).
        Assert.IsTrue(proof.All(p => p.GetProperty("onAirSeconds").GetDouble() is > 0 and <= 5), string.Join(" ", proof));
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.AreEqual("station,programme,class,started,ended,preempted,resumed,missed,missed_reasons,first_at_utc,last_at_utc,on_air_s", lines[0]);
        Assert.AreEqual(3, lines.Length, csv);
        Assert.AreEqual(HttpStatusCode.NotFound, (await live.Http("commune-b").GetAsync("/api/commands/" + id)).StatusCode, "another commune cannot follow it");
        Assert.AreEqual(0, (await live.Http("commune-b").GetFromJsonAsync<JsonElement[]>("/api/proof?programme=" + id))!.Length, "nor read its proof of play");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task GetFaultsHistory_StationReportsFaultThenClears_EpisodeShownToItsCommuneOnly(string database)
    {
        await using LiveServer live = await LiveServer.StartAsync(startStations: false, database: database);
        string station = live.MembersOf(live.CommuneA)[0];
        await using IMqttClient publisher = MqttClientFactory.Create();
        await publisher.ConnectAsync(live.Broker.CreateClientOptions("faulty"));
        foreach (string faults in new[] { "\"mains-lost\"", "\"mains-lost\",\"battery-low\"", string.Empty })
        {
            await publisher.PublishAsync($"{live.Fleet.Prefix}/st/{station}/health", Encoding.UTF8.GetBytes($"{{\"station\":\"{station}\",\"faults\":[{faults}]}}"), MqttQualityOfService.AtLeastOnce);
            await Task.Delay(50);
        }

        JsonElement[] history = Array.Empty<JsonElement>();
        await live.WaitAsync(async () => (history = (await live.Http("commune-a").GetFromJsonAsync<JsonElement[]>("/api/faults/history?from=1h"))!).Count(f => f.GetProperty("clearedUtcMs").ValueKind == JsonValueKind.Number) == 2, "both faults cleared");

        CollectionAssert.AreEqual(new[] { "mains-lost", "battery-low" }, history.Select(f => f.GetProperty("fault").GetString()).ToArray());
        Assert.IsTrue(history.All(f => f.GetProperty("station").GetString() == station));
        Assert.AreEqual(0, (await live.Http("commune-b").GetFromJsonAsync<JsonElement[]>("/api/faults/history"))!.Length);
        Assert.AreEqual(HttpStatusCode.NotFound, (await live.Http("commune-b").GetAsync("/api/faults/history?station=" + station)).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await live.Http("commune-a").GetAsync("/api/faults/history?from=yesterday")).StatusCode);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task KillAsync_MidBurstFromSimulatedStations_RestartedServerHasEveryResultAndEvent(string database)
    {
        const int Stations = 16;
        await using LiveServer live = await LiveServer.StartAsync(stations: Stations, database: database);
        string scope = live.Province.Scopes[0];

        // Sent without waiting; the server dies while the 16 results and the stations' events are on their way.
        string id = (await Send(live.Http("province"), scope, "play", new { @class = "normal", duration = 3, lines = new[] { 0 }, source = 0 }, timeoutSeconds: 0)).GetProperty("id").GetString()!;
        await live.Server.KillAsync();
        await Task.Delay(4000);
        await live.StartServerAsync();

        // Each fresh station numbers its events from 1 and ends the programme with ended or missed: stored, each
        // station's events of it are 1..n without a gap, ending so.
        List<JsonElement> events = new();
        await live.WaitAsync(
            async () => (events = await live.EventsAsync("national", "?programme=" + id)).Count(e => e.GetProperty("kind").GetString() is "ended" or "missed") == Stations,
            $"every station's last event of {id} stored after the restart",
            30);
        JsonElement status = await live.Http("province").GetFromJsonAsync<JsonElement>("/api/commands/" + id);

        Assert.AreEqual(Stations, status.GetProperty("accepted").GetInt32(), status.ToString());
        foreach (string station in live.Fleet.Stations.Select(s => s.Id))
        {
            List<JsonElement> mine = events.Where(e => e.GetProperty("station").GetString() == station).OrderBy(e => e.GetProperty("seq").GetInt64()).ToList();
            CollectionAssert.AreEqual(Enumerable.Range(1, mine.Count).Select(i => (long)i).ToList(), mine.Select(e => e.GetProperty("seq").GetInt64()).ToList(), station + ": " + string.Join(" ", mine));
            Assert.IsTrue(mine[^1].GetProperty("kind").GetString() is "ended" or "missed", station);
        }
    }

    private static JsonElement Station(JsonElement report, string station) =>
        report.GetProperty("stations").EnumerateArray().Single(s => s.GetProperty("station").GetString() == station);

    private static async Task<JsonElement> Send(HttpClient client, string to, string cmd, object args, int timeoutSeconds = 10)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync("/api/commands", new { to, cmd, args, timeoutSeconds });
        string body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
