using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Server.Tests.TestSupport;
using CommuneRadio.Server.WebConsole;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.WebConsole;

/// <summary>The console's files served by the fleet server, and <c>GET /api/me</c> behind the log-in.</summary>
[TestClass]
public sealed class ConsoleAssetsTests
{
    [TestMethod]
    public async Task Get_ConsoleFiles_ServedWithTypeSecurityPolicyAndRevalidation()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 2, startStations: false);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = live.Server.Address };
        HttpResponseMessage root = await noRedirect.GetAsync("/");
        Assert.AreEqual(HttpStatusCode.Redirect, root.StatusCode);
        Assert.AreEqual("/console/", root.Headers.Location!.OriginalString);

        Assert.AreEqual("/console/", (await noRedirect.GetAsync("/console")).Headers.Location!.OriginalString, "relative links need the slash");
        HttpResponseMessage index = await noRedirect.GetAsync("/console/");
        Assert.AreEqual(HttpStatusCode.OK, index.StatusCode);
        Assert.AreEqual("text/html", index.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(await index.Content.ReadAsStringAsync(), "<script type=\"module\" src=\"app.js\">");
        Assert.AreEqual(ConsoleAssets.SecurityPolicy, index.Headers.GetValues("Content-Security-Policy").Single());

        HttpResponseMessage script = await noRedirect.GetAsync("/console/app.js");
        Assert.AreEqual("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("no-cache", script.Headers.CacheControl!.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag!.Tag);
        Assert.AreEqual(HttpStatusCode.NotModified, (await noRedirect.SendAsync(again)).StatusCode);

        Assert.AreEqual(HttpStatusCode.NotFound, (await noRedirect.GetAsync("/console/nope.js")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await noRedirect.GetAsync("/console/..%2FCommuneRadio.Server.dll")).StatusCode);
        CollectionAssert.IsSubsetOf(new[] { "index.html", "app.js", "api.js", "i18n.js", "util.js", "console.css" }, ConsoleAssets.Files.ToList());
    }

    [TestMethod]
    public async Task GetMe_EachRole_NameRoleScopeCommandsAndCoveredGroups()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 4, startStations: false);
        JsonElement commune = await live.Http("commune-a").GetFromJsonAsync<JsonElement>("/api/me");
        Assert.AreEqual("commune-a", commune.GetProperty("name").GetString());
        Assert.AreEqual("commune", commune.GetProperty("role").GetString());
        Assert.AreEqual(live.CommuneA.Name, commune.GetProperty("scope").GetString());
        Assert.AreEqual(live.MembersOf(live.CommuneA).Count, commune.GetProperty("stations").GetInt32());
        Assert.AreEqual(4, commune.GetProperty("lines").GetInt32(), "the generator's relay8 boards: 4 lines");
        Assert.AreEqual(2, commune.GetProperty("sources").GetInt32());
        CollectionAssert.AreEqual(
            new[] { "schedule.add", "schedule.replace", "schedule.remove", "schedule.sync", "play", "stop", "status" },
            commune.GetProperty("commands").EnumerateArray().Select(c => c.GetString()).ToArray());
        CollectionAssert.Contains(commune.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).ToList(), live.CommuneA.Name);
        CollectionAssert.DoesNotContain(commune.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).ToList(), live.Province.Name, "a commune does not cover the province");

        JsonElement province = await live.Http("province").GetFromJsonAsync<JsonElement>("/api/me");
        var groups = province.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).ToList();
        CollectionAssert.IsSubsetOf(new[] { live.Province.Name, live.CommuneA.Name, live.CommuneB.Name }, groups);
        CollectionAssert.Contains(province.GetProperty("commands").EnumerateArray().Select(c => c.GetString()).ToList(), "emergency.start");
        CollectionAssert.DoesNotContain(province.GetProperty("commands").EnumerateArray().Select(c => c.GetString()).ToList(), "update.begin", "updates are pushed by radioctl, not the console");
        Assert.AreEqual(4, province.GetProperty("stations").GetInt32());

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await live.Http(null).GetAsync("/api/me")).StatusCode);
    }
}
