using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Cli.Update;
using CommuneRadio.Host.Update;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Update;

/// <summary>
/// The push logic against stations in memory that run the Core's update state machine (<see cref="MemoryUpdateStations"/>):
/// lost chunks, restarts, silence, re-runs, refusals and rollbacks, each followed from the stations' own answers.
/// </summary>
[TestClass]
public sealed class UpdatePusherTests
{
    private static readonly UpdatePushSettings Fast = new() { Timeout = TimeSpan.FromMilliseconds(300), Retries = 3, OutcomeWait = TimeSpan.FromSeconds(2), Window = 2 };

    private string _dir = null!;
    private UpdatePackage _package = null!;
    private byte[] _key = null!;

    [TestInitialize]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("cr-image-").FullName;
        File.WriteAllBytes(Path.Combine(_dir, "CommuneRadio.Firmware.pe"), RandomNumberGenerator.GetBytes(5_000));
        File.WriteAllBytes(Path.Combine(_dir, "CommuneRadio.Extra.pe"), RandomNumberGenerator.GetBytes(1_100));
        _package = UpdatePackage.FromDirectory(_dir, "1.4.0", 1024);
        _key = RandomNumberGenerator.GetBytes(32);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [TestMethod]
    public async Task Run_OneStation_EveryChunkOnceThenCommittedRunningTheVersion()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");

        StationPush p = (await Push(stations, Fast, "s1"))[0];

        Assert.AreEqual(PushPhase.Committed, p.Phase, p.Reason);
        Assert.AreEqual("1.4.0", p.Running);
        Assert.AreEqual(_package.Chunks.Count, p.ChunksSent);
        Assert.AreEqual(_package.Chunks.Count, p.ChunksVerified);
        Assert.AreEqual(0, p.Resends);
        Assert.AreEqual("1.4.0", stations["s1"].Manager.RunningVersion);
    }

    [TestMethod]
    public async Task Run_ThreeStations_AllCommitted()
    {
        using var stations = new MemoryUpdateStations(_key, "s1", "s2", "s3");

        var rows = await Push(stations, Fast, "s1", "s2", "s3");

        Assert.IsTrue(rows.All(r => r.Phase == PushPhase.Committed), string.Join(", ", rows.Select(r => r.Station + " " + r.Phase)));
        Assert.IsTrue(new[] { "s1", "s2", "s3" }.All(s => stations[s].Manager.RunningVersion == "1.4.0"));
    }

    [TestMethod]
    public async Task Run_ChunkLostOnTheWay_ResentFromTheOneTheStationWants()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        int lost = 0;
        stations["s1"].Lose = (cmd, args) => cmd == "update.chunk" && args.Contains("\"offset\":2048", StringComparison.Ordinal) && Interlocked.Increment(ref lost) == 1;

        StationPush p = (await Push(stations, Fast, "s1"))[0];

        Assert.AreEqual(PushPhase.Committed, p.Phase, p.Reason);
        Assert.IsGreaterThanOrEqualTo(1, p.Resends, "the chunk after the lost one was answered out-of-order");
        Assert.AreEqual(0, p.Resumes, "an out-of-order answer is followed without asking again");
        Assert.AreEqual(p.ChunksSent, stations["s1"].ChunksReceived);
    }

    [TestMethod]
    public async Task Run_StationRestartsMidTransfer_ResumesWhereItStands()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        MemoryUpdateStations.Station s = stations["s1"];
        int chunks = 0;
        s.Lose = (cmd, _) =>
        {
            if (cmd == "update.chunk" && ++chunks == 4)
            {
                // Power cut while the fourth chunk is on its way: lost, and the station boots again.
                s.Restart();
                return true;
            }

            return false;
        };

        // One chunk in flight: nothing behind the lost one tells the push, so it hears nothing and asks again.
        StationPush p = (await Push(stations, Fast with { Window = 1 }, "s1"))[0];

        Assert.AreEqual(PushPhase.Committed, p.Phase, p.Reason);
        Assert.AreEqual(1, p.Resumes);
        Assert.AreEqual(_package.Chunks.Count + 1, p.ChunksSent, "only the lost chunk is sent again");
    }

    [TestMethod]
    public async Task Run_AgainAfterAStationWentSilent_SendsOnlyTheChunksItLacks()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        MemoryUpdateStations.Station s = stations["s1"];
        int chunks = 0;
        s.Lose = (cmd, _) => cmd == "update.chunk" && ++chunks > 3;
        StationPush first = (await Push(stations, Fast, "s1"))[0];
        Assert.AreEqual(PushPhase.Silent, first.Phase);
        Assert.AreEqual(3, first.ChunksVerified);

        s.Lose = null;
        StationPush second = (await Push(stations, Fast, "s1"))[0];

        Assert.AreEqual(PushPhase.Committed, second.Phase, second.Reason);
        Assert.AreEqual(_package.Chunks.Count - 3, second.ChunksSent, "the re-run starts at the fourth chunk");
    }

    [TestMethod]
    public async Task Run_StationOff_SilentAfterTheRetries()
    {
        using var stations = new MemoryUpdateStations(_key, "s1", "s2");
        stations["s2"].Online = false;

        var rows = await Push(stations, Fast, "s1", "s2");

        Assert.AreEqual(PushPhase.Committed, rows[0].Phase);
        Assert.AreEqual(PushPhase.Silent, rows[1].Phase);
        Assert.AreEqual("timeout", rows[1].Reason);
        Assert.AreEqual(Fast.Retries, stations["s2"].Received.Count, "update.begin once per try, nothing more");
    }

    [TestMethod]
    public async Task Run_BadImage_RolledBackWithTheReason()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        stations["s1"].Bad = true;

        StationPush p = (await Push(stations, Fast, "s1"))[0];

        Assert.AreEqual(PushPhase.RolledBack, p.Phase);
        Assert.AreEqual("not-healthy", p.Reason);
        Assert.AreEqual("1.3.0", stations["s1"].Manager.RunningVersion);
    }

    [TestMethod]
    public async Task Run_DriveTooSmall_RefusedStorageFullNothingSent()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        stations["s1"].Files.QuotaBytes = 2_000;

        StationPush p = (await Push(stations, Fast, "s1"))[0];

        Assert.AreEqual(PushPhase.Refused, p.Phase);
        Assert.AreEqual("storage-full", p.Reason);
        Assert.AreEqual(0, p.ChunksSent);
    }

    [TestMethod]
    public async Task Run_VersionAlreadyRunning_UpToDateNothingSent()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        await Push(stations, Fast, "s1");

        StationPush again = (await Push(stations, Fast, "s1"))[0];

        Assert.AreEqual(PushPhase.UpToDate, again.Phase);
        Assert.AreEqual(0, again.ChunksSent);
        Assert.IsTrue(again.Succeeded);
    }

    [TestMethod]
    public async Task Run_FlashReadsBackWrongEveryTime_SentOnceMoreThenRefusedFlashMismatch()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        MemoryUpdateStations.Station s = stations["s1"];
        s.Lose = (cmd, _) =>
        {
            if (cmd == "update.commit")
            {
                // A flash that does not keep what was written: the commit's read-back differs.
                s.Files.WriteAt("slot0/CommuneRadio.Extra.pe", 0, new byte[16], 0, 16);
            }

            return false;
        };

        StationPush p = (await Push(stations, Fast, "s1"))[0];

        Assert.AreEqual(PushPhase.Refused, p.Phase);
        Assert.AreEqual("flash-mismatch", p.Reason);
        Assert.AreEqual(2 * _package.Chunks.Count, p.ChunksSent, "the discarded image sent once more, not for ever");
        Assert.AreEqual("1.3.0", s.Manager.RunningVersion);
    }

    [TestMethod]
    public async Task Run_CommitResultLost_OutcomeStillFollowed()
    {
        using var stations = new MemoryUpdateStations(_key, "s1");
        MemoryUpdateStations.Station s = stations["s1"];
        bool bad = true;
        s.Lose = (cmd, _) =>
        {
            if (cmd == "update.commit" && bad)
            {
                bad = false;
                // The commit arrives and the station restarts on trial, but its result and event are lost.
                s.Manager.Commit("1.4.0", stations.Issuer, stations.Key);
                s.Restart();
                return true;
            }

            return false;
        };

        StationPush p = (await Push(stations, Fast with { OutcomeWait = TimeSpan.FromMilliseconds(500) }, "s1"))[0];

        Assert.AreEqual(PushPhase.Unconfirmed, p.Phase, "begin is refused update-in-trial: committed, but it has not proved itself yet");
        Assert.AreEqual("trial", p.StationState);
    }

    private async Task<System.Collections.Generic.IReadOnlyList<StationPush>> Push(MemoryUpdateStations stations, UpdatePushSettings settings, params string[] ids)
    {
        string begin = _package.BeginArgs(stations.Key);
        var pusher = new UpdatePusher(stations, _package, ids, _ => begin, settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await pusher.RunAsync(timeout.Token);
    }
}
