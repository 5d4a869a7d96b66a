using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Cli.Simulate;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary>
/// Operator commands the way a deployment runs them: the secure broker of <c>radioctl broker --secure</c> (TLS only,
/// a password per station and issuer, ACLs from the fleet), stations connecting with their credentials, radioctl
/// with <c>--broker mqtts://… --ca … --credentials …</c> signing in as the issuer.
/// </summary>
[TestClass]
public sealed class SecureBrokerCommandTests
{
    [TestMethod]
    public async Task Play_OverTlsWithIssuerCredentials_EveryMemberAcceptsAndSwitches()
    {
        using OperatorWorkspace w = new(FleetGenerator.Generate(4, communes: 2, provinces: 1));
        string data = Path.Combine(w.Directory, "broker");
        using MosquittoBroker broker = await LocalBroker.StartSecureAsync(w.Fleet, null, data, default);
        string url = $"mqtts://127.0.0.1:{broker.TlsPort}";
        var ca = new FileInfo(Path.Combine(data, "ca.pem"));
        var credentials = new FileInfo(Path.Combine(data, FleetCredentials.FileName));
        var connections = new StationConnections(BrokerAddress.Parse(url), ca, credentials);
        await using var stations = new SimulatedFleet(w.Fleet, connections.For);
        await stations.StartAsync();
        string[] anBinh = w.Fleet.Stations.Where(s => s.Commune == "an-binh").Select(s => s.Id).ToArray();

        CliRun play = await w.RunAsync(
            "play", "--commune", "an-binh", "--duration", "5s", "--as", "com.ha-tinh.an-binh",
            "--broker", url, "--ca", ca.FullName, "--credentials", credentials.FullName);

        Assert.AreEqual(0, play.ExitCode, play.ToString());
        StringAssert.Contains(play.Output, "2 of 2");
        foreach (string id in anBinh)
        {
            SimulatedStation station = stations[id];
            DateTime deadline = DateTime.UtcNow.AddSeconds(5);
            while (station.Board.AmplifierMask == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.AreNotEqual(0, station.Board.AmplifierMask, id + " did not switch on");
        }
    }

    [TestMethod]
    public async Task Play_WithoutTheCa_Exits1SayingToPassTheCa()
    {
        using OperatorWorkspace w = new(FleetGenerator.Generate(4, communes: 2, provinces: 1));
        string data = Path.Combine(w.Directory, "broker");
        using MosquittoBroker broker = await LocalBroker.StartSecureAsync(w.Fleet, null, data, default);

        CliRun play = await w.RunAsync(
            "play", "--commune", "an-binh", "--duration", "5s", "--broker", $"mqtts://127.0.0.1:{broker.TlsPort}",
            "--credentials", Path.Combine(data, FleetCredentials.FileName));

        Assert.AreEqual(1, play.ExitCode, play.ToString());
        StringAssert.Contains(play.Error, "its certificate is not trusted: pass --ca");
    }
}
