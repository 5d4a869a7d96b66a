using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Cli.Simulate;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Broker;

/// <summary>
/// <c>radioctl broker --secure --from DIR</c> with a real Mosquitto: it serves the passwords, ACL and CA of a
/// provisioning directory, so the documented <c>status --credentials DIR/credentials.json</c> works, and it never
/// replaces a CA or key that is there.
/// </summary>
[TestClass]
public sealed class ProvisionedBrokerTests
{
    private const string Inventory =
        "station,commune,province,groups,board,wifi_ssid,wifi_password,broker\n"
        + "ht-ab-001,an-binh,ha-tinh,,devkit-4relay,UBND-AnBinh,change-me-wifi,mqtt://127.0.0.1:1883\n"
        + "ht-ka-001,ky-anh,ha-tinh,,board-8relay,KyAnh,password1,mqtt://127.0.0.1:1883\n";

    private string _directory = null!;

    [TestInitialize]
    public void Provision()
    {
        _directory = Directory.CreateTempSubdirectory("radioctl-tests-prov-").FullName;
        Provisioner.Run(new ProvisionOptions { InventoryText = Inventory, Directory = _directory });
    }

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, true);

    [TestMethod]
    public async Task StartProvisionedAsync_StatusWithTheProvisionedCredentials_StationAnswers()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var layout = new ProvisionLayout(_directory);
        using MosquittoBroker broker = await LocalBroker.StartProvisionedAsync(_directory, null, null, cts.Token);
        string url = $"mqtts://127.0.0.1:{broker.TlsPort}";
        FleetFile fleet = FleetFile.Load(layout.Fleet);
        var connections = new StationConnections(BrokerAddress.Parse(url), new FileInfo(layout.Ca), new FileInfo(layout.Credentials));
        await using var stations = new SimulatedFleet(fleet, connections.For);
        await stations.StartAsync(cancellationToken: cts.Token);
        using OperatorWorkspace w = new(fleet);

        CliRun status = await w.RunAsync(
            cts.Token, "status", "--station", "ht-ab-001", "--fleet", layout.Fleet, "--keyring", layout.Keyring,
            "--broker", url, "--ca", layout.Ca, "--credentials", layout.Credentials);

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        StringAssert.Contains(status.Output, "ht-ab-001");
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "ca.key")), "the CA key made for the directory");
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(broker.WorkingDirectory, "server.key")));
        }
    }

    [TestMethod]
    public async Task StartProvisionedAsync_CaWithoutItsKey_RefusedAndCaUnchanged()
    {
        using TestCertificateAuthority provincial = TestCertificateAuthority.Create("Provincial CA", TimeSpan.FromDays(30));
        string ca = Path.Combine(_directory, "ca.pem");
        string pem = TestCertificateAuthority.ExportCertificatePem(provincial.Certificate);
        File.WriteAllText(ca, pem);

        InvalidDataException error = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => LocalBroker.StartProvisionedAsync(_directory, null, null, CancellationToken.None));

        StringAssert.Contains(error.Message, "--ca-key");
        Assert.AreEqual(pem, File.ReadAllText(ca), "the CA clients trust was replaced");
        Assert.IsFalse(File.Exists(Path.Combine(_directory, "ca.key")));
    }

    [TestMethod]
    public async Task StartProvisionedAsync_CaKeyGiven_ServesThatCa()
    {
        using TestCertificateAuthority provincial = TestCertificateAuthority.Create("Provincial CA", TimeSpan.FromDays(30));
        File.WriteAllText(Path.Combine(_directory, "ca.pem"), TestCertificateAuthority.ExportCertificatePem(provincial.Certificate));
        string key = Path.Combine(Directory.CreateTempSubdirectory("radioctl-tests-key-").FullName, "provincial.key");
        TestCertificateAuthority.WritePrivateFile(key, TestCertificateAuthority.ExportPrivateKeyPem(provincial.Certificate));
        try
        {
            using MosquittoBroker broker = await LocalBroker.StartProvisionedAsync(_directory, null, key, CancellationToken.None);

            Assert.AreEqual(provincial.Certificate.Thumbprint, broker.CertificateAuthority!.Certificate.Thumbprint);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(key)!, true);
        }
    }

    [TestMethod]
    public void EnsurePortFree_SomethingListens_ThrowsNamingThePort()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        int port = ((IPEndPoint)other.LocalEndpoint).Port;

        IOException error = Assert.ThrowsExactly<IOException>(() => LocalBroker.EnsurePortFree(port));

        StringAssert.Contains(error.Message, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task BrokerCommand_PortBusy_Exits1BeforeAnyBanner()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        int port = ((IPEndPoint)other.LocalEndpoint).Port;
        TextWriter stdout = Console.Out;
        TextWriter stderr = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code;
        try
        {
            // BrokerCommand writes to the console (tests in this assembly run one at a time).
            Console.SetOut(output);
            Console.SetError(error);
            code = await Program.Main(new[] { "broker", "--secure", "--from", _directory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        Assert.AreEqual(1, code, output + "\n" + error);
        StringAssert.Contains(error.ToString(), "already in use");
        Assert.IsFalse(output.ToString().Contains("broker:", StringComparison.Ordinal), output.ToString());
        Assert.IsFalse(File.Exists(Path.Combine(_directory, "ca.key")), "nothing is written before the port is known to be free");
    }
}
