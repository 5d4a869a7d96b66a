using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Broker;

/// <summary><c>radioctl broker --national / --province P</c>: options that do not go together are refused (exit 1) before anything starts.</summary>
[TestClass]
public sealed class FederatedBrokerCommandTests
{
    [TestMethod]
    [DataRow("--national and --province P are two different brokers", "broker", "--national", "--province", "ha-tinh", "--fleet", "f.json", "--bridge", "b.json")]
    [DataRow("no --secure, --from or --ca-key", "broker", "--national", "--secure", "--fleet", "f.json")]
    [DataRow("need --fleet FILE", "broker", "--national")]
    [DataRow("--province P needs --bridge FILE", "broker", "--province", "ha-tinh", "--fleet", "f.json")]
    [DataRow("--bridge goes with --province P", "broker", "--bridge", "b.json")]
    public async Task BrokerCommand_FederationOptionsThatDoNotFit_Exit1WithTheReason(string reason, params string[] args)
    {
        (int code, string output, string error) = await RunAsync(args);

        Assert.AreEqual(1, code, output + "\n" + error);
        StringAssert.Contains(error, reason);
        Assert.IsFalse(output.Contains("broker:", StringComparison.Ordinal), output);
    }

    [TestMethod]
    public async Task BrokerCommand_ProvinceWithLinkOfAnotherProvince_Exit1NamingIt()
    {
        string directory = Directory.CreateTempSubdirectory("radioctl-tests-federated-").FullName;
        try
        {
            Host.Fleet.FleetFile fleet = Host.Fleet.FleetGenerator.Generate(8, communes: 2, provinces: 2);
            string fleetPath = Path.Combine(directory, "fleet.json");
            fleet.Save(fleetPath);
            string linkPath = Path.Combine(directory, "link.json");
            new Host.Fleet.BridgeLink { Province = fleet.Stations[^1].Province, Address = "mqtt://127.0.0.1:1", Username = "bridge." + fleet.Stations[^1].Province, Password = "x" }.Save(linkPath);

            (int code, _, string error) = await RunAsync("broker", "--province", fleet.Stations[0].Province, "--fleet", fleetPath, "--bridge", linkPath, "--data", Path.Combine(directory, "p"), "--port", "0");

            Assert.AreEqual(1, code, error);
            StringAssert.Contains(error, $"the bridge link is for province '{fleet.Stations[^1].Province}'");
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    // BrokerCommand writes to the console (tests in this assembly run one at a time).
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        TextWriter stdout = Console.Out;
        TextWriter stderr = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            int code = await Program.Main(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
