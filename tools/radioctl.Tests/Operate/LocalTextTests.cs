using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Operate;

/// <summary>How Vietnamese users write times, dates and names, and what radioctl makes of them.</summary>
[TestClass]
public sealed class LocalTextTests
{
    private static OperatorWorkspace NewWorkspace() =>
        new(FleetGenerator.Generate(4, communes: 2, provinces: 1, broker: "mqtt://127.0.0.1:1"));

    [TestMethod]
    [DataRow("17h30", "17:30")]
    [DataRow("7h", "07:00")]
    [DataRow("7h05", "07:05")]
    [DataRow("5:30", "05:30")]
    [DataRow("17:30:15", "17:30:15")]
    [DataRow("25h", "25:00")]
    public void Time_VietnameseForms_ProtocolForm(string typed, string expected) => Assert.AreEqual(expected, LocalText.Time(typed));

    [TestMethod]
    [DataRow("24/11/2026", "2026-11-24")]
    [DataRow("1/2/2027", "2027-02-01")]
    [DataRow("24.11.2026", "2026-11-24")]
    [DataRow("2026-11-24", "2026-11-24")]
    public void Date_DayMonthYear_IsoDate(string typed, string expected) => Assert.AreEqual(expected, LocalText.Date(typed));

    [TestMethod]
    [DataRow("An Bình", "an-binh")]
    [DataRow("bản-tin-sáng", "ban-tin-sang")]
    [DataRow("Đồng Hới", "dong-hoi")]
    [DataRow("Hà Tĩnh", "ha-tinh")]
    public void Ascii_NameWithDiacritics_Id(string name, string id) => Assert.AreEqual(id, LocalText.Ascii(name));

    [TestMethod]
    public async Task Play_CommuneWithDiacritics_FindsTheAsciiGroup()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("play", "--commune", "An Bình", "--province", "Hà Tĩnh", "--duration", "5s");
        CliRun one = await w.RunAsync("play", "--commune", "An Bình", "--duration", "5s");

        StringAssert.Contains(run.Error, "give one target");
        Assert.AreEqual(1, one.ExitCode, one.ToString());
        StringAssert.Contains(one.Error, "cannot reach the broker", "the target was resolved, so it got as far as connecting");
    }

    [TestMethod]
    public async Task Play_StationTypo_OneSuggestion()
    {
        using OperatorWorkspace w = NewWorkspace();
        string id = w.Fleet.Stations[0].Id;

        CliRun run = await w.RunAsync("play", "--station", id[..^1], "--duration", "5s");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, $"did you mean {id[..^1]}");
    }

    [TestMethod]
    public async Task ScheduleAdd_IdWithDiacritics_SuggestsAsciiId()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("schedule", "add", "--commune", "an-binh", "--id", "bản-tin-sáng", "--days", "daily", "--time", "05:30", "--duration", "30m");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "did you mean --id ban-tin-sang?");
    }

    [TestMethod]
    public async Task ScheduleAdd_17h30AndDayMonthYear_EchoesHowTheyWereRead()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("schedule", "add", "--commune", "an-binh", "--id", "notice", "--date", "24/11/2030", "--time", "17h30", "--duration", "5m");

        StringAssert.Contains(run.Error, "read --time '17h30' as 17:30, --date '24/11/2030' as 2030-11-24 (Sunday)");
        StringAssert.Contains(run.Error, "cannot reach the broker", "the Core accepted what was read");
    }
}
