using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary>
/// <c>radioctl update push</c> in process against simulated stations over a real Mosquitto on loopback
/// (<see cref="LiveUpdateStations"/>): each station sent its own signed commands with its province's key, followed
/// from its answers to the outcome it reports (update-committed / update-rolled-back, health).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class UpdatePushTests
{
    [TestMethod]
    public async Task Push_OneStation_CommittedRunningTheVersionThenUpToDate()
    {
        await using LiveUpdateStations live = await LiveUpdateStations.StartAsync();
        string station = live.AnBinh[0];

        CliRun run = await Push(live, "1.4.0", "--station", station, "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement root = doc.RootElement;
        Assert.AreEqual("update.push", root.GetProperty("command").GetString());
        Assert.AreEqual("prov.ha-tinh", root.GetProperty("issuer").GetString(), "the lowest-level key with the update right");
        Assert.AreEqual("st/" + station, root.GetProperty("to").GetString());
        Assert.AreEqual(1, root.GetProperty("committed").GetInt32());
        JsonElement row = root.GetProperty("stations")[0];
        Assert.AreEqual("committed", row.GetProperty("outcome").GetString(), run.ToString());
        Assert.AreEqual("1.4.0", row.GetProperty("running").GetString());
        Assert.AreEqual(11, row.GetProperty("chunks").GetInt32(), "8,740 + 1,500 bytes in chunks of 1 KiB, per file");
        Assert.AreEqual(11, row.GetProperty("chunksSent").GetInt32(), "each chunk once on a clean link");
        Assert.AreEqual(11, row.GetProperty("chunksVerified").GetInt32());
        Assert.AreEqual("1.4.0", live.Station(station).RunningVersion);
        Assert.IsTrue(live.Observer.Events.Any(e => e.Station == station && e.Kind == "update-committed"), "the station reported update-committed");

        CliRun again = await Push(live, "1.4.0", "--station", station, "--json");

        Assert.AreEqual(0, again.ExitCode, again.ToString());
        using JsonDocument second = JsonDocument.Parse(again.Output);
        Assert.AreEqual("up-to-date", second.RootElement.GetProperty("stations")[0].GetProperty("outcome").GetString());
        Assert.AreEqual(0, second.RootElement.GetProperty("stations")[0].GetProperty("chunksSent").GetInt32());
    }

    [TestMethod]
    public async Task Push_CommuneOfThree_AllCommittedTableAndProgressLines()
    {
        await using LiveUpdateStations live = await LiveUpdateStations.StartAsync();

        CliRun run = await Push(live, "1.4.0", "--commune", "an-binh");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.HasCount(3, live.AnBinh);
        foreach (string s in live.AnBinh)
        {
            Assert.AreEqual("1.4.0", live.Station(s).RunningVersion, s);
            StringAssert.Contains(run.Error, $"{s}: committed (11/11 chunks)", "a progress line per phase change on standard error");
        }

        StringAssert.Contains(run.Output, "3 committed");
        Assert.IsTrue(live.Fleet.Stations.Where(s => s.Commune != "an-binh").All(s => live.Station(s.Id).RunningVersion != "1.4.0"), "only the commune was updated");
    }

    [TestMethod]
    public async Task Push_PowerCutMidTransfer_ResumesWhereTheStationStands()
    {
        await using LiveUpdateStations live = await LiveUpdateStations.StartAsync(imageKib: 40);
        string station = live.AnBinh[1];
        Task<CliRun> push = Push(live, "1.4.0", "--station", station, "--window", "1", "--timeout", "2s", "--json");
        await live.Observer.WaitUntilAsync(o => o.Results.Count(r => r.Station == station && r.Accepted) >= 15, TimeSpan.FromSeconds(20));
        int before = live.Observer.Results.Count(r => r.Station == station && r.Accepted);
        Assert.IsGreaterThanOrEqualTo(15, before, "the transfer did not get going");

        CommuneRadio.Host.Stations.SimulatedStation cut = live.Station(station);
        // Off for longer than --timeout: the push hears nothing, asks again (update.begin) and carries on from the answer.
        await live.PowerCutAsync(station, TimeSpan.FromSeconds(4));
        Assert.AreEqual(CommuneRadio.Core.Update.UpdateState.Receiving, cut.Runtime.Update!.State, "cut while receiving");
        long held = cut.Runtime.Update.ReceivedBytes;
        CliRun run = await push;

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement row = doc.RootElement.GetProperty("stations")[0];
        Assert.AreEqual("committed", row.GetProperty("outcome").GetString(), run.ToString());
        Assert.IsLessThanOrEqualTo(41 + 1, row.GetProperty("chunksSent").GetInt32(), "resumed: not sent again from the first chunk");
        Assert.IsGreaterThanOrEqualTo(1, row.GetProperty("resumes").GetInt32(), "asked where it stands after the silence");
        Assert.AreEqual("1.4.0", live.Station(station).RunningVersion);
        Assert.AreNotSame(cut, live.Station(station), "the station was booted again");
        Assert.IsGreaterThan(0L, held);
    }

    [TestMethod]
    public async Task Push_BadImage_RolledBackReportedExit2()
    {
        await using LiveUpdateStations live = await LiveUpdateStations.StartAsync();
        string station = live.AnBinh[2];

        CliRun run = await Push(live, LiveUpdateStations.BadVersion, "--station", station, "--json");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        Assert.AreEqual(1, doc.RootElement.GetProperty("rolledBack").GetInt32());
        JsonElement row = doc.RootElement.GetProperty("stations")[0];
        Assert.AreEqual("rolled-back", row.GetProperty("outcome").GetString(), run.ToString());
        Assert.AreEqual("not-healthy", row.GetProperty("reason").GetString());
        Assert.AreNotEqual(LiveUpdateStations.BadVersion, live.Station(station).RunningVersion);
    }

    [TestMethod]
    public async Task Push_AsAKeyWithoutTheUpdateRight_RefusedNotAuthorizedNothingWritten()
    {
        await using LiveUpdateStations live = await LiveUpdateStations.StartAsync();
        string station = live.AnBinh[0];

        CliRun run = await Push(live, "1.4.0", "--station", station, "--as", "com.ha-tinh.an-binh", "--json");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement row = doc.RootElement.GetProperty("stations")[0];
        Assert.AreEqual("refused", row.GetProperty("outcome").GetString());
        Assert.AreEqual("not-authorized", row.GetProperty("reason").GetString(), "the station's keyring gives the commune key no update right");
        Assert.AreEqual(0, row.GetProperty("chunksSent").GetInt32());
        Assert.AreEqual(CommuneRadio.Core.Update.UpdateState.Idle, live.Station(station).Runtime.Update!.State);
    }

    [TestMethod]
    public async Task Push_StationOffline_SilentExit3OthersCommitted()
    {
        await using LiveUpdateStations live = await LiveUpdateStations.StartAsync();
        string off = live.AnBinh[0];
        await live.Station(off).KillAsync();

        CliRun run = await Push(live, "1.4.0", "--commune", "an-binh", "--timeout", "1s", "--json");

        Assert.AreEqual(3, run.ExitCode, run.ToString());
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement[] rows = doc.RootElement.GetProperty("stations").EnumerateArray().ToArray();
        Assert.AreEqual("silent", rows.Single(r => r.GetProperty("station").GetString() == off).GetProperty("outcome").GetString());
        Assert.AreEqual(2, rows.Count(r => r.GetProperty("outcome").GetString() == "committed"));
    }

    private static Task<CliRun> Push(LiveUpdateStations live, string version, params string[] rest)
    {
        string[] timeout = rest.Contains("--timeout") ? Array.Empty<string>() : new[] { "--timeout", "3s" };
        string[] args = new[] { "update", "push", "--image", live.Image, "--version", version, "--chunk", "1024", "--wait", "30s" }.Concat(timeout).Concat(rest).ToArray();
        return live.Workspace.RunAsync(CancellationToken.None, args);
    }
}
