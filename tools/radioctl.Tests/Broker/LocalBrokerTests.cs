using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Broker;

/// <summary><c>radioctl broker --secure --data DIR</c> restarted on the same directory, with a real Mosquitto and real TLS.</summary>
[TestClass]
public sealed class LocalBrokerTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("radioctl-tests-broker-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, true);

    [TestMethod]
    public async Task StartSecureAsync_RestartedOnTheSameDirectory_KeepsCaAndPasswordsSoEarlierClientsStillConnect()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        FleetFile fleet = FleetGenerator.Generate(3);
        string station = fleet.Stations[0].Id;
        string caPem;
        Dictionary<string, string> passwords;
        using (MosquittoBroker first = await LocalBroker.StartSecureAsync(fleet, null, _directory, cts.Token))
        {
            caPem = File.ReadAllText(Path.Combine(_directory, "ca.pem"));
            passwords = FleetCredentials.Load(Path.Combine(_directory, FleetCredentials.FileName));
            Assert.IsTrue(await ConnectAsync(first.TlsPort!.Value, caPem, station, passwords[station], cts.Token));
        }

        using MosquittoBroker second = await LocalBroker.StartSecureAsync(fleet, null, _directory, cts.Token);

        Assert.AreEqual(caPem, File.ReadAllText(Path.Combine(_directory, "ca.pem")), "the CA handed to clients changed");
        CollectionAssert.AreEquivalent(passwords, FleetCredentials.Load(Path.Combine(_directory, FleetCredentials.FileName)), "passwords changed");
        Assert.IsTrue(await ConnectAsync(second.TlsPort!.Value, caPem, station, passwords[station], cts.Token));
    }

    [TestMethod]
    public void LoadOrCreateAuthority_KeyFileReadableByOwnerOnly_AndReloaded()
    {
        using TestCertificateAuthority created = LocalBroker.LoadOrCreateAuthority(_directory);
        using TestCertificateAuthority loaded = LocalBroker.LoadOrCreateAuthority(_directory);

        Assert.AreEqual(created.Certificate.Thumbprint, loaded.Certificate.Thumbprint);
        Assert.IsTrue(loaded.Certificate.HasPrivateKey);
        Assert.IsTrue(created.Certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(300), "a development CA lasts a year");
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "ca.key")));
        }
    }

    // True when the broker accepted the user over TLS validated against exactly this CA.
    private static async Task<bool> ConnectAsync(int port, string caPem, string user, string password, CancellationToken ct)
    {
        using X509Certificate2 ca = X509Certificate2.CreateFromPem(caPem);
        await using IMqttClient client = MqttClientFactory.Create();
        var options = new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            ClientId = user,
            Username = user,
            Password = password,
            Tls = new MqttTlsOptions { Enabled = true, CaCertificate = ca },
        };
        try
        {
            await client.ConnectAsync(options, ct);
        }
        catch (MqttConnectionRefusedException)
        {
            return false;
        }

        await client.DisconnectAsync(ct);
        return true;
    }
}
