using System.IO;
using System.Linq;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Fleet;

[TestClass]
public sealed class FleetFileTests
{
    [TestMethod]
    public void Generate_TwentyStationsTwoCommunes_SplitsStationsAndMakesOneIssuerPerLevel()
    {
        FleetFile fleet = FleetGenerator.Generate(20, communes: 2, provinces: 1);

        Assert.AreEqual(20, fleet.Stations.Count);
        Assert.AreEqual(10, fleet.Stations.Count(s => s.Commune == "an-binh"));
        CollectionAssert.AreEqual(new[] { "vn", "prov.ha-tinh", "com.ha-tinh.an-binh", "com.ha-tinh.ky-anh" }, fleet.Issuers.Select(i => i.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "vn", "prov.ha-tinh", "com.ha-tinh.an-binh" }, fleet.Stations[0].Groups);
        Assert.AreEqual(fleet.Issuers.Count, fleet.Issuers.Select(i => i.Key).Distinct().Count(), "keys must be fresh per issuer");
    }

    [TestMethod]
    public void KeyringFor_GeneratedStation_TrustsNationalItsProvinceAndItsCommuneOnly()
    {
        FleetFile fleet = FleetGenerator.Generate(4, communes: 2, provinces: 1);

        Keyring keys = fleet.KeyringFor(fleet.Stations[0]);

        Assert.AreEqual(3, keys.Count);
        Assert.IsNotNull(keys.Find("vn"));
        Assert.IsNotNull(keys.Find("prov.ha-tinh"));
        Assert.IsNotNull(keys.Find("com.ha-tinh.an-binh"));
        Assert.IsNull(keys.Find("com.ha-tinh.ky-anh"));
    }

    [TestMethod]
    public void Parse_SavedJson_RoundTripsStationsIssuersAndKeys()
    {
        FleetFile fleet = FleetGenerator.Generate(3);

        FleetFile back = FleetFile.Parse(fleet.ToJson());

        Assert.AreEqual(fleet.ToJson(), back.ToJson());
    }

    [TestMethod]
    public void Parse_ShortKey_ThrowsInvalidDataNamingTheIssuer()
    {
        FleetFile fleet = FleetGenerator.Generate(1);
        fleet.Issuers[0].Key = "abcd";

        InvalidDataException ex = Assert.ThrowsExactly<InvalidDataException>(() => FleetFile.Parse(fleet.ToJson()));

        StringAssert.Contains(ex.Message, "issuer 'vn'");
    }

    [TestMethod]
    public void Parse_DuplicateStationId_ThrowsInvalidData()
    {
        FleetFile fleet = FleetGenerator.Generate(2);
        fleet.Stations[1].Id = fleet.Stations[0].Id;

        Assert.ThrowsExactly<InvalidDataException>(() => FleetFile.Parse(fleet.ToJson()));
    }

    [TestMethod]
    public void Generate_AclForStationAndCommuneIssuer_GrantsOnlyOwnTopics()
    {
        FleetFile fleet = FleetGenerator.Generate(2, communes: 2, provinces: 1);

        string acl = FleetAcl.Generate(fleet);

        StringAssert.Contains(acl, "user ht-ab-001\ntopic read cr/v1/st/ht-ab-001/cmd\ntopic read cr/v1/g/vn/cmd\ntopic read cr/v1/g/prov.ha-tinh/cmd\ntopic read cr/v1/g/com.ha-tinh.an-binh/cmd\ntopic write cr/v1/st/ht-ab-001/result".Replace("\n", System.Environment.NewLine, System.StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[] { "cr/v1/g/com.ha-tinh.an-binh/cmd", "cr/v1/st/ht-ab-001/cmd" },
            FleetAcl.CommandTopics(fleet, fleet.Issuer("com.ha-tinh.an-binh")).ToArray());
        CollectionAssert.AreEqual(new[] { "cr/v1/g/+/cmd", "cr/v1/st/+/cmd" }, FleetAcl.CommandTopics(fleet, fleet.Issuer("vn")).ToArray());
    }
}
