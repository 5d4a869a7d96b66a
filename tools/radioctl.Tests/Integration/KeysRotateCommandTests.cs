using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary><c>radioctl keys rotate</c> against simulated stations on a real Mosquitto: the stations switch keys, the files follow only when all did.</summary>
[TestClass]
public sealed class KeysRotateCommandTests
{
    private const string Commune = "com.ha-tinh.an-binh";
    private const string Province = "prov.ha-tinh";

    [TestMethod]
    public async Task Rotate_EveryStationTakesIt_FilesUpdatedNewKeyAcceptedOldKeyRefused()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        FleetIssuer before = live.Fleet.Issuers.Single(i => i.Name == Commune);
        string oldKey = before.Key;

        CliRun rotate = await live.Workspace.RunAsync("keys", "rotate", "--issuer", Commune, "--commune", "an-binh", "--as", Province);

        Assert.AreEqual(0, rotate.ExitCode, rotate.ToString());
        string newKey = FleetFile.Load(live.Workspace.FleetPath).Issuers.Single(i => i.Name == Commune).Key;
        Assert.AreNotEqual(oldKey, newKey, "the fleet file still holds the old key");
        Assert.AreEqual(newKey, KeyringFile.Load(live.Workspace.KeyringPath).Find(Commune)!.Key, "the keyring file was not updated");
        Assert.IsFalse(File.Exists($"{live.Workspace.KeyringPath}.{Commune}.pending"), "the pending key file was left behind");

        // Signed with the new key (from the updated keyring): accepted by both stations of the commune.
        CliRun play = await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "5s", "--as", Commune);
        Assert.AreEqual(0, play.ExitCode, play.ToString());

        // Signed with the old key: refused by both for its signature.
        var stale = new FleetIssuer { Name = Commune, Level = before.Level, Scopes = before.Scopes, Emergency = before.Emergency, Key = oldKey };
        SignedCommand status = new CommandIssuer(live.Fleet, stale).Create("g/" + Commune, "status", "{}");
        await live.Observer.PublishAsync(status);
        await live.WaitForAsync(o => o.AnsweredCount(status.Id) >= live.AnBinh.Length, TimeSpan.FromSeconds(5), "answers to the old key's command");
        foreach (CommandResultRecord r in live.Observer.ResultsFor(status.Id))
        {
            Assert.IsFalse(r.Accepted, r.Station);
            Assert.AreEqual("bad-signature", r.Reason, r.Station);
        }
    }

    [TestMethod]
    public async Task Rotate_AStationIsOffline_Exits3FilesUnchangedNewKeyKeptPending()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        string oldKey = live.Fleet.Issuers.Single(i => i.Name == Commune).Key;
        await live.Stations[live.AnBinh[1]].KillAsync();

        CliRun rotate = await live.Workspace.RunAsync("keys", "rotate", "--issuer", Commune, "--commune", "an-binh", "--as", Province, "--timeout", "3s");

        Assert.AreEqual(3, rotate.ExitCode, rotate.ToString());
        Assert.AreEqual(oldKey, FleetFile.Load(live.Workspace.FleetPath).Issuers.Single(i => i.Name == Commune).Key);
        Assert.AreEqual(oldKey, KeyringFile.Load(live.Workspace.KeyringPath).Find(Commune)!.Key);
        string pending = $"{live.Workspace.KeyringPath}.{Commune}.pending";
        Assert.IsTrue(File.Exists(pending), rotate.ToString());
        string kept = File.ReadAllText(pending).Trim();
        Assert.AreEqual(64, kept.Length);
        Assert.AreNotEqual(oldKey, kept);
        StringAssert.Contains(rotate.Error, pending);
    }
}
