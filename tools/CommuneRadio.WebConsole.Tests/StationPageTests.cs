using System.Linq;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Server.Tests.TestSupport;
using CommuneRadio.WebConsole.Tests.TestSupport;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.WebConsole.Tests;

/// <summary>The engineer's station page: what the station reports, and the self-test line by line.</summary>
[TestClass]
public sealed class StationPageTests
{
    [TestMethod]
    public async Task StationPage_SelfTest_ReportsFirmwareConfigRelaysAndEachLinesOutcome()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 2);
        string id = live.MembersOf(live.CommuneA)[0];
        JsonElement view = await live.Http("district-a").GetFromJsonAsync<JsonElement>("/api/stations/" + id);
        string firmware = view.GetProperty("firmware").GetString()!;
        Assert.IsFalse(string.IsNullOrEmpty(firmware), "the state message's fw is stored: " + view);

        IPage page = await Browser.PageAsync(live.Server.Address, Browser.Phone);
        // The engineer's own role: stations, proof of play and the account, no programme or map.
        await ConsolePage.LogInAsync(page, live.Secret("district-a"));
        await Assertions.Expect(page.Locator("#tabs a")).ToHaveCountAsync(3);
        await ConsolePage.AssertFitsAsync(page);
        await page.GetByTestId("stations").Locator($"tr[data-station='{id}'] a").ClickAsync();
        await Assertions.Expect(page.GetByTestId("firmware")).ToContainTextAsync(firmware);
        await Assertions.Expect(page.GetByTestId("update-state")).ToContainTextAsync("cụm loa không báo");
        await Assertions.Expect(page.GetByTestId("config-valid")).ToContainTextAsync("Cấu hình hợp lệ", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("line-3")).ToContainTextAsync("tắt");
        await Assertions.Expect(page.GetByTestId("faults-now")).ToHaveTextAsync("không có");

        await page.GetByTestId("selftest-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("selftest-result")).ToContainTextAsync("Đang kiểm tra");
        ILocator lines = page.GetByTestId("selftest-lines").Locator("tr");
        await Assertions.Expect(lines).ToHaveCountAsync(4);
        // Each line plays 3 s with about 2 s of relay sequencing between lines (radioctl selftest).
        await Assertions.Expect(page.GetByTestId("selftest-result")).ToHaveTextAsync("Tự kiểm tra: 4/4", new() { Timeout = 60_000 });
        Assert.AreEqual(4, await page.GetByTestId("selftest-lines").Locator("tr[data-outcome=ok]").CountAsync());
        await Assertions.Expect(lines.First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("tốt, [3-9]\\.[0-9] s"));
        await ConsolePage.AssertFitsAsync(page);
        await Browser.ScreenshotAsync(page, "station-selftest-phone");
    }
}
