using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Server.Tests.TestSupport;
using CommuneRadio.WebConsole.Tests.TestSupport;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.WebConsole.Tests;

[TestClass]
public sealed class LogInTests
{
    [TestMethod]
    public async Task LogIn_CommuneTokenOnAPhone_VietnameseProgrammeThenEnglishOnTheSwitch()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 4, startStations: false);
        IPage page = await Browser.PageAsync(live.Server.Address, Browser.Phone);

        await page.GotoAsync("/");
        Assert.AreEqual("Đăng nhập", await page.Locator("h1").InnerTextAsync(), "Vietnamese by default");
        await page.GetByTestId("token").FillAsync("crt_not-a-token");
        await page.GetByTestId("login").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Mã truy cập không đúng.");
        await Browser.ScreenshotAsync(page, "login-phone");

        await ConsolePage.LogInAsync(page, live.Secret("commune-a"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lịch phát sóng tuần");
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("commune-a · Cán bộ xã");
        CollectionAssert.AreEqual(new[] { "tab-programme", "tab-stations", "tab-proof", "tab-me" }, await TabsAsync(page), "a commune operator has no map");
        await ConsolePage.AssertFitsAsync(page);

        await page.GetByTestId("lang").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This week's programme");
        Assert.AreEqual("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This week's programme", new() { Timeout = 10_000 });

        await page.GetByText("Log out").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Log in");
        Assert.IsNull(await page.EvaluateAsync<string?>("sessionStorage.getItem('cr.token')"), "the token leaves the tab at log-out");
    }

    [TestMethod]
    public async Task Dictionaries_VietnameseAndEnglish_HoldTheSameKeysAndEveryPageStringIsInThem()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 2, startStations: false);
        IPage page = await Browser.PageAsync(live.Server.Address);
        await page.GotoAsync("/");
        JsonElement keys = await page.EvaluateAsync<JsonElement>("import('/console/i18n.js').then(m => [Object.keys(m.dictionaries.vi), Object.keys(m.dictionaries.en)])");
        List<string> vi = keys[0].EnumerateArray().Select(k => k.GetString()!).ToList();
        List<string> en = keys[1].EnumerateArray().Select(k => k.GetString()!).ToList();
        CollectionAssert.AreEquivalent(vi, en, "vi only: " + string.Join(", ", vi.Except(en)) + "; en only: " + string.Join(", ", en.Except(vi)));
        Assert.IsTrue(vi.Count > 100);

        // Every t("…") key the scripts use is in the dictionaries (a typo would show the key to the operator).
        foreach (string file in CommuneRadio.Server.WebConsole.ConsoleAssets.Files.Where(f => f.EndsWith(".js", System.StringComparison.Ordinal) && f != "i18n.js"))
        {
            string source = await page.EvaluateAsync<string>($"fetch('/console/{file}').then(r => r.text())");
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(source, "\\bt\\(\"([a-zA-Z.]+)\"\\s*[,)]"))
            {
                CollectionAssert.Contains(vi, m.Groups[1].Value, $"{file} uses t(\"{m.Groups[1].Value}\")");
            }
        }
    }

    private static async Task<string[]> TabsAsync(IPage page) =>
        (await page.Locator("#tabs a").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.testid)"));
}
