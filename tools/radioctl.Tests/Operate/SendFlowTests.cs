using System.Linq;
using System.Text;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Operate;

/// <summary>How <see cref="SendFlow.Prepare"/> addresses a target the chosen key may or may not address as a group.</summary>
[TestClass]
public sealed class SendFlowTests
{
    private const string Commune = "g/com.ha-tinh.an-binh";

    [TestMethod]
    public void Prepare_KeyScopesTheGroup_OneCommandToTheGroup()
    {
        using OperatorWorkspace w = NewWorkspace();
        Target target = CommuneTarget(w.Fleet);

        (FleetIssuer issuer, var commands) = SendFlow.Prepare(Settings(w, "com.ha-tinh.an-binh"), w.Fleet, target, new SendRequest("relay.selftest", "{}", false));

        Assert.AreEqual("com.ha-tinh.an-binh", issuer.Name);
        Assert.AreEqual(1, commands.Count);
        Assert.AreEqual("cr/v1/" + Commune + "/cmd", commands[0].Topic);
    }

    [TestMethod]
    public void Prepare_ProvinceKeyForACommuneGroup_OneCommandPerMemberWithOneId()
    {
        using OperatorWorkspace w = NewWorkspace();
        Target target = CommuneTarget(w.Fleet);

        (_, var commands) = SendFlow.Prepare(Settings(w, "prov.ha-tinh"), w.Fleet, target, new SendRequest("relay.selftest", "{}", false));

        CollectionAssert.AreEqual(target.Members.Select(s => $"cr/v1/st/{s.Id}/cmd").ToArray(), commands.Select(c => c.Topic).ToArray());
        Assert.AreEqual(1, commands.Select(c => c.Id).Distinct().Count(), "one id, so the answers are collected as for one command");
        Assert.AreEqual(commands.Count, commands.Select(c => Encoding.UTF8.GetString(c.Payload)).Distinct().Count(), "each copy signed for its own station");
    }

    [TestMethod]
    public void Prepare_WithoutAsAndOnlyAProvinceKey_ChoosesItAndSendsToEachMember()
    {
        using OperatorWorkspace w = NewWorkspace();
        w.WriteKeyring(w.Fleet.Issuers.Where(i => i.Name == "prov.ha-tinh"));
        Target target = CommuneTarget(w.Fleet);

        (FleetIssuer issuer, var commands) = SendFlow.Prepare(Settings(w, null), w.Fleet, target, new SendRequest("relay.selftest", "{}", false));

        Assert.AreEqual("prov.ha-tinh", issuer.Name);
        Assert.AreEqual(target.Members.Count, commands.Count);
    }

    [TestMethod]
    public void Prepare_WithoutAs_PrefersTheKeyThatCoversTheGroup()
    {
        using OperatorWorkspace w = NewWorkspace();

        (FleetIssuer issuer, var commands) = SendFlow.Prepare(Settings(w, null), w.Fleet, CommuneTarget(w.Fleet), new SendRequest("relay.selftest", "{}", false));

        Assert.AreEqual("com.ha-tinh.an-binh", issuer.Name);
        Assert.AreEqual(1, commands.Count);
    }

    [TestMethod]
    public void Prepare_CommuneKeyForTheOtherCommune_RefusedNothingSplit()
    {
        using OperatorWorkspace w = NewWorkspace();
        Target other = new("g/com.ha-tinh.ky-anh", "commune group com.ha-tinh.ky-anh", w.Fleet.Stations.Where(s => s.Commune == "ky-anh").ToList());

        var error = Assert.ThrowsExactly<OperatorException>(() => SendFlow.Prepare(Settings(w, "com.ha-tinh.an-binh"), w.Fleet, other, new SendRequest("relay.selftest", "{}", false)));

        StringAssert.Contains(error.Message, "may not address g/com.ha-tinh.ky-anh");
    }

    [TestMethod]
    public void Prepare_NationalKeyForTheWholeFleetOfTwoProvinces_OneCommandPerProvinceGroupWithOneId()
    {
        using var w = new OperatorWorkspace(FleetGenerator.Generate(8, communes: 4, provinces: 2, broker: "mqtt://127.0.0.1:1"));
        Target all = new("g/vn", "the whole fleet", w.Fleet.Stations);

        (FleetIssuer issuer, var commands) = SendFlow.Prepare(Settings(w, "vn"), w.Fleet, all, new SendRequest("emergency.start", ArgsJson.Emergency(60, 0x3, 0), true));

        Assert.AreEqual("vn", issuer.Name);
        CollectionAssert.AreEqual(new[] { "cr/v1/g/prov.ha-tinh/cmd", "cr/v1/g/prov.quang-tri/cmd" }, commands.Select(c => c.Topic).ToArray());
        Assert.AreEqual(1, commands.Select(c => c.Id).Distinct().Count());
    }

    [TestMethod]
    public void Prepare_ArgsPerProvince_EachProvinceGetsItsOwn()
    {
        using var w = new OperatorWorkspace(FleetGenerator.Generate(8, communes: 4, provinces: 2, broker: "mqtt://127.0.0.1:1"));
        Target all = new("g/vn", "the whole fleet", w.Fleet.Stations);
        string newMaster = FleetGenerator.NewKeyHex();
        string Rotate(string province) => "{\"issuer\":\"prov." + province + "\",\"key\":\"" + ProvinceKeys.DeriveHex(newMaster, province) + "\"}";

        (_, var commands) = SendFlow.Prepare(Settings(w, "vn"), w.Fleet, all, new SendRequest("key.rotate", string.Empty, false, ArgsForProvince: Rotate));

        StringAssert.Contains(Encoding.UTF8.GetString(commands[0].Payload), ProvinceKeys.DeriveHex(newMaster, "ha-tinh"));
        StringAssert.Contains(Encoding.UTF8.GetString(commands[1].Payload), ProvinceKeys.DeriveHex(newMaster, "quang-tri"));
        Assert.IsFalse(commands.Any(c => Encoding.UTF8.GetString(c.Payload).Contains(newMaster, System.StringComparison.Ordinal)), "the new master key is sent to no station");
    }

    private static OperatorWorkspace NewWorkspace() =>
        new(FleetGenerator.Generate(4, communes: 2, provinces: 1, broker: "mqtt://127.0.0.1:1"));

    private static Target CommuneTarget(FleetFile fleet) =>
        new(Commune, "commune group com.ha-tinh.an-binh", fleet.Stations.Where(s => s.Commune == "an-binh").ToList());

    private static OperatorSettings Settings(OperatorWorkspace w, string? issuer) =>
        new() { FleetPath = w.FleetPath, KeyringPath = w.KeyringPath, StorePath = w.StorePath, IssuerName = issuer };
}
