using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Stations;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary>
/// radioctl's group commands, in process, against simulated stations through a real Mosquitto on 127.0.0.1:
/// results per member, refusals (exit 2), silent stations (exit 3), wrong keys, JSON output.
/// </summary>
[TestClass]
public sealed class GroupCommandTests
{
    [TestMethod]
    public async Task ScheduleAdd_CommuneGroup_EveryMemberAcceptsAndPlaysAtTheTime()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        long startUtc = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 3000) / 1000 * 1000 + 1000;
        DateTime local = ArgsJson.LocalTime(startUtc);

        CliRun run = await live.Workspace.RunAsync(
            "schedule", "add", "--commune", "an-binh", "--id", "notice", "--date", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--time", local.ToString("HH:mm:ss", CultureInfo.InvariantCulture), "--duration", "3s");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "2 of 2 accepted");
        string[] members = live.AnBinh;
        await live.WaitForAsync(o => members.All(m => o.Events.Any(e => e.Station == m && e.Kind == "started" && e.Programme == "notice")), TimeSpan.FromSeconds(10), "notice started on both members");
        foreach (string m in members)
        {
            long on = live.Stations[m].Board.Timeline.First(r => r.Write.On).UtcMs;
            Assert.IsTrue(on >= startUtc && on - startUtc <= 1000, $"{m} switched on {on - startUtc} ms from the item's time");
        }

        Assert.IsFalse(live.Stations.Stations.Where(s => !members.Contains(s.Id)).Any(s => s.Board.Timeline.Any(r => r.Write.On)), "the other commune played");
    }

    [TestMethod]
    public async Task ScheduleAdd_IdAlreadyOnOneMember_ShowsItsRefusalReasonAndExits2()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        string first = live.AnBinh[0];
        CliRun one = await live.Workspace.RunAsync("schedule", "add", "--station", first, "--id", "news", "--days", "daily", "--time", "05:30", "--duration", "30m");
        Assert.AreEqual(0, one.ExitCode, one.ToString());

        CliRun run = await live.Workspace.RunAsync("schedule", "add", "--commune", "an-binh", "--id", "news", "--days", "daily", "--time", "05:30", "--duration", "30m");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "1 of 2 accepted");
        StringAssert.Contains(run.Output, "Refused");
        StringAssert.Contains(run.Output, first);
        StringAssert.Contains(run.Output, "duplicate-id");
    }

    [TestMethod]
    public async Task Play_OneMemberKilled_ListsItAsNotAnsweringAndExits3()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        SimulatedStation victim = live.Stations[live.AnBinh[1]];
        await victim.KillAsync();
        await live.WaitForAsync(o => !o.Online.GetValueOrDefault(victim.Id, true), TimeSpan.FromSeconds(5), "the killed station's will");

        CliRun run = await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "2s", "--timeout", "3s");

        Assert.AreEqual(3, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "1 of 2 accepted");
        StringAssert.Contains(run.Output, "Did not answer");
        StringAssert.Contains(run.Output, victim.Id);
        StringAssert.Contains(run.Output, "offline");
    }

    [TestMethod]
    public async Task Play_WrongKeyInKeyring_EveryMemberRefusesBadSignatureAndExits2()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        FleetIssuer commune = live.Fleet.Issuer("com.ha-tinh.an-binh");
        live.Workspace.WriteKeyring(new[] { new FleetIssuer { Name = commune.Name, Level = commune.Level, Scopes = commune.Scopes, Emergency = false, Key = FleetGenerator.NewKeyHex() } });

        CliRun run = await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "2s", "--json");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        Assert.AreEqual(2, doc.RootElement.GetProperty("refused").GetInt32());
        Assert.IsTrue(doc.RootElement.GetProperty("stations").EnumerateArray().All(s => s.GetProperty("reason").GetString() == "bad-signature"));
        Assert.IsFalse(live.Stations.Stations.Any(s => s.Board.Timeline.Any(r => r.Write.On)));
    }

    [TestMethod]
    public async Task Play_KeyringMissing_Exits1BeforeSendingAnything()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        System.IO.File.Delete(live.Workspace.KeyringPath);

        CliRun run = await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "2s");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "keyring");
        StringAssert.Contains(run.Error, "nothing was sent");
        await Task.Delay(500);
        Assert.AreEqual(0, live.Observer.Results.Count, "a command reached the stations");
    }

    [TestMethod]
    public async Task EmergencyStart_ProvinceWithCommuneKeyOnly_Exits1AndWithProvinceKeyAllAccept()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        live.Workspace.WriteKeyring(live.Fleet.Issuers.Where(i => i.Level == "commune"));
        CliRun refused = await live.Workspace.RunAsync("emergency", "start", "--province", "ha-tinh", "--duration", "2s");
        Assert.AreEqual(1, refused.ExitCode, refused.ToString());
        StringAssert.Contains(refused.Error, "no key in the keyring may send emergency work");

        live.Workspace.WriteKeyring(live.Fleet.Issuers);
        CliRun run = await live.Workspace.RunAsync("emergency", "start", "--province", "ha-tinh", "--duration", "5s", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        Assert.AreEqual("prov.ha-tinh", doc.RootElement.GetProperty("issuer").GetString());
        Assert.AreEqual(4, doc.RootElement.GetProperty("accepted").GetInt32());
        string programme = doc.RootElement.GetProperty("programme").GetString()!;
        await live.WaitForAsync(o => o.Events.Count(e => e.Kind == "started" && e.Programme == programme) == 4, TimeSpan.FromSeconds(5), "the emergency on air everywhere");
    }

    [TestMethod]
    public async Task StatusJson_CommuneGroup_ParsesWithHealthOfEveryMember()
    {
        await using LiveStations live = await LiveStations.StartAsync();

        CliRun run = await live.Workspace.RunAsync("status", "--commune", "an-binh", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement health = doc.RootElement.GetProperty("health");
        Assert.AreEqual(2, health.GetArrayLength());
        foreach (JsonElement h in health.EnumerateArray())
        {
            Assert.AreEqual("0.1.0", h.GetProperty("firmware").GetString());
            Assert.AreEqual("synced", h.GetProperty("snapshot").GetProperty("clock").GetString());
        }
    }

    [TestMethod]
    public async Task Status_HumanOutput_ShowsTableRowPerMember()
    {
        await using LiveStations live = await LiveStations.StartAsync();

        CliRun run = await live.Workspace.RunAsync("status", "--province", "ha-tinh");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        foreach (FleetStation s in live.Fleet.Stations)
        {
            StringAssert.Contains(run.Output, s.Id);
        }

        StringAssert.Contains(run.Output, "synced");
        StringAssert.Contains(run.Output, "4 of 4 accepted");
    }

    [TestMethod]
    public async Task Status_At80Columns_OneLinePerStationNothingWider()
    {
        await using LiveStations live = await LiveStations.StartAsync();

        CliRun run = await live.Workspace.RunWithAsync(new Dictionary<string, string> { ["COLUMNS"] = "80" }, CancellationToken.None, "status", "--province", "ha-tinh");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        string[] lines = run.Output.Split('\n');
        Assert.IsTrue(lines.All(l => l.TrimEnd('\r').Length <= 80), run.Output);
        foreach (FleetStation s in live.Fleet.Stations)
        {
            Assert.AreEqual(1, lines.Count(l => l.Contains(s.Id, StringComparison.Ordinal)), $"{s.Id} not on exactly one line:\n{run.Output}");
        }

        StringAssert.Contains(run.Output, "answer");
        StringAssert.Contains(run.Output, "clock");
    }

    [TestMethod]
    public async Task Play_NotOnTerminal_ProgressLineEverySecondOnStandardError()
    {
        await using LiveStations live = await LiveStations.StartAsync();

        CliRun run = await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "3s");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "answered, 1 s");
        StringAssert.Contains(run.Output, "on air: 2 of 2 started");
    }
}
