using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Server.Tests.TestSupport;
using CommuneRadio.WebConsole.Tests.TestSupport;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.WebConsole.Tests;

/// <summary>The province map and the emergency: confirmation, live progress, the map turning and turning back.</summary>
[TestClass]
public sealed class EmergencyTests
{
    private const int Stations = 8;

    /// <summary>Places the generated stations around Hà Tĩnh, each commune in its own area, as an inventory with lat/lon would.</summary>
    internal static void Place(FleetFile fleet)
    {
        string firstCommune = fleet.Stations[0].Groups[^1];
        for (int i = 0; i < fleet.Stations.Count; i++)
        {
            FleetStation s = fleet.Stations[i];
            bool first = s.Groups[^1] == firstCommune;
            // A golden-ratio spread: deterministic, evenly scattered within each commune's area.
            double u = (i * 0.618034) % 1.0, v = (i * 0.381966 + 0.2) % 1.0;
            s.Lat = (first ? 18.36 : 18.28) + u * 0.07;
            s.Lon = (first ? 105.82 : 105.92) + v * 0.09;
            s.Name = "Cụm loa thôn " + (i + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    [TestMethod]
    public async Task Emergency_ProvinceThenStop_ConfirmedProgressCountsTheSpeakersAndTheMapTurnsAndBack()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: Stations, configure: Place);
        // One station goes dark before the emergency: the progress names it as silent.
        string dark = live.MembersOf(live.CommuneB).Last();
        await live.Stations[dark].KillAsync();
        await live.WaitAsync(async () => (await live.StationsAsync("province")).Single(s => s.GetProperty("station").GetString() == dark).GetProperty("online").ValueKind == JsonValueKind.False, "the dark station's will reached the server", 30);

        IPage page = await Browser.PageAsync(live.Server.Address);
        await ConsolePage.LogInAsync(page, live.Secret("province"));
        ILocator map = page.GetByTestId("map");
        await Assertions.Expect(map.Locator("circle")).ToHaveCountAsync(Stations);
        await Assertions.Expect(page.GetByTestId("counts").Locator("[data-state=idle]")).ToHaveAttributeAsync("data-count", (Stations - 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("counts").Locator("[data-state=offline]")).ToHaveAttributeAsync("data-count", "1");

        // A commune's emergency turns only its stations.
        await page.GetByTestId("em-scope").SelectOptionAsync("g/" + live.CommuneA.Name);
        await page.GetByTestId("em-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("em-confirm-text")).ToContainTextAsync($"{live.MembersOf(live.CommuneA).Count} cụm loa của {live.CommuneA.Name}");
        await page.GetByTestId("em-confirm").GetByText("Huỷ").ClickAsync();
        Assert.AreEqual(0, await page.GetByTestId("em-on").CountAsync(), "cancelled: nothing sent");
        await page.GetByTestId("em-start").ClickAsync();
        await page.GetByTestId("em-confirm-yes").ClickAsync();
        foreach (string s in live.MembersOf(live.CommuneA))
        {
            await Assertions.Expect(map.Locator($"circle[data-station='{s}']")).ToHaveAttributeAsync("data-state", "emergency", new() { Timeout = 30_000 });
        }

        await Assertions.Expect(page.GetByTestId("em-on")).ToHaveAttributeAsync("data-on", live.MembersOf(live.CommuneA).Count.ToString(CultureInfo.InvariantCulture));
        Assert.AreEqual(0, await map.Locator("circle[data-state=emergency]").CountAsync() - live.MembersOf(live.CommuneA).Count, "commune B is not in the emergency");
        await page.GetByTestId("em-stop").ClickAsync();
        await page.GetByTestId("em-confirm-yes").ClickAsync();
        await Assertions.Expect(map.Locator("circle[data-state=emergency]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        // The province: every live station on the speakers, the dark one named.
        await page.GetByTestId("em-scope").SelectOptionAsync("g/" + live.Province.Name);
        await page.GetByTestId("em-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("em-confirm-text")).ToContainTextAsync($"{Stations} cụm loa của {live.Province.Name}");
        await Browser.ScreenshotAsync(page, "emergency-confirm");
        await page.GetByTestId("em-confirm-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("em-on")).ToHaveTextAsync($"{Stations - 1} / {Stations} cụm loa đang phát", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("em-silent")).ToHaveTextAsync($"1 không trả lời: {dark}");
        await Assertions.Expect(map.Locator("circle[data-state=emergency]")).ToHaveCountAsync(Stations - 1);
        await Assertions.Expect(page.GetByTestId("counts").Locator("[data-state=emergency]")).ToHaveAttributeAsync("data-count", (Stations - 1).ToString(CultureInfo.InvariantCulture));
        await Browser.ScreenshotAsync(page, "emergency-progress");

        await page.GetByTestId("lang").ClickAsync();
        await Assertions.Expect(page.GetByTestId("em-on")).ToHaveTextAsync($"{Stations - 1} of {Stations} on the speakers", new() { Timeout = 10_000 });
        await page.GetByTestId("lang").ClickAsync();

        await page.GetByTestId("em-stop").ClickAsync();
        await page.GetByTestId("em-confirm-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveAttributeAsync("data-accepted", (Stations - 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(map.Locator("circle[data-state=idle]")).ToHaveCountAsync(Stations - 1, new() { Timeout = 30_000 });
    }
}
