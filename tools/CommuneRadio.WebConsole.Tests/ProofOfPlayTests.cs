using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Server.Api;
using CommuneRadio.Server.Tests.TestSupport;
using CommuneRadio.WebConsole.Tests.TestSupport;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.WebConsole.Tests;

/// <summary>Play now, on air now, stop, and the proof of play of it exported as CSV.</summary>
[TestClass]
public sealed class ProofOfPlayTests
{
    [TestMethod]
    public async Task PlayStopThenExport_CommuneOperator_OnAirShownAndTheCsvHasEveryStationsPlay()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 4);
        var members = live.MembersOf(live.CommuneA);
        // One station's line 2 relay refuses to switch: it plays on the other lines and reports relay-fault.
        string faulty = members[1];
        live.Stations[faulty].Board.FailOutput(CommuneRadio.Core.Relays.RelayRole.Line, 2);
        IPage page = await Browser.PageAsync(live.Server.Address, Browser.Phone);
        await ConsolePage.LogInAsync(page, live.Secret("commune-a"));

        await page.Locator("#play-minutes").FillAsync("2");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("play-result").GetByTestId("outcome")).ToHaveAttributeAsync("data-accepted", members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (string station in members)
        {
            await Assertions.Expect(page.GetByTestId("on-air").Locator($"[data-station='{station}']")).ToContainTextAsync("Thông thường", new() { Timeout = 30_000 });
        }

        await Assertions.Expect(page.GetByTestId("trouble").Locator($"[data-station='{faulty}']")).ToContainTextAsync("Lỗi rơ-le", new() { Timeout = 30_000 });
        await ConsolePage.AssertFitsAsync(page);
        await Browser.ScreenshotAsync(page, "play-on-air-phone");
        await page.GetByTestId("stop").ClickAsync();
        await Assertions.Expect(page.GetByTestId("on-air")).ToContainTextAsync("Không cụm loa nào đang phát.", new() { Timeout = 30_000 });

        await page.GetByTestId("tab-proof").ClickAsync();
        foreach (string station in members)
        {
            await Assertions.Expect(page.GetByTestId("proof").Locator($"tr[data-station='{station}']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        }

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("proof-csv").ClickAsync());
        string path = Path.Combine(Path.GetTempPath(), "cr-proof-" + System.Guid.NewGuid().ToString("N") + ".csv");
        await download.SaveAsAsync(path);
        string[] lines = File.ReadAllLines(path);
        File.Delete(path);
        StringAssert.StartsWith(download.SuggestedFilename, "proof-" + live.CommuneA.Name);
        Assert.AreEqual(ProofReport.CsvHeader, lines[0]);
        Assert.AreEqual(members.Count, lines.Length - 1, string.Join("\n", lines));
        foreach (string station in members)
        {
            // station,programme,class,started,ended,preempted,resumed,missed,…: started once and ended (stopped) once.
            string[] row = lines.Single(l => l.StartsWith(station + ",", System.StringComparison.Ordinal)).Split(',');
            Assert.AreEqual("normal", row[2]);
            Assert.AreEqual("1", row[3], "started");
            Assert.AreEqual("1", row[4], "ended");
        }

        await ConsolePage.AssertFitsAsync(page);
        await Browser.ScreenshotAsync(page, "proof-phone");

        // A station that goes dark is listed as offline, with when it was last heard.
        await live.Stations[members[0]].KillAsync();
        await page.GetByTestId("tab-programme").ClickAsync();
        await Assertions.Expect(page.GetByTestId("trouble").Locator($"[data-station='{members[0]}']")).ToContainTextAsync("Mất kết nối", new() { Timeout = 30_000 });
    }
}
