using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Server.Tests.TestSupport;
using CommuneRadio.WebConsole.Tests.TestSupport;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.WebConsole.Tests;

/// <summary>
/// The province page with a province's 5,000 stations: the real console files from the server, with
/// <c>/api/stations?brief=true</c> answered by a synthetic fleet (running 5,000 simulated stations does not fit on
/// the test machine). Prints the size and times that docs/console.md records.
/// </summary>
[TestClass]
public sealed class ProvinceMapScaleTests
{
    private const int Stations = 5000;

    [TestMethod]
    [TestCategory("Slow")]
    public async Task ProvinceMap_FiveThousandStations_EveryOneDrawnAndCountedByState()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 2, startStations: false);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(Fleet(), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        IPage page = await Browser.PageAsync(live.Server.Address);
        int polls = 0;
        await page.RouteAsync("**/api/stations?brief=true", async route =>
        {
            polls++;
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", BodyBytes = body });
        });
        await ConsolePage.LogInAsync(page, live.Secret("province"));
        var watch = Stopwatch.StartNew();
        await page.Locator("svg circle").Nth(Stations - 1).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        long drawnMs = watch.ElapsedMilliseconds;

        await Assertions.Expect(page.GetByTestId("counts").Locator("[data-state=emergency]")).ToHaveAttributeAsync("data-count", "4500");
        await Assertions.Expect(page.GetByTestId("counts").Locator("[data-state=idle]")).ToHaveAttributeAsync("data-count", "500");
        await Assertions.Expect(page.GetByTestId("counts").Locator("[data-state=emergency] b")).ToHaveTextAsync("4.500");
        Assert.AreEqual(4500, await page.Locator("svg circle.emergency").CountAsync());
        Assert.AreEqual(0, await page.Locator("svg text.commune").CountAsync(), "100 communes: no names over the map");

        int before = polls;
        await page.WaitForTimeoutAsync(12_000);
        Assert.IsTrue(polls - before is >= 1 and <= 2, $"{polls - before} polls in 12 s: every 10 s at this size");
        Console.WriteLine($"{Stations} stations: /api/stations?brief=true {body.Length / 1048576.0:F2} MiB, first map drawn in {drawnMs} ms after log-in");
    }

    private static List<object> Fleet()
    {
        var random = new Random(1);
        var fleet = new List<object>();
        for (int i = 0; i < Stations; i++)
        {
            string commune = "xa-" + (i / 50).ToString("000", CultureInfo.InvariantCulture);
            bool emergency = i % 10 != 0;
            fleet.Add(new
            {
                station = "ht-" + i.ToString("0000", CultureInfo.InvariantCulture), commune, province = "ha-tinh", online = true,
                lastSeenUtcMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), faults = Array.Empty<string>(), health = (object?)null, config = (object?)null,
                name = "Cụm loa thôn " + i.ToString(CultureInfo.InvariantCulture), lat = 18.0 + random.NextDouble() * 0.6, lon = 105.5 + random.NextDouble() * 0.8,
                board = "relay8", groups = new[] { "vn", "prov.ha-tinh", "com.ha-tinh." + commune }, firmware = "0.1.0", lines = 4, amplifiers = 2,
                onAir = emergency ? new { programme = "c-em", @class = "emergency", since = 1763850602000L, until = 1763852400000L } : null,
            });
        }

        return fleet;
    }
}
