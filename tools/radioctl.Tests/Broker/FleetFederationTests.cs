using System;
using System.IO;
using System.Linq;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Broker;

/// <summary>The generated bridge section and ACLs of a federated fleet (docs/scale.md), line by line.</summary>
[TestClass]
public sealed class FleetFederationTests
{
    private static readonly FleetFile Fleet = FleetGenerator.Generate(8, communes: 4, provinces: 2);

    private static string A => Fleet.Stations[0].Province;

    private static string B => Fleet.Stations.First(s => s.Province != A).Province;

    [TestMethod]
    public void BridgeConfiguration_TlsLink_PersistentQos1SessionWithFixedIdCredentialsAndLimits()
    {
        var link = new BridgeLink { Province = A, Address = "mqtts://national.example:8883", Username = "bridge." + A, Password = "pw", CaPem = "x" };

        string[] lines = FleetFederation.BridgeConfiguration(Fleet, A, link, "/etc/cr/national-ca.pem").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        foreach (string expected in new[]
        {
            "connection national", "address national.example:8883", "remote_clientid bridge." + A, "remote_username bridge." + A, "remote_password pw",
            "bridge_protocol_version mqttv311", "bridge_cafile /etc/cr/national-ca.pem", "bridge_insecure false", "cleansession false",
            "local_cleansession false", "restart_timeout 5 30", $"bridge_max_packet_size {BrokerLimits.MaxPacketBytes}",
            $"topic cr/v1/g/vn/cmd in 1", $"topic cr/v1/g/prov.{A}/cmd in 1", "topic cr/v1/st/+/result out 1", "topic cr/v1/st/+/state out 1",
        })
        {
            CollectionAssert.Contains(lines, expected);
        }

        Assert.IsFalse(lines.Any(l => l.Contains("prov." + B, StringComparison.Ordinal)), "another province's commands are bridged down");
        Assert.IsFalse(lines.Any(l => l.StartsWith("topic", StringComparison.Ordinal) && l.Contains(" in ", StringComparison.Ordinal) && !l.Contains("/g/", StringComparison.Ordinal)), "only group commands come down");
    }

    [TestMethod]
    public void NationalAcl_BridgeUser_ReadsOwnCommandsWritesOnlyOwnStations()
    {
        string acl = FleetFederation.NationalAcl(Fleet);
        string section = acl.Split("\nuser ").First(s => s.StartsWith("bridge." + A + "\n", StringComparison.Ordinal));

        StringAssert.Contains(section, $"topic read cr/v1/g/prov.{A}/cmd");
        StringAssert.Contains(section, $"topic write cr/v1/st/{Fleet.Stations[0].Id}/result");
        StringAssert.Contains(section, $"topic write $SYS/broker/connection/bridge.{A}/state");
        Assert.IsFalse(section.Contains("prov." + B, StringComparison.Ordinal));
        Assert.IsFalse(section.Contains("+", StringComparison.Ordinal), "a wildcard in a bridge user's ACL");
        Assert.IsFalse(Fleet.Stations.Where(s => s.Province == B).Any(s => section.Contains(s.Id, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ProvinceFleet_UnknownProvince_Refused()
    {
        InvalidDataException ex = Assert.ThrowsExactly<InvalidDataException>(() => FleetFederation.ProvinceFleet(Fleet, "atlantis"));

        StringAssert.Contains(ex.Message, "no station in province 'atlantis'");
    }

    [TestMethod]
    public void ProvinceAcl_OtherProvince_NoStationOrIssuerOfIt()
    {
        string acl = FleetFederation.ProvinceAcl(Fleet, A);

        Assert.IsFalse(acl.Contains("prov." + B, StringComparison.Ordinal));
        StringAssert.Contains(acl, "user vn\n");
        StringAssert.Contains(acl, $"user bridge.{A}\n");
    }
}
