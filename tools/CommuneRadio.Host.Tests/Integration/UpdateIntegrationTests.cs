using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Core.Update;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Host.Update;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>
/// Application updates (docs/protocol.md §8) pushed to a simulated station through a real Mosquitto: the station
/// runtime's restart, trial and proof, a bad image rolled back, and an emergency during a transfer.
/// </summary>
[TestClass]
public sealed class UpdateIntegrationTests
{
    private const string Bad = "9.9.9-bad";

    public TestContext TestContext { get; set; } = null!;

    private static Task<LiveFleet> StartAsync() => LiveFleet.StartAsync(
        1,
        prepare: f => f.Issuers.First(i => i.Level == "province").Update = true,
        adjust: (_, o) =>
        {
            o.UpdateSettings = new UpdateSettings { ProveWithinMs = 4000, SaveTrialEveryMs = 1000 };
            o.BadUpdateVersions.Add(Bad);
        });

    private static UpdatePackage Package(string directory, string version, int seed, int kib)
    {
        string dir = Path.Combine(directory, version);
        Directory.CreateDirectory(dir);
        var random = new Random(seed);
        byte[] app = new byte[kib * 1024 + 123];
        random.NextBytes(app);
        File.WriteAllBytes(Path.Combine(dir, "CommuneRadio.App.pe"), app);
        byte[] core = new byte[5000];
        random.NextBytes(core);
        File.WriteAllBytes(Path.Combine(dir, "CommuneRadio.Core.pe"), core);
        return UpdatePackage.FromDirectory(dir, version);
    }

    // Sends one command and waits for the station's result; true when accepted.
    private static async Task<bool> SendAsync(LiveFleet live, CommandIssuer issuer, string to, string cmd, string args)
    {
        SignedCommand c = issuer.Create(to, cmd, args);
        await live.PublishAsync(c);
        await live.WaitForAsync(o => o.AnsweredCount(c.Id) > 0, TimeSpan.FromSeconds(5), cmd + " answered");
        CommandResultRecord r = live.Observer.ResultsFor(c.Id)[0];
        Assert.IsTrue(r.Accepted, $"{cmd} refused: {r.Reason}");
        return true;
    }

    private static async Task PushAsync(LiveFleet live, UpdatePackage package, FleetStation station)
    {
        CommandIssuer province = live.Issuer("province");
        byte[] key = live.IssuerEntry("province").KeyFor(station.Province);
        string to = FleetGroups.StationTarget(station.Id);
        await SendAsync(live, province, to, "update.begin", package.BeginArgs(key));
        foreach ((int file, int offset) in package.Chunks)
        {
            await SendAsync(live, province, to, "update.chunk", package.ChunkArgs(file, offset));
        }

        await SendAsync(live, province, to, "update.commit", package.CommitArgs());
    }

    [TestMethod]
    public async Task Push_GoodThenBadImage_GoodCommittedAndRunningBadRolledBackAfterProveTime()
    {
        await using LiveFleet live = await StartAsync();
        FleetStation entry = live.Fleet.Stations[0];
        SimulatedStation station = live.Stations.Stations[0];
        string images = Directory.CreateTempSubdirectory("host-tests-update-").FullName;
        try
        {
            await PushAsync(live, Package(images, "1.1.0", 1, 20), entry);
            await live.WaitForAsync(o => o.Events.Any(e => e.Station == entry.Id && e.Kind == "update-committed"), TimeSpan.FromSeconds(10), "update-committed");
            Assert.AreEqual("1.1.0", station.RunningVersion);
            Assert.AreEqual(1, station.Restarts);
            Assert.AreEqual("update-commit", station.LastRestartReason);
            Assert.AreEqual(0, station.Board.LinesMask, "the restart switched nothing on");

            await PushAsync(live, Package(images, Bad, 2, 8), entry);
            await live.WaitForAsync(o => o.Events.Any(e => e.Station == entry.Id && e.Kind == "update-rolled-back"), TimeSpan.FromSeconds(20), "update-rolled-back");
            PlayEventRecord rolledBack = live.Observer.Events.First(e => e.Kind == "update-rolled-back");
            Assert.AreEqual("not-healthy", rolledBack.Reason);
            Assert.AreEqual("1.1.0", station.RunningVersion, "back on the proven version");
            Assert.AreEqual(3, station.Restarts, "into the bad image, and back");
            Assert.AreEqual(1, live.Observer.Events.Count(e => e.Kind == "update-committed"), "the bad image was never committed");
        }
        finally
        {
            Directory.Delete(images, true);
        }
    }

    [TestMethod]
    public async Task Emergency_WhileChunksStream_SpeakersOnWithinThreeSecondsTransferCompletes()
    {
        await using LiveFleet live = await StartAsync();
        FleetStation entry = live.Fleet.Stations[0];
        SimulatedStation station = live.Stations.Stations[0];
        string images = Directory.CreateTempSubdirectory("host-tests-update-").FullName;
        try
        {
            UpdatePackage package = Package(images, "1.2.0", 3, 600);
            CommandIssuer province = live.Issuer("province");
            string to = FleetGroups.StationTarget(entry.Id);
            await SendAsync(live, province, to, "update.begin", package.BeginArgs(live.IssuerEntry("province").KeyFor(entry.Province)));
            IReadOnlyList<(int File, int Offset)> chunks = package.Chunks;
            Task streaming = Task.Run(async () =>
            {
                foreach ((int file, int offset) in chunks)
                {
                    await SendAsync(live, province, to, "update.chunk", package.ChunkArgs(file, offset));
                    await Task.Delay(20);
                }
            });

            await live.WaitForAsync(_ => station.Runtime.Update!.ReceivedBytes >= 5 * 4096, TimeSpan.FromSeconds(10), "chunks streaming");
            CommandIssuer national = live.Issuer("national");
            long sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await live.PublishAsync(national.Create(to, "emergency.start", ArgsJson.Emergency(60, 0x3, 0)));
            await live.WaitForAsync(o => o.Events.Any(e => e.Station == entry.Id && e.Kind == "started" && e.Class == "emergency"), TimeSpan.FromSeconds(5), "emergency started");
            PlayEventRecord started = live.Observer.Events.First(e => e.Kind == "started");
            Assert.IsTrue(started.AtUtcMs - sent < 3000, $"speakers on {started.AtUtcMs - sent} ms after the emergency was published");

            await streaming;
            int after = live.Observer.Results.Count(r => r.ReceivedUtcMs > started.ReceivedUtcMs);
            TestContext.WriteLine($"emergency published with {chunks.Count} chunks of {package.ChunkSize} bytes streaming: speakers on {started.AtUtcMs - sent} ms later; {after} chunk results after it");
            Assert.IsTrue(after >= 5, $"{started.AtUtcMs - sent} ms; the transfer was still streaming when the emergency played ({after} chunk results after it)");
            Assert.AreEqual(UpdateState.Verified, station.Runtime.Update!.State);
            Assert.AreNotEqual(0, station.Board.LinesMask, "the emergency still plays");
        }
        finally
        {
            Directory.Delete(images, true);
        }
    }
}
