using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Broker;

/// <summary>
/// Every broker configuration radioctl writes limits packets to what the protocol allows (docs/protocol.md §7):
/// <c>radioctl broker</c>, <c>--secure</c> and <c>--secure --from DIR</c>, and the <c>mosquitto/limits.conf</c> of a
/// provisioning directory for the province's own broker.
/// </summary>
[TestClass]
public sealed class BrokerLimitsTests
{
    private static readonly string Line = $"max_packet_size {BrokerLimits.MaxPacketBytes}";

    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("radioctl-tests-limits-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, true);

    [TestMethod]
    public void MaxPacketBytes_ProtocolPayloadPlusHeaderAndTopic_Is12800()
    {
        Assert.AreEqual(12288, BrokerLimits.MaxPayloadBytes);
        Assert.AreEqual(12800, BrokerLimits.MaxPacketBytes);
    }

    [TestMethod]
    public async Task StartPlainAsync_Configuration_LimitsPacketSize()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using MosquittoBroker broker = await LocalBroker.StartPlainAsync(null, _directory, cts.Token);

        StringAssert.Contains(File.ReadAllText(broker.ConfigurationPath), Line);
    }

    [TestMethod]
    public async Task StartSecureAsync_Configuration_LimitsPacketSize()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using MosquittoBroker broker = await LocalBroker.StartSecureAsync(FleetGenerator.Generate(2), null, _directory, cts.Token);

        StringAssert.Contains(File.ReadAllText(broker.ConfigurationPath), Line);
    }

    [TestMethod]
    public async Task StartProvisionedAsync_ServesTheDirectorysLimitsConf()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Provisioner.Run(new ProvisionOptions
        {
            InventoryText = "station,commune,province,groups,board,wifi_ssid,wifi_password,broker\n"
                + "ht-ab-001,an-binh,ha-tinh,,devkit-4relay,UBND-AnBinh,change-me-wifi,mqtt://127.0.0.1:1883\n",
            Directory = _directory,
        });
        var layout = new ProvisionLayout(_directory);
        Assert.AreEqual(BrokerLimits.MosquittoConfiguration(), File.ReadAllText(layout.MosquittoLimits));

        using MosquittoBroker broker = await LocalBroker.StartProvisionedAsync(_directory, null, null, cts.Token);

        StringAssert.Contains(File.ReadAllText(broker.ConfigurationPath), Line);
    }
}
