using System.Threading.Tasks;
using Microsoft.Playwright;

namespace CommuneRadio.WebConsole.Tests.TestSupport;

/// <summary>Steps every console test takes.</summary>
internal static class ConsolePage
{
    /// <summary>Fails when the page is wider than its screen (a phone must never scroll sideways; wide tables scroll inside their box).</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        int overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.IsTrue(overflow <= 0, $"{page.Url} is {overflow} px wider than the screen");
    }

    /// <summary>Opens the console and logs in with <paramref name="secret"/>; waits for the tabs.</summary>
    public static async Task LogInAsync(IPage page, string secret)
    {
        await page.GotoAsync("/");
        await page.GetByTestId("token").FillAsync(secret);
        await page.GetByTestId("login").Locator("button[type=submit]").ClickAsync();
        await page.Locator("#tabs:not([hidden])").WaitForAsync();
    }
}
