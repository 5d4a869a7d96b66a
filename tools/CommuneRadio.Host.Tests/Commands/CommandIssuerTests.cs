using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Commands;

/// <summary>
/// Signing for per-province keys (docs/security.md): a command is signed with the key of its stations' province, and a
/// command whose stations are in several provinces goes once per province. Checked against the stations' own Core
/// endpoints, each with the keyring the fleet gives it, delivering every copy to every station that hears its topic.
/// </summary>
[TestClass]
public sealed class CommandIssuerTests
{
    // ha-tinh: an-binh, cam-xuyen; quang-tri: ky-anh, thach-ha; two stations each.
    private static FleetFile TwoProvinces() => FleetGenerator.Generate(8, communes: 4, provinces: 2);

    [TestMethod]
    public void CreateAll_NationalToTheWholeFleet_OneCopyPerProvinceGroupAndEveryStationAcceptsExactlyOne()
    {
        FleetFile fleet = TwoProvinces();
        IReadOnlyList<AddressedCommand> copies = new CommandIssuer(fleet, fleet.Issuer("vn")).CreateAll("g/vn", "status", "{}");

        CollectionAssert.AreEqual(new[] { "cr/v1/g/prov.ha-tinh/cmd", "cr/v1/g/prov.quang-tri/cmd" }, copies.Select(c => c.Command.Topic).ToArray());
        Assert.AreEqual(1, copies.Select(c => c.Command.Id).Distinct().Count(), "one command id");
        foreach (FleetStation s in fleet.Stations)
        {
            List<(string Result, string? Reason)> results = DeliverAll(CoreStation.Of(fleet, s), copies);
            Assert.AreEqual(1, results.Count, s.Id);
            Assert.AreEqual("accepted", results[0].Result, s.Id + ": " + results[0].Reason);
        }
    }

    [TestMethod]
    public void CreateAll_NationalEmergencyWithoutScope_EachCopyCarriesTheScopeTheSenderMeant()
    {
        FleetFile fleet = TwoProvinces();
        IReadOnlyList<AddressedCommand> copies = new CommandIssuer(fleet, fleet.Issuer("vn")).CreateAll("g/vn", "emergency.start", ArgsJson.Emergency(60, 0x3, 0));

        foreach (AddressedCommand copy in copies)
        {
            Assert.AreEqual("g/vn", Args(copy.Command).GetProperty("scope").GetString());
        }

        foreach (FleetStation s in fleet.Stations)
        {
            CoreStation station = CoreStation.Of(fleet, s);
            Assert.AreEqual("accepted", DeliverAll(station, copies).Single().Result, s.Id);
        }
    }

    [TestMethod]
    public void CreateAll_OneProvince_TheCommandAsAddressed()
    {
        FleetFile fleet = TwoProvinces();
        FleetIssuer national = fleet.Issuer("vn");

        IReadOnlyList<AddressedCommand> copies = new CommandIssuer(fleet, national).CreateAll("g/com.quang-tri.ky-anh", "emergency.start", ArgsJson.Emergency(60, 0x3, 0));

        Assert.AreEqual(1, copies.Count);
        Assert.AreEqual("cr/v1/g/com.quang-tri.ky-anh/cmd", copies[0].Command.Topic);
        Assert.AreEqual("quang-tri", copies[0].Addressee.Province);
        Assert.IsFalse(Args(copies[0].Command).TryGetProperty("scope", out _), "args unchanged when nothing is split");
    }

    [TestMethod]
    public void CreateAll_CustomGroupAcrossProvinces_EachMemberDirectlyWithItsProvincesKey()
    {
        FleetFile fleet = TwoProvinces();
        FleetStation a = fleet.Stations.First(s => s.Province == "ha-tinh");
        FleetStation b = fleet.Stations.First(s => s.Province == "quang-tri");
        a.Groups = a.Groups.Append("x.song-lam").ToArray();
        b.Groups = b.Groups.Append("x.song-lam").ToArray();
        var river = new FleetIssuer { Name = "x.song-lam", Level = "commune", Scopes = new[] { "g/x.song-lam" }, Key = FleetGenerator.NewKeyHex() };
        fleet.Issuers.Add(river);
        fleet.Validate();

        IReadOnlyList<AddressedCommand> copies = new CommandIssuer(fleet, river).CreateAll("g/x.song-lam", "status", "{}");

        CollectionAssert.AreEqual(new[] { $"cr/v1/st/{a.Id}/cmd", $"cr/v1/st/{b.Id}/cmd" }, copies.Select(c => c.Command.Topic).ToArray());
        Assert.AreEqual("accepted", DeliverAll(CoreStation.Of(fleet, a), copies).Single().Result);
        Assert.AreEqual("accepted", DeliverAll(CoreStation.Of(fleet, b), copies).Single().Result);
    }

    [TestMethod]
    public void CreateAll_ArgsPerProvince_EachCopyGetsItsProvincesArgs()
    {
        FleetFile fleet = TwoProvinces();

        IReadOnlyList<AddressedCommand> copies = new CommandIssuer(fleet, fleet.Issuer("vn")).CreateAll("g/vn", "status", p => p == "ha-tinh" ? "{}" : "{ }");

        Assert.AreEqual("{}", Args(copies[0].Command).GetRawText());
        Assert.AreEqual("{ }", Args(copies[1].Command).GetRawText());
    }

    [TestMethod]
    public void Create_GroupAcrossProvinces_RefusedWithoutSigning()
    {
        FleetFile fleet = TwoProvinces();

        var ex = Assert.ThrowsExactly<ArgumentException>(() => new CommandIssuer(fleet, fleet.Issuer("vn")).Create("g/vn", "status", "{}"));

        StringAssert.Contains(ex.Message, "several provinces");
    }

    [TestMethod]
    public void Create_AddresseeWithoutStations_RefusedWithoutSigning()
    {
        FleetFile fleet = TwoProvinces();

        Assert.ThrowsExactly<ArgumentException>(() => new CommandIssuer(fleet, fleet.Issuer("vn")).Create("st/nobody", "status", "{}"));
    }

    [TestMethod]
    public void Sign_OneProvincesKey_AcceptedThereAndRefusedBadSignatureInTheOther()
    {
        FleetFile fleet = TwoProvinces();
        FleetIssuer national = fleet.Issuer("vn");
        long iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = new CommandBody(1, "c-1", "vn", "g/vn", iat, iat + 600, 1, "status", "{}");
        byte[] haTinhSigned = CommandSigner.Sign(body, national.KeyFor("ha-tinh"));

        foreach (FleetStation s in fleet.Stations)
        {
            (string Result, string? Reason) r = CoreStation.Of(fleet, s).Deliver("cr/v1/g/vn/cmd", haTinhSigned)!.Value;
            if (s.Province == "ha-tinh")
            {
                Assert.AreEqual("accepted", r.Result, s.Id);
            }
            else
            {
                Assert.AreEqual(("refused", "bad-signature"), r, s.Id);
            }
        }

        byte[] masterSigned = CommandSigner.Sign(body, national.KeyBytes());
        Assert.IsTrue(fleet.Stations.All(s => CoreStation.Of(fleet, s).Deliver("cr/v1/g/vn/cmd", masterSigned)!.Value.Reason == "bad-signature"), "the master key itself signs for no station");
    }

    private static List<(string Result, string? Reason)> DeliverAll(CoreStation station, IEnumerable<AddressedCommand> copies) =>
        copies.Select(c => station.Deliver(c.Command.Topic, c.Command.Payload)).Where(r => r is not null).Select(r => r!.Value).ToList();

    private static JsonElement Args(SignedCommand command)
    {
        using JsonDocument doc = JsonDocument.Parse(command.Payload);
        return doc.RootElement.GetProperty("body").GetProperty("args").Clone();
    }
}
