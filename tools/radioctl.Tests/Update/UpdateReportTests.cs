using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Cli.Update;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Update;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Update;

/// <summary>The push's JSON document, exit code and issuer choice, from a real push to in-memory stations.</summary>
[TestClass]
public sealed class UpdateReportTests
{
    [TestMethod]
    public async Task Json_CommittedRolledBackSilent_OneRowEachCountsAndExitCode2()
    {
        string dir = Directory.CreateTempSubdirectory("cr-image-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "App.pe"), RandomNumberGenerator.GetBytes(3_000));
            UpdatePackage package = UpdatePackage.FromDirectory(dir, "2.0.0", 1024);
            using var stations = new MemoryUpdateStations(RandomNumberGenerator.GetBytes(32), "a", "b", "c");
            stations["b"].Bad = true;
            stations["c"].Online = false;
            string begin = package.BeginArgs(stations.Key);
            var pusher = new UpdatePusher(stations, package, new[] { "a", "b", "c" }, _ => begin, new UpdatePushSettings { Timeout = TimeSpan.FromMilliseconds(200), Retries = 2 });
            await pusher.RunAsync(CancellationToken.None);
            var target = new Target("g/x.test", "group x.test (3 stations)", Array.Empty<FleetStation>());

            using JsonDocument doc = JsonDocument.Parse(UpdateReport.Json(pusher.Stations, package, "prov.ha-tinh", target));
            JsonElement root = doc.RootElement;

            Assert.AreEqual("update.push", root.GetProperty("command").GetString());
            Assert.AreEqual("2.0.0", root.GetProperty("version").GetString());
            Assert.AreEqual(3, root.GetProperty("image").GetProperty("chunks").GetInt32());
            Assert.AreEqual("App.pe", root.GetProperty("image").GetProperty("files")[0].GetProperty("name").GetString());
            Assert.AreEqual(1, root.GetProperty("committed").GetInt32());
            Assert.AreEqual(1, root.GetProperty("rolledBack").GetInt32());
            Assert.AreEqual(1, root.GetProperty("silent").GetInt32());
            Assert.AreEqual(ExitCodes.Refused, root.GetProperty("exitCode").GetInt32());
            JsonElement[] rows = root.GetProperty("stations").EnumerateArray().ToArray();
            CollectionAssert.AreEqual(new[] { "committed", "rolled-back", "silent" }, rows.Select(r => r.GetProperty("outcome").GetString()).ToArray());
            Assert.AreEqual("2.0.0", rows[0].GetProperty("running").GetString());
            Assert.AreEqual(3, rows[0].GetProperty("chunksVerified").GetInt32());
            Assert.AreEqual("not-healthy", rows[1].GetProperty("reason").GetString());
            Assert.AreEqual(JsonValueKind.Null, rows[0].GetProperty("reason").ValueKind);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public async Task ExitCode_SilentBesideCommitted_3AllCommitted_0()
    {
        string dir = Directory.CreateTempSubdirectory("cr-image-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "App.pe"), RandomNumberGenerator.GetBytes(600));
            UpdatePackage package = UpdatePackage.FromDirectory(dir, "2.0.0", 256);
            using var stations = new MemoryUpdateStations(RandomNumberGenerator.GetBytes(32), "a", "b");
            stations["b"].Online = false;
            string begin = package.BeginArgs(stations.Key);
            var settings = new UpdatePushSettings { Timeout = TimeSpan.FromMilliseconds(200), Retries = 1 };
            var first = new UpdatePusher(stations, package, new[] { "a", "b" }, _ => begin, settings);
            await first.RunAsync(CancellationToken.None);
            stations["b"].Online = true;
            var second = new UpdatePusher(stations, package, new[] { "a", "b" }, _ => begin, settings);
            await second.RunAsync(CancellationToken.None);

            Assert.AreEqual(ExitCodes.Silent, UpdateReport.ExitCode(first.Stations));
            Assert.AreEqual(ExitCodes.Ok, UpdateReport.ExitCode(second.Stations), "a up to date, b committed");
            CollectionAssert.AreEqual(new[] { PushPhase.UpToDate, PushPhase.Committed }, second.Stations.Select(s => s.Phase).ToArray());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void Choose_NoAs_LowestLevelWithTheUpdateRightThatReachesEveryMember()
    {
        FleetFile fleet = FleetGenerator.Generate(4, communes: 2, provinces: 1);
        FleetIssuer province = fleet.Issuers.First(i => i.Level == "province");
        FleetIssuer commune = fleet.Issuers.First(i => i.Level == "commune");
        FleetIssuer national = fleet.Issuers.First(i => i.Level == "national");
        province.Update = true;
        national.Update = true;
        Target one = TargetOptions.Station(fleet, fleet.Stations.First(s => commune.Scopes.Contains(FleetGroups.Target(s.Groups.First(g => g.StartsWith("com.", StringComparison.Ordinal))))).Id);

        Assert.AreEqual(province.Name, UpdateCommand.Choose(KeyringFile.From(fleet.Issuers), null, one).Name, "the commune key reaches it but has no update right");
        commune.Update = true;
        Assert.AreEqual(commune.Name, UpdateCommand.Choose(KeyringFile.From(fleet.Issuers), null, one).Name);
        foreach (FleetIssuer i in fleet.Issuers)
        {
            i.Update = false;
        }

        Assert.ThrowsExactly<OperatorException>(() => UpdateCommand.Choose(KeyringFile.From(fleet.Issuers), null, one));
    }
}
