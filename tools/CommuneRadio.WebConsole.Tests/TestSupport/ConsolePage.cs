using System.Threading.Tasks;
using Microsoft.Playwright;

namespace CommuneRadio.WebConsole.Tests.TestSupport;

/// <summary>Steps every console test takes.</summary>
internal static class ConsolePage
{
    /// <summary>Opens the console and logs in with <paramref name="secret"/>; waits for the tabs.</summary>
    public static async Task LogInAsync(IPage page, string secret)
    {
        await page.GotoAsync("/");
        await page.GetByTestId("token").FillAsync(secret);
        await page.GetByTestId("login").Locator("button[type=submit]").ClickAsync();
        await page.Locator("#tabs:not([hidden])").WaitForAsync();
    }
}
