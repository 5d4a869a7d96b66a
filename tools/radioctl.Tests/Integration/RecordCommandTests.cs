using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary>The commands that read back: schedule list against the local record, log live and from the store.</summary>
[TestClass]
public sealed class RecordCommandTests
{
    [TestMethod]
    public async Task ScheduleList_AfterAddAndRemove_DigestsMatchTheLocalRecord()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        Assert.AreEqual(0, (await live.Workspace.RunAsync("schedule", "add", "--commune", "an-binh", "--id", "news", "--days", "mon,wed,fri", "--time", "05:30", "--duration", "30m")).ExitCode);
        Assert.AreEqual(0, (await live.Workspace.RunAsync("schedule", "add", "--commune", "an-binh", "--id", "music", "--date", "2030-01-02", "--time", "17:00:30", "--duration", "1h", "--lines", "0,1")).ExitCode);
        Assert.AreEqual(0, (await live.Workspace.RunAsync("schedule", "remove", "--station", live.AnBinh[0], "--id", "music")).ExitCode);

        CliRun run = await live.Workspace.RunAsync("schedule", "list", "--commune", "an-binh", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement[] rows = doc.RootElement.GetProperty("schedules").EnumerateArray().ToArray();
        Assert.AreEqual(2, rows.Length);
        Assert.AreEqual(1, rows[0].GetProperty("count").GetInt64());
        Assert.AreEqual(2, rows[1].GetProperty("count").GetInt64());
        Assert.IsTrue(rows.All(r => r.GetProperty("inStep").GetBoolean()), run.Output);
        JsonElement[] items = doc.RootElement.GetProperty("items").EnumerateArray().ToArray();
        JsonElement news = items.Single(i => i.GetProperty("id").GetString() == "news");
        Assert.AreEqual("mon,wed,fri", news.GetProperty("when").GetString());
        Assert.AreEqual("05:30:00", news.GetProperty("time").GetString());
        Assert.AreEqual(1800, news.GetProperty("duration").GetInt32());
        Assert.AreEqual(2, news.GetProperty("stations").GetArrayLength());
        JsonElement music = items.Single(i => i.GetProperty("id").GetString() == "music");
        Assert.AreEqual("2030-01-02 17:00:30", music.GetProperty("nextLocal").GetString());
        Assert.AreEqual("0,1", music.GetProperty("lines").GetString());
        Assert.AreEqual(live.AnBinh[0], music.GetProperty("missingFrom")[0].GetString());

        CliRun text = await live.Workspace.RunAsync("schedule", "list", "--commune", "an-binh");
        Assert.AreEqual(0, text.ExitCode, text.ToString());
        StringAssert.Contains(text.Output, "mon,wed,fri");
        StringAssert.Contains(text.Output, "2030-01-02 17:00");
        StringAssert.Contains(text.Output, "not on " + live.AnBinh[0]);

        CliRun narrow = await live.Workspace.RunWithAsync(new System.Collections.Generic.Dictionary<string, string> { ["COLUMNS"] = "80" }, CancellationToken.None, "schedule", "list", "--commune", "an-binh");
        Assert.AreEqual(0, narrow.ExitCode, narrow.ToString());
        StringAssert.Contains(narrow.Output, "news  mon,wed,fri 05:30 for 30m, normal");
        Assert.IsTrue(narrow.Output.Split('\n').All(l => l.TrimEnd('\r').Length <= 80), narrow.Output);
    }

    [TestMethod]
    public async Task Log_ForDuringPlay_ReportsStartAndEndAndStoreAnswersLater()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        Task<CliRun> listening = live.Workspace.RunAsync("log", "--commune", "an-binh", "--for", "9s", "--json");
        await Task.Delay(1000);

        CliRun play = await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "4s", "--json");
        CliRun log = await listening;

        Assert.AreEqual(0, play.ExitCode, play.ToString());
        Assert.AreEqual(0, log.ExitCode, log.ToString());
        string programme = JsonDocument.Parse(play.Output).RootElement.GetProperty("programme").GetString()!;
        using JsonDocument live1 = JsonDocument.Parse(log.Output);
        JsonElement summary = live1.RootElement.GetProperty("programmes").EnumerateArray().Single(p => p.GetProperty("programme").GetString() == programme);
        Assert.AreEqual(2, summary.GetProperty("started").GetInt32());
        Assert.AreEqual(2, summary.GetProperty("ended").GetInt32());

        CliRun stored = await live.Workspace.RunAsync("log", "--station", live.AnBinh[0], "--since", "1h", "--json");
        Assert.AreEqual(0, stored.ExitCode, stored.ToString());
        using JsonDocument fromStore = JsonDocument.Parse(stored.Output);
        Assert.AreEqual("store", fromStore.RootElement.GetProperty("source").GetString());
        Assert.IsTrue(fromStore.RootElement.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("programme").GetString() == programme) >= 2);
    }

    [TestMethod]
    public async Task Play_WithoutListener_WaitsForStartedAndStoresIt()
    {
        await using LiveStations live = await LiveStations.StartAsync();

        CliRun play = await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "3s", "--json");

        Assert.AreEqual(0, play.ExitCode, play.ToString());
        using JsonDocument result = JsonDocument.Parse(play.Output);
        string programme = result.RootElement.GetProperty("programme").GetString()!;
        Assert.IsTrue(result.RootElement.GetProperty("stations").EnumerateArray().All(s => s.GetProperty("playEvent").GetString() == "started"), play.Output);
        CliRun stored = await live.Workspace.RunAsync("log", "--commune", "an-binh", "--since", "1h", "--json");
        using JsonDocument log = JsonDocument.Parse(stored.Output);
        JsonElement summary = log.RootElement.GetProperty("programmes").EnumerateArray().Single(p => p.GetProperty("programme").GetString() == programme);
        Assert.AreEqual(2, summary.GetProperty("started").GetInt32(), stored.Output);
        Assert.IsTrue(log.RootElement.GetProperty("complete").GetBoolean(), stored.Output);
        Assert.IsTrue(log.RootElement.GetProperty("events")[0].TryGetProperty("atUtcMs", out _), "events are camelCase");
    }

    [TestMethod]
    public async Task Watch_ForTwoSeconds_PrintsRetainedStatesAndExits0()
    {
        await using LiveStations live = await LiveStations.StartAsync();

        CliRun run = await live.Workspace.RunAsync(CancellationToken.None, "watch", "--commune", "ky-anh", "--for", "2s");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        foreach (string id in live.Fleet.Stations.Where(s => s.Commune == "ky-anh").Select(s => s.Id))
        {
            StringAssert.Contains(run.Output, id);
        }

        Assert.IsFalse(live.AnBinh.Any(id => run.Output.Contains(id, StringComparison.Ordinal)), "watch showed another commune");
    }
}
