using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.WebConsole.Tests.TestSupport;

/// <summary>
/// One headless chromium for the run: Debian's <c>/usr/bin/chromium</c> (or <c>CR_CHROMIUM</c>), driven by Playwright's
/// bundled driver; nothing is downloaded. A missing browser fails the tests (tools/scripts/test installs it).
/// Screenshots go to the test output, or to docs/console/ with <c>CR_UPDATE_SCREENSHOTS=1</c>.
/// </summary>
[TestClass]
public static class Browser
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>A phone screen (the operators' usual one): 390 × 844 CSS pixels.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A desk screen at the provincial centre.</summary>
    public static readonly ViewportSize Desk = new() { Width = 1280, Height = 860 };

    /// <summary>Starts the browser.</summary>
    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context)
    {
        _ = context;
        string path = Environment.GetEnvironmentVariable("CR_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} not found: the console tests need Debian's chromium (apt-get install chromium; tools/scripts/test installs it), or CR_CHROMIUM=/path/to/chrome");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true });
    }

    /// <summary>Stops it.</summary>
    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await CommuneRadio.Server.Tests.TestSupport.TestDatabase.StopClusterAsync();
    }

    /// <summary>A new page (own cookies and storage) on <paramref name="viewport"/>, at <paramref name="baseUrl"/>.</summary>
    public static async Task<IPage> PageAsync(Uri baseUrl, ViewportSize? viewport = null)
    {
        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = viewport ?? Desk,
            AcceptDownloads = true,
            TimezoneId = "Asia/Ho_Chi_Minh",
            // As an operator's phone is set (Intl formats, Accept-Language; the headless date inputs keep their own format).
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(20_000);
        IPage page = await context.NewPageAsync();
        page.PageError += (_, error) => Console.WriteLine("page error: " + error);
        return page;
    }

    /// <summary>Saves a screenshot named <paramref name="name"/> (docs/console/NAME.png with CR_UPDATE_SCREENSHOTS=1).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        string dir = Environment.GetEnvironmentVariable("CR_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoRoot(), "docs", "console")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    private static string RepoRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommuneRadio.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("CommuneRadio.sln not found above " + AppContext.BaseDirectory);
    }
}
