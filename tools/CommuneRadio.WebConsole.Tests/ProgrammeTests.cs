using System.Linq;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Server.Tests.TestSupport;
using CommuneRadio.WebConsole.Tests.TestSupport;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.WebConsole.Tests;

/// <summary>The commune operator's calendar: add with the Core's check, overlaps before saving, every station accepting.</summary>
[TestClass]
public sealed class ProgrammeTests
{
    [TestMethod]
    public async Task AddItem_CommuneOperator_CheckedByTheCoreThenEveryStationAcceptsAndTheCalendarShowsIt()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 6);
        int members = live.MembersOf(live.CommuneA).Count;
        IPage page = await Browser.PageAsync(live.Server.Address);
        await ConsolePage.LogInAsync(page, live.Secret("commune-a"));
        await Assertions.Expect(page.GetByTestId("calendar").Locator(".day")).ToHaveCountAsync(7);

        await page.GetByTestId("add-item").ClickAsync();
        await page.GetByTestId("f-id").FillAsync("tin-sang");
        await page.GetByTestId("f-time").FillAsync("05:30");
        await page.GetByTestId("f-duration").FillAsync("0");
        await page.GetByTestId("check").ClickAsync();
        // The stations' own Core refuses it, through the server; the operator reads why.
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("Thời lượng phải từ 1 giây đến 4 giờ");
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("args.item.duration");

        await page.GetByTestId("f-duration").FillAsync("30");
        await page.GetByTestId("check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-result")).ToContainTextAsync("Hợp lệ");
        await page.GetByTestId("save").ClickAsync();
        ILocator outcome = page.GetByTestId("outcome");
        await Assertions.Expect(outcome).ToHaveAttributeAsync("data-accepted", members.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(outcome).ToHaveAttributeAsync("data-refused", "0");
        await Assertions.Expect(outcome).ToHaveAttributeAsync("data-silent", "0");
        await Assertions.Expect(outcome).ToContainTextAsync($"{members} chấp nhận, 0 từ chối, 0 không trả lời");
        await page.Locator("dialog").GetByText("Đóng").ClickAsync();
        await Assertions.Expect(page.GetByTestId("slot-tin-sang")).ToHaveCountAsync(7);

        // What the stations hold is the server's record too.
        JsonElement schedule = await live.Http("commune-a").GetFromJsonAsync<JsonElement>("/api/schedule?to=" + live.CommuneA.Scopes[0]);
        Assert.IsTrue(schedule.GetProperty("stations").EnumerateArray().All(s => s.GetProperty("recordItems").EnumerateArray().Single().GetString() == "tin-sang"), schedule.ToString());

        // A one-off notice overlapping Wednesday's news: the overlap is shown before anything is sent.
        await page.GetByTestId("add-item").ClickAsync();
        await page.GetByTestId("f-id").FillAsync("thong-bao");
        await page.GetByTestId("f-kind").SelectOptionAsync("once");
        string wednesday = await page.Locator(".day").Nth(2).GetAttributeAsync("data-date") ?? string.Empty;
        string next = System.DateTime.ParseExact(wednesday, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("f-date").FillAsync(next);
        await page.GetByTestId("f-time").FillAsync("05:45");
        await page.GetByTestId("f-duration").FillAsync("10");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("conflicts")).ToContainTextAsync("tin-sang");
        Assert.AreEqual(0, await page.GetByTestId("outcome").CountAsync(), "the first press only shows the overlap");
        await Browser.ScreenshotAsync(page, "programme-conflict");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveAttributeAsync("data-accepted", members.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("dialog").GetByText("Đóng").ClickAsync();
        await page.GetByText("Tuần sau ›").ClickAsync();
        await Assertions.Expect(page.GetByTestId("slot-thong-bao")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conflict"));
        await Browser.ScreenshotAsync(page, "programme-week");
    }

    [TestMethod]
    public async Task ReplaceThenRemove_ItemOpenedFromTheCalendar_EveryStationAcceptsEachChange()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 4);
        string members = live.MembersOf(live.CommuneA).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        object item = new { id = "loa-chieu", kind = "weekly", days = new[] { "mon", "wed", "fri" }, time = "17:00", duration = 900, @class = "normal", lines = new[] { 0, 1 }, source = 0 };
        System.Net.Http.HttpResponseMessage sent = await live.Http("commune-a").PostAsJsonAsync("/api/commands", new { to = live.CommuneA.Scopes[0], cmd = "schedule.add", args = new { item } });
        Assert.AreEqual(System.Net.HttpStatusCode.OK, sent.StatusCode);
        IPage page = await Browser.PageAsync(live.Server.Address);
        await ConsolePage.LogInAsync(page, live.Secret("commune-a"));
        await Assertions.Expect(page.GetByTestId("slot-loa-chieu")).ToHaveCountAsync(3);

        await page.GetByTestId("slot-loa-chieu").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("f-id")).ToHaveValueAsync("loa-chieu");
        await Assertions.Expect(page.GetByTestId("f-time")).ToHaveValueAsync("17:00");
        await page.Locator("[data-day=sat]").CheckAsync();
        await page.GetByTestId("f-time").FillAsync("18:15");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveAttributeAsync("data-accepted", members);
        await page.Locator("dialog").GetByText("Đóng").ClickAsync();
        await Assertions.Expect(page.GetByTestId("slot-loa-chieu")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("slot-loa-chieu").First).ToContainTextAsync("18:15–18:30");

        // Removing asks first.
        string? question = null;
        page.Dialog += async (_, dialog) =>
        {
            question = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByTestId("slot-loa-chieu").First.ClickAsync();
        await page.GetByTestId("remove").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveAttributeAsync("data-accepted", members);
        StringAssert.Contains(question, "Xoá chương trình loa-chieu");
        await page.Locator("dialog").GetByText("Đóng").ClickAsync();
        await Assertions.Expect(page.GetByTestId("slot-loa-chieu")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("schedule-status")).ToHaveTextAsync("Chưa có chương trình nào.");
    }
}
