using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Server.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Integration;

/// <summary>What the console sends before saving: the Core's check through the server, overlaps, and the week's calendar.</summary>
[TestClass]
public sealed class ConsoleApiTests
{
    private static object Weekly(string id, string time, int duration, string[]? days = null) =>
        new { id, kind = "weekly", days = days ?? new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }, time, duration, @class = "normal", lines = new[] { 0 }, source = 0 };

    [TestMethod]
    public async Task Check_BadTimeOrLine_RefusedByTheCoreWithFieldAndNothingSent()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 4);
        HttpClient a = live.Http("commune-a");
        string group = live.CommuneA.Scopes[0];

        HttpResponseMessage check = await a.PostAsJsonAsync("/api/commands/check", new { to = group, cmd = "schedule.add", args = new { item = Weekly("news", "25:00", 600) } });
        Assert.AreEqual(HttpStatusCode.BadRequest, check.StatusCode);
        JsonElement refusal = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("invalid-time", refusal.GetProperty("error").GetString());
        Assert.AreEqual("args.item.time", refusal.GetProperty("field").GetString());
        CollectionAssert.Contains(live.MembersOf(live.CommuneA), refusal.GetProperty("station").GetString());

        // Sending it is refused the same way, before anything is published: no station records a result.
        HttpResponseMessage send = await a.PostAsJsonAsync("/api/commands", new { to = group, cmd = "play", args = new { @class = "normal", duration = 60, lines = new[] { 9 }, source = 0 } });
        Assert.AreEqual(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.AreEqual("invalid-lines", (await send.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        JsonElement audit = (await live.Http("national").GetFromJsonAsync<JsonElement>("/api/audit"))[0];
        Assert.AreEqual("refused: invalid-lines", audit.GetProperty("outcome").GetString());
        Assert.AreEqual(string.Empty, audit.GetProperty("commandId").GetString(), "never sent, so no command id");

        // Role and scope are checked as for sending.
        Assert.AreEqual(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync("/api/commands/check", new { to = group, cmd = "emergency.start", args = new { duration = 60, lines = new[] { 0 }, source = 0 } })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync("/api/commands/check", new { to = live.CommuneB.Scopes[0], cmd = "status", args = new { } })).StatusCode);
    }

    [TestMethod]
    public async Task CheckAndWeek_OverlappingItem_ConflictShownBeforeSavingAndOnTheCalendar()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 4);
        HttpClient a = live.Http("commune-a");
        string group = live.CommuneA.Scopes[0];
        HttpResponseMessage sent = await a.PostAsJsonAsync("/api/commands", new { to = group, cmd = "schedule.add", args = new { item = Weekly("news", "05:30", 1800) } });
        Assert.AreEqual(2, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

        JsonElement ok = await (await a.PostAsJsonAsync("/api/commands/check", new { to = group, cmd = "schedule.add", args = new { item = Weekly("evening", "19:00", 600) } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(0, ok.GetProperty("conflicts").GetArrayLength());
        Assert.AreEqual(2, ok.GetProperty("stations").GetInt32());
        Assert.AreEqual(live.CommuneA.Name, ok.GetProperty("issuer").GetString());

        JsonElement clash = await (await a.PostAsJsonAsync("/api/commands/check", new { to = group, cmd = "schedule.add", args = new { item = Weekly("notice", "05:45", 600, new[] { "wed" }) } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsTrue(clash.GetProperty("conflicts").GetArrayLength() >= 4, "every Wednesday of the next 28 days: " + clash);
        Assert.IsTrue(clash.GetProperty("conflicts").EnumerateArray().All(c => c.GetProperty("conflicts").EnumerateArray().Single().GetString() == "news"));

        JsonElement week = await a.GetFromJsonAsync<JsonElement>("/api/schedule/week?to=" + group + "&from=2030-01-07");
        Assert.AreEqual("2030-01-07", week.GetProperty("from").GetString());
        Assert.AreEqual(7, week.GetProperty("occurrences").EnumerateArray().Count(o => o.GetProperty("id").GetString() == "news"));
        Assert.AreEqual("news", week.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.AreEqual(HttpStatusCode.BadRequest, (await a.GetAsync("/api/schedule/week?from=07/01/2030")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await live.Http("commune-b").GetAsync("/api/schedule/week?to=" + group)).StatusCode);
    }

    [TestMethod]
    public async Task EmergencyStart_ProvinceTokenToOneCommune_SignedByAnIssuerWithTheEmergencyRightAndAccepted()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 4);
        string commune = live.CommuneA.Scopes[0];
        HttpResponseMessage response = await live.Http("province").PostAsJsonAsync("/api/emergency/start", new { scope = commune, durationSeconds = 30, lines = new[] { 0 }, source = 0 });
        JsonElement outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, outcome.ToString());
        // The commune's own key (lowest level naming the target) has no emergency right; the stations would refuse it.
        Assert.AreNotEqual(live.CommuneA.Name, outcome.GetProperty("issuer").GetString());
        Assert.AreEqual(live.MembersOf(live.CommuneA).Count, outcome.GetProperty("accepted").GetInt32(), outcome.ToString());

        // A normal play to the same commune is still signed with the commune's key.
        JsonElement play = await (await live.Http("province").PostAsJsonAsync("/api/commands", new { to = commune, cmd = "status", args = new { } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(live.CommuneA.Name, play.GetProperty("issuer").GetString());
        await live.Http("province").PostAsJsonAsync("/api/emergency/stop", new { scope = commune });
    }

    [TestMethod]
    public async Task Stations_BriefDuringAPlay_OnAirWithoutHealthOrConfig()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 2);
        HttpClient a = live.Http("commune-a");
        HttpResponseMessage play = await a.PostAsJsonAsync("/api/commands", new { to = live.CommuneA.Scopes[0], cmd = "play", args = new { @class = "priority", duration = 30, lines = new[] { 0 }, source = 0 } });
        string id = (await play.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        JsonElement brief = default;
        await live.WaitAsync(async () => (brief = (await a.GetFromJsonAsync<JsonElement>("/api/stations?brief=true"))[0]).GetProperty("onAir").ValueKind == JsonValueKind.Object, "the play in the station's health");

        Assert.AreEqual(id, brief.GetProperty("onAir").GetProperty("programme").GetString());
        Assert.AreEqual("priority", brief.GetProperty("onAir").GetProperty("class").GetString());
        Assert.AreEqual(JsonValueKind.Null, brief.GetProperty("health").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, brief.GetProperty("config").ValueKind);
        Assert.AreEqual(4, brief.GetProperty("lines").GetInt32());
        JsonElement full = (await a.GetFromJsonAsync<JsonElement>("/api/stations"))[0];
        Assert.AreEqual(JsonValueKind.Object, full.GetProperty("health").ValueKind);
        Assert.AreEqual(id, full.GetProperty("onAir").GetProperty("programme").GetString());
        await a.PostAsJsonAsync("/api/commands", new { to = live.CommuneA.Scopes[0], cmd = "stop", args = new { } });
    }
}
