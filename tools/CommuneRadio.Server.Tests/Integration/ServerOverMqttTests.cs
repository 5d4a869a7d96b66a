using System;
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

/// <summary>The fleet server against simulated stations on a real Mosquitto on 127.0.0.1, on each database.</summary>
[TestClass]
public sealed class ServerOverMqttTests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task PostCommand_PlayWithCommuneToken_AcceptedEventsStoredAndAudited(string database)
    {
        await using LiveServer live = await LiveServer.StartAsync(database: database);
        string group = live.CommuneA.Scopes[0];

        HttpResponseMessage response = await live.Http("commune-a").PostAsJsonAsync("/api/commands", new { to = group, cmd = "play", args = new { @class = "normal", duration = 4, lines = new[] { 0 }, source = 0 } });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        JsonElement outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        string id = outcome.GetProperty("id").GetString()!;
        Assert.AreEqual(2, outcome.GetProperty("accepted").GetInt32());
        Assert.AreEqual(live.CommuneA.Name, outcome.GetProperty("issuer").GetString());
        foreach (string station in live.MembersOf(live.CommuneA))
        {
            await live.WaitAsync(async () => (await live.EventsAsync("commune-a", "?station=" + station)).Any(e => e.GetProperty("programme").GetString() == id && e.GetProperty("kind").GetString() == "ended"), $"{station}: started and ended of {id} stored");
        }

        JsonElement[] results = (await live.Http("commune-a").GetFromJsonAsync<JsonElement[]>($"/api/commands/{id}/results"))!;
        Assert.AreEqual(2, results.Count(r => r.GetProperty("result").GetString() == "accepted"));
        Assert.AreEqual(4, (await live.EventsAsync("commune-a", "?programme=" + id)).Count);
        string csv = await live.Http("commune-a").GetStringAsync("/api/events?format=csv");
        StringAssert.StartsWith(csv, "station,seq,kind,programme");
        Assert.AreEqual(4, csv.Split('\n').Count(l => l.Contains(id, StringComparison.Ordinal)), csv);
        JsonElement audit = (await live.Http("national").GetFromJsonAsync<JsonElement[]>("/api/audit"))!.Single(a => a.GetProperty("commandId").GetString() == id);
        Assert.AreEqual("commune-a", audit.GetProperty("token").GetString());
        Assert.AreEqual("sent: 2 accepted, 0 refused, 0 silent", audit.GetProperty("outcome").GetString());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task CommuneToken_OtherCommunesStations_CannotReadOrCommandThem(string database)
    {
        await using LiveServer live = await LiveServer.StartAsync(database: database);
        string other = live.MembersOf(live.CommuneB)[0];
        HttpClient a = live.Http("commune-a");

        CollectionAssert.AreEquivalent(live.MembersOf(live.CommuneA), (await live.StationsAsync("commune-a")).Select(s => s.GetProperty("station").GetString()).ToList());
        Assert.AreEqual(HttpStatusCode.NotFound, (await a.GetAsync("/api/stations/" + other)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await a.GetAsync("/api/events?station=" + other)).StatusCode);
        HttpResponseMessage command = await a.PostAsJsonAsync("/api/commands", new { to = live.CommuneB.Scopes[0], cmd = "stop", args = new { } });
        HttpResponseMessage direct = await a.PostAsJsonAsync("/api/commands", new { to = "st/" + other, cmd = "stop", args = new { } });
        HttpResponseMessage emergency = await a.PostAsJsonAsync("/api/emergency/start", new { scope = live.CommuneA.Scopes[0], durationSeconds = 60 });
        HttpResponseMessage anonymous = await live.Http(null).GetAsync("/api/stations");

        Assert.AreEqual(HttpStatusCode.Forbidden, command.StatusCode);
        Assert.AreEqual("out-of-scope", (await command.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.AreEqual(HttpStatusCode.Forbidden, direct.StatusCode);
        Assert.AreEqual("not-allowed", (await emergency.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.IsTrue(live.Stations.Stations.All(s => s.Endpoint.Core.Counters.Accepted == 0 && s.Endpoint.Core.Counters.Refused == 0), "nothing reached any station");
        JsonElement[] audit = (await live.Http("national").GetFromJsonAsync<JsonElement[]>("/api/audit"))!;
        Assert.AreEqual(3, audit.Count(r => r.GetProperty("token").GetString() == "commune-a" && r.GetProperty("outcome").GetString()!.StartsWith("refused: ", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task PostEmergency_ProvinceTokenStartThenStop_EveryMemberAcceptsAndPlaysIt(string database)
    {
        await using LiveServer live = await LiveServer.StartAsync(database: database);
        HttpClient province = live.Http("province");
        string scope = live.Province.Scopes[0];

        HttpResponseMessage start = await province.PostAsJsonAsync("/api/emergency/start", new { scope, durationSeconds = 60, lines = new[] { 0, 1 }, source = 1 });
        JsonElement started = await start.Content.ReadFromJsonAsync<JsonElement>();
        string id = started.GetProperty("id").GetString()!;
        await live.WaitAsync(async () => (await live.EventsAsync("province")).Count(e => e.GetProperty("programme").GetString() == id && e.GetProperty("kind").GetString() == "started") == 4, "emergency started on all 4");
        HttpResponseMessage stop = await province.PostAsJsonAsync("/api/emergency/stop", new { scope });
        HttpResponseMessage badLines = await province.PostAsJsonAsync("/api/emergency/start", new { scope, lines = new[] { 40 } });
        HttpResponseMessage notJson = await province.PostAsync("/api/emergency/start", new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.AreEqual(4, started.GetProperty("accepted").GetInt32(), started.ToString());
        Assert.AreEqual(4, (await stop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        await live.WaitAsync(async () => (await live.EventsAsync("province")).Count(e => e.GetProperty("programme").GetString() == id && e.GetProperty("kind").GetString() == "ended") == 4, "emergency ended on all 4");
        Assert.AreEqual(HttpStatusCode.BadRequest, badLines.StatusCode);
        Assert.AreEqual("invalid-lines", (await badLines.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.AreEqual(HttpStatusCode.BadRequest, notJson.StatusCode);
        StringAssert.Contains(notJson.Content.Headers.ContentType?.MediaType, "json");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task KillAsync_MidBurstOfEvents_RestartedServerHasEveryEventTheBrokerDelivered(string database)
    {
        const int Burst = 3000;
        await using LiveServer live = await LiveServer.StartAsync(startStations: false, database: database);
        await using IMqttClient publisher = MqttClientFactory.Create();
        await publisher.ConnectAsync(live.Broker.CreateClientOptions("burst"));

        for (int i = 1; i <= Burst; i++)
        {
            if (i == Burst / 3)
            {
                await live.Server.KillAsync();
            }

            string station = "burst-" + (i % 50).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            string json = $"{{\"station\":\"{station}\",\"seq\":{i},\"kind\":\"started\",\"programme\":\"p\",\"occurrence\":0,\"class\":\"normal\",\"reason\":\"none\",\"at\":{1_000_000 + i},\"mono\":{i},\"clock\":true,\"dropped\":0}}";
            await publisher.PublishAsync(live.Fleet.Prefix + "/st/" + station + "/event", Encoding.UTF8.GetBytes(json), MqttQualityOfService.AtLeastOnce);
        }

        await live.StartServerAsync();

        // The restarted server got what the broker kept in its session while it was dead.
        await live.WaitAsync(() => Task.FromResult(live.Server.Buffer.Written > 0), "messages redelivered to the restarted server");
        await live.WaitAsync(async () => (await live.EventsAsync("national")).Count >= Burst, $"all {Burst} events stored after the restart", 60);
        var events = await live.EventsAsync("national");
        Assert.AreEqual(Burst, events.Count);
        CollectionAssert.AreEquivalent(Enumerable.Range(1, Burst).Select(i => (long)i).ToList(), events.Select(e => e.GetProperty("seq").GetInt64()).ToList());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task KillAsync_WhileSimulatedStationsAnswerAndPlay_RestartedServerHasEveryResultAndEventOnce(string database)
    {
        const int Stations = 12;
        await using LiveServer live = await LiveServer.StartAsync(stations: Stations, database: database);
        await using IMqttClient operatorClient = MqttClientFactory.Create();
        await operatorClient.ConnectAsync(live.Broker.CreateClientOptions("province-operator"));
        var issuer = new CommuneRadio.Host.Commands.CommandIssuer(live.Fleet, live.Province);
        string[] members = live.Fleet.Stations.Select(s => s.Id).ToArray();

        // A province-wide play, then a status to every station one by one: the server dies while the first answers come in.
        // Six seconds of play: the relay sequence (amplifier warm-up before the lines) needs its time on a loaded machine.
        var play = issuer.Create(live.Province.Scopes[0], "play", "{\"class\":\"normal\",\"duration\":6,\"lines\":[0],\"source\":0}");
        await operatorClient.PublishAsync(play.Topic, play.Payload, MqttQualityOfService.AtLeastOnce);
        await live.Server.KillAsync();
        var statuses = members.Select(m => issuer.Create("st/" + m, "status", "{}")).ToList();
        foreach (var status in statuses)
        {
            await operatorClient.PublishAsync(status.Topic, status.Payload, MqttQualityOfService.AtLeastOnce);
        }

        // Let every station play to the end with nobody storing, then bring the server back.
        await Task.Delay(System.TimeSpan.FromSeconds(8));
        await live.StartServerAsync();

        var events = await live.EventsAsync("national", "?programme=" + play.Id);
        for (int wait = 0; wait < 300 && events.Count < 2 * Stations; wait++)
        {
            await Task.Delay(100);
            events = await live.EventsAsync("national", "?programme=" + play.Id);
        }

        Assert.HasCount(2 * Stations, events, string.Join(", ", events.Select(e => e.GetProperty("station").GetString() + " " + e.GetProperty("kind").GetString() + " " + e.GetProperty("reason").GetString())));
        JsonElement[] playResults = (await live.Http("national").GetFromJsonAsync<JsonElement[]>($"/api/commands/{play.Id}/results"))!;
        CollectionAssert.AreEquivalent(members, playResults.Select(r => r.GetProperty("station").GetString()).ToArray());
        Assert.IsTrue(playResults.All(r => r.GetProperty("result").GetString() == "accepted"));
        foreach (var status in statuses)
        {
            await live.WaitAsync(async () => (await live.Http("national").GetFromJsonAsync<JsonElement[]>($"/api/commands/{status.Id}/results"))!.Length == 1, $"the result of {status.Id}", 30);
        }

        foreach (string member in members)
        {
            CollectionAssert.AreEquivalent(
                new[] { "started", "ended" },
                events.Where(e => e.GetProperty("station").GetString() == member).Select(e => e.GetProperty("kind").GetString()).ToArray(),
                member);
        }
    }
}
