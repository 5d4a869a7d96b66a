using System;
using System.IO;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Operate;

/// <summary>
/// Errors found before anything is sent (no broker runs: the fleet file points at a closed loopback port, so a
/// command that got as far as connecting would fail with a different message).
/// </summary>
[TestClass]
public sealed class OfflineCommandTests
{
    private static OperatorWorkspace NewWorkspace() =>
        new(FleetGenerator.Generate(4, communes: 2, provinces: 1, broker: "mqtt://127.0.0.1:1"));

    [TestMethod]
    public async Task Play_UnreachableBroker_Exits1WithClearMessage()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("play", "--commune", "an-binh", "--duration", "5s");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "cannot reach the broker at mqtt://127.0.0.1:1");
    }

    [TestMethod]
    [DataRow("--time", "25:00", "--time is not a time of day")]
    [DataRow("--time", "5x", "--time is not a time of day")]
    [DataRow("--date", "2026-02-30", "--date is not an existing date")]
    [DataRow("--duration", "5h", "--duration must be from 1 s to 4 h")]
    [DataRow("--duration", "4h", "at most 3 h for normal and priority programmes")]
    [DataRow("--lines", "0,7", "--lines: station")]
    [DataRow("--id", "bad id", "--id is not valid")]
    public async Task ScheduleAdd_InvalidValue_Exits1NamingTheOptionBeforeConnecting(string option, string value, string message)
    {
        using OperatorWorkspace w = NewWorkspace();
        var args = new System.Collections.Generic.List<string> { "schedule", "add", "--commune", "an-binh", "--id", "x", "--date", "2030-01-01", "--time", "05:30", "--duration", "10m" };
        int at = args.IndexOf(option);
        if (at < 0)
        {
            args.Add(option);
            args.Add(value);
        }
        else
        {
            args[at + 1] = value;
        }

        CliRun run = await w.RunAsync(args.ToArray());

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
        StringAssert.Contains(run.Error, "nothing was sent");
    }

    [TestMethod]
    [DataRow("2025-01-01", "05:30", "--date")]
    [DataRow("today", "00:01", "--date")]
    public async Task ScheduleAdd_OneOffInThePast_Exits1BeforeConnecting(string date, string time, string field)
    {
        using OperatorWorkspace w = NewWorkspace();
        if (date == "today" && DateTime.UtcNow.AddHours(7).TimeOfDay < TimeSpan.FromMinutes(10))
        {
            // Just after local midnight 00:01 + 5 min has not ended yet: yesterday is in the past whatever the hour.
            date = DateTime.UtcNow.AddHours(7).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        CliRun run = await w.RunAsync("schedule", "add", "--commune", "an-binh", "--id", "old", "--date", date, "--time", time, "--duration", "5m");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "the programme is in the past");
        StringAssert.Contains(run.Error, "in-the-past on args.item." + field.TrimStart('-'));
        StringAssert.Contains(run.Error, "nothing was sent");
    }

    [TestMethod]
    public async Task ScheduleSync_FileWithAPastItem_Exits1NamingIt()
    {
        using OperatorWorkspace w = NewWorkspace();
        string file = Path.Combine(w.Directory, "items.json");
        File.WriteAllText(file, "[{\"id\":\"news\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0],\"source\":0}," +
            "{\"id\":\"old-notice\",\"kind\":\"once\",\"date\":\"2025-01-01\",\"time\":\"07:00\",\"duration\":300,\"class\":\"normal\",\"lines\":[0],\"source\":0}]");

        CliRun run = await w.RunAsync("schedule", "sync", "--commune", "an-binh", "--file", file);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "item 'old-notice' of the --file is in the past");
    }

    [TestMethod]
    public async Task ScheduleAdd_WeeklyUntilOver_Exits1NamingUntil()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("schedule", "add", "--commune", "an-binh", "--id", "old", "--days", "daily", "--from", "2025-01-01", "--until", "2025-02-01", "--time", "05:30", "--duration", "5m");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--until is over");
    }

    [TestMethod]
    [DataRow("--station", "ht-zz-999", "unknown station 'ht-zz-999'")]
    [DataRow("--commune", "nowhere", "unknown commune 'nowhere'")]
    [DataRow("--province", "hanoi", "unknown province group 'prov.hanoi'")]
    [DataRow("--group", "x.none", "unknown group 'x.none'")]
    public async Task Play_UnknownTarget_Exits1(string option, string value, string message)
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("play", option, value, "--duration", "5s");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
    }

    [TestMethod]
    public async Task Play_CommuneKeyToOtherCommune_Exits1NotAuthorizedBeforeConnecting()
    {
        using OperatorWorkspace w = NewWorkspace();
        w.WriteKeyring(new[] { w.Fleet.Issuer("com.ha-tinh.an-binh") });

        CliRun run = await w.RunAsync("play", "--commune", "ky-anh", "--duration", "5s", "--as", "com.ha-tinh.an-binh");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "may not address g/com.ha-tinh.ky-anh");
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Play_KeyringReadableByOthers_Warns()
    {
        using OperatorWorkspace w = NewWorkspace();
        File.SetUnixFileMode(w.KeyringPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        CliRun run = await w.RunAsync("play", "--commune", "an-binh", "--duration", "5s");

        StringAssert.Contains(run.Error, "can be read by other users (mode 644)");
        StringAssert.Contains(run.Error, "chmod 600");
    }

    [TestMethod]
    public async Task Play_BadDurationSyntax_Exits1()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("play", "--commune", "an-binh", "--duration", "soon");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--duration 'soon' is not a duration");
    }

    [TestMethod]
    public async Task KeysGenerate_TwoIssuers_WritesPrivateKeyringWithoutPrintingKeys()
    {
        using OperatorWorkspace w = NewWorkspace();
        File.Delete(w.KeyringPath);

        CliRun run = await w.RunAsync("keys", "generate", "--issuer", "vn", "--issuer", "com.ha-tinh.an-binh");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        KeyringFile keyring = KeyringFile.Load(w.KeyringPath);
        CollectionAssert.AreEqual(new[] { "vn", "com.ha-tinh.an-binh" }, keyring.Issuers.ConvertAll(i => i.Name));
        Assert.AreEqual(w.Fleet.Issuer("vn").Key, keyring.Find("vn")!.Key);
        Assert.IsFalse(run.Output.Contains(w.Fleet.Issuer("vn").Key, StringComparison.Ordinal), "a key was printed");
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(w.KeyringPath));
        }

        CliRun again = await w.RunAsync("keys", "generate");
        Assert.AreEqual(1, again.ExitCode, "overwrote a keyring without --force");
    }

    [TestMethod]
    public void KeyringFileParse_ShortKey_ThrowsNamingTheIssuer()
    {
        var ex = Assert.ThrowsExactly<InvalidDataException>(() => KeyringFile.Parse("{\"version\":1,\"issuers\":[{\"name\":\"vn\",\"level\":\"national\",\"scopes\":[],\"emergency\":true,\"key\":\"abcd\"}]}"));
        StringAssert.Contains(ex.Message, "issuer 'vn'");
    }
}
