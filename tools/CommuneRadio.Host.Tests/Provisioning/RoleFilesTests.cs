using System.IO;
using System.Linq;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

/// <summary>What <c>radioctl provision</c> writes for each role (DIR/roles/…): that role's keys and MQTT users, and nobody else's.</summary>
[TestClass]
public sealed class RoleFilesTests
{
    private string _dir = string.Empty;
    private ProvisionLayout _layout = null!;
    private FleetFile _fleet = null!;

    [TestInitialize]
    public void Provision()
    {
        _dir = ProvisionTestData.NewDirectory();
        _layout = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.TwoProvinces(), Directory = _dir }).Layout;
        _fleet = FleetFile.Load(_layout.Fleet);
    }

    [TestCleanup]
    public void Delete() => ProvisionTestData.Delete(_dir);

    [TestMethod]
    [DataRow("vn", 5)]
    [DataRow("prov.ha-tinh", 3)]
    [DataRow("prov.quang-tri", 2)]
    [DataRow("com.ha-tinh.an-binh", 2)]
    [DataRow("com.quang-tri.cam-lo", 2)]
    public void Operator_KeyringAndCredentialsHoldItsOwnOnlyAndItsFleetFileNoKey(string issuer, int stations)
    {
        ProvisionLayout role = _layout.Role(issuer);

        KeyringFile keyring = KeyringFile.Load(role.Keyring);
        Assert.AreEqual(issuer, keyring.Issuers.Single().Name);
        Assert.AreEqual(_fleet.Issuer(issuer).Key, keyring.Issuers.Single().Key);
        CollectionAssert.AreEqual(new[] { issuer }, FleetCredentials.Load(role.Credentials).Keys.ToArray());
        FleetFile view = FleetFile.Load(role.Fleet);
        Assert.AreEqual(stations, view.Stations.Count);
        Assert.IsTrue(view.Issuers.All(i => !i.HasKey), "an operator's fleet file holds no key");
        Assert.IsTrue(view.Stations.All(s => _fleet.IssuersFor(_fleet.Station(s.Id)).Any(i => i.Name == issuer)), "only stations it reaches");
        AssertHoldsNoOtherSecret(role.Directory, keyring.Issuers.Single().Key, FleetCredentials.Load(role.Credentials)[issuer]);
    }

    [TestMethod]
    public void Engineer_HoldsTheStationKeysUsersAndConfigurationsOfItsCommuneOnly()
    {
        ProvisionLayout role = _layout.Role(ProvisionLayout.EngineerRole("ha-tinh", "an-binh"));

        KeyringFile keyring = KeyringFile.Load(role.Keyring);
        CollectionAssert.AreEquivalent(new[] { "st.ht-ab-001", "st.ht-ab-002" }, keyring.Issuers.Select(i => i.Name).ToArray());
        CollectionAssert.AreEquivalent(new[] { "st.ht-ab-001", "st.ht-ab-002" }, FleetCredentials.Load(role.Credentials).Keys.ToArray());
        CollectionAssert.AreEquivalent(new[] { "ht-ab-001", "ht-ab-002" }, FleetFile.Load(role.Fleet).Stations.Select(s => s.Id).ToArray());
        Assert.IsTrue(FleetFile.Load(role.Fleet).Issuers.All(i => !i.HasKey));
        CollectionAssert.AreEquivalent(new[] { "ht-ab-001", "ht-ab-002" }, Directory.GetDirectories(Path.Combine(role.Directory, "stations")).Select(Path.GetFileName).ToArray());
        foreach (string id in new[] { "ht-ab-001", "ht-ab-002" })
        {
            Assert.AreEqual(File.ReadAllText(_layout.StationConfig(id)), File.ReadAllText(role.StationConfig(id)));
            StringAssert.Contains(File.ReadAllText(role.DeployManifest(id)), role.StationConfig(id).Replace("\\", "\\\\"), "the manifest deploys the role directory's copy");
        }

        string[] own = keyring.Issuers.Select(i => i.Key).Concat(FleetCredentials.Load(role.Credentials).Values).ToArray();
        foreach (FleetIssuer other in _fleet.Issuers.Where(i => !own.Contains(i.Key)))
        {
            Assert.IsFalse(Directory.EnumerateFiles(role.Directory, "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains(other.Key, System.StringComparison.OrdinalIgnoreCase)), other.Name + "'s master key in the engineer's files");
        }
    }

    // No file of the role holds any master key or MQTT password but the given ones.
    private void AssertHoldsNoOtherSecret(string directory, string ownKey, string ownPassword)
    {
        string all = string.Concat(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (FleetIssuer i in _fleet.Issuers.Where(i => i.Key != ownKey))
        {
            Assert.IsFalse(all.Contains(i.Key, System.StringComparison.OrdinalIgnoreCase), i.Name + "'s key");
        }

        foreach (var user in FleetCredentials.Load(_layout.Credentials).Where(u => u.Value != ownPassword))
        {
            Assert.IsFalse(all.Contains(user.Value, System.StringComparison.Ordinal), user.Key + "'s password");
        }
    }
}
