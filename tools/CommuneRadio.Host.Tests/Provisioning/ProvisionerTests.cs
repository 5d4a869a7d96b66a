using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

[TestClass]
public sealed class ProvisionerTests
{
    private string _dir = string.Empty;

    [TestInitialize]
    public void Setup() => _dir = ProvisionTestData.NewDirectory();

    [TestCleanup]
    public void Cleanup() => ProvisionTestData.Delete(_dir);

    [TestMethod]
    public void Run_ThreeStations_EveryConfigurationIsValidInCoreWithFourKeys()
    {
        ProvisionResult result = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });

        CollectionAssert.AreEqual(new[] { "ht-ab-001", "ht-ab-002", "ht-ka-001" }, result.AddedStations);
        foreach (string id in result.AddedStations)
        {
            StationConfig config = Parse(result.Layout.StationConfig(id));
            Assert.IsTrue(config.Valid, id);
            Assert.AreEqual(id, config.Protocol.Station);
            Assert.AreEqual(id, config.Device.Username);
            Assert.AreEqual(4, config.Keys.Count, id);
            Assert.IsNotNull(config.Keys.Find("st." + id));
        }

        StationConfig ab2 = Parse(result.Layout.StationConfig("ht-ab-002"));
        Assert.AreEqual("board-8relay", ab2.Device.Board);
        Assert.AreEqual("Nhà văn hoá, thôn 3", ab2.Device.WifiSsid);
        Assert.AreEqual(4, ab2.Station.Relays.Lines.Length);
        CollectionAssert.AreEqual(new[] { "vn", "prov.ha-tinh", "com.ha-tinh.an-binh", "x.coastal", "x.market" }, ab2.Protocol.Groups);
    }

    [TestMethod]
    public void Run_KeyModel_EmergencyForNationalAndProvinceOnlyAndCommuneKeyOnlyInItsCommune()
    {
        ProvisionResult result = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });
        Keyring ab1 = Parse(result.Layout.StationConfig("ht-ab-001")).Keys;
        Keyring ka1 = Parse(result.Layout.StationConfig("ht-ka-001")).Keys;

        Assert.IsTrue(ab1.Find("vn").MayEmergency);
        Assert.IsTrue(ab1.Find("prov.ha-tinh").MayEmergency);
        Assert.IsFalse(ab1.Find("com.ha-tinh.an-binh").MayEmergency);
        Assert.IsFalse(ab1.Find("st.ht-ab-001").MayEmergency);
        CollectionAssert.AreEqual(new[] { "st/ht-ab-001" }, ab1.Find("st.ht-ab-001").Scopes);
        Assert.IsNull(ka1.Find("com.ha-tinh.an-binh"), "a commune's key is never on another commune's devices");
        Assert.IsNull(ka1.Find("st.ht-ab-001"));
        CollectionAssert.AreEqual(ab1.Find("vn").Key, ka1.Find("vn").Key, "one national key per directory");
        Assert.AreEqual(32, ab1.Find("st.ht-ab-001").Key.Length);
        Assert.IsFalse(ab1.Find("st.ht-ab-001").Key.SequenceEqual(Parse(result.Layout.StationConfig("ht-ab-002")).Keys.Find("st.ht-ab-002").Key));
    }

    [TestMethod]
    public void Run_UpdateRight_OnlyNamedIssuersInStationConfigsFleetAndKeyringsAndKeptOnRerun()
    {
        ProvisionResult first = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });
        Assert.IsFalse(Parse(first.Layout.StationConfig("ht-ab-001")).Keys.Find("prov.ha-tinh").MayUpdate, "no issuer has the update right unless named");
        Assert.IsFalse(File.ReadAllText(first.Layout.Fleet).Contains("\"update\"", StringComparison.Ordinal), "files without the right are as before");

        ProvisionResult granted = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir, UpdateIssuers = new[] { "prov.ha-tinh" } });
        Keyring ab1 = Parse(granted.Layout.StationConfig("ht-ab-001")).Keys;
        Assert.IsTrue(ab1.Find("prov.ha-tinh").MayUpdate);
        Assert.IsFalse(ab1.Find("vn").MayUpdate);
        Assert.IsFalse(ab1.Find("com.ha-tinh.an-binh").MayUpdate);
        Assert.IsTrue(FleetFile.Load(granted.Layout.Fleet).Issuers.Single(i => i.Name == "prov.ha-tinh").Update);
        Assert.IsTrue(KeyringFile.Load(granted.Layout.Role("prov.ha-tinh").Keyring).Issuers.Single().Update, "the issuer's own keyring says so too");

        ProvisionResult rerun = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });
        Assert.IsTrue(Parse(rerun.Layout.StationConfig("ht-ka-001")).Keys.Find("prov.ha-tinh").MayUpdate, "a rerun without names keeps the right");
        Assert.ThrowsExactly<ProvisionException>(() => Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir, UpdateIssuers = new[] { "prov.ha-tnh" } }));
    }

    [TestMethod]
    public void Run_Outputs_FleetKeyringsCredentialsAclAndManifestsAreConsistent()
    {
        ProvisionResult result = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });
        ProvisionLayout layout = result.Layout;

        FleetFile fleet = FleetFile.Load(layout.Fleet);
        KeyringFile all = KeyringFile.Load(layout.Keyring);
        KeyringFile commune = KeyringFile.Load(layout.IssuerKeyring("com.ha-tinh.an-binh"));
        Dictionary<string, string> credentials = FleetCredentials.Load(layout.Credentials);

        Assert.AreEqual(3, fleet.Stations.Count);
        CollectionAssert.AreEquivalent(fleet.Issuers.Select(i => i.Name).ToArray(), all.Issuers.Select(i => i.Name).ToArray());
        Assert.AreEqual(fleet.Issuer("com.ha-tinh.an-binh").Key, commune.Issuers.Single().Key);
        Assert.IsFalse(File.Exists(layout.IssuerKeyring("st.ht-ab-001")), "station keys go to the full keyring only");
        Assert.AreEqual(credentials["ht-ab-001"], Parse(layout.StationConfig("ht-ab-001")).Device.Password);
        Assert.AreEqual(credentials.Count, File.ReadAllLines(layout.MosquittoPasswords).Length);
        Assert.AreEqual(FleetAcl.Generate(fleet), File.ReadAllText(layout.MosquittoAcl));
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(layout.DeployManifest("ht-ab-001")));
        JsonElement file = manifest.RootElement.GetProperty("Files").EnumerateArray().Single();
        Assert.AreEqual(@"I:\station.json", file.GetProperty("DestinationFilePath").GetString());
        Assert.AreEqual(layout.StationConfig("ht-ab-001"), file.GetProperty("SourceFilePath").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(layout.Fleet));
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(layout.Directory, "stations")));
        }
    }

    [TestMethod]
    public void Run_InvalidRow_RefusedAndNothingWritten()
    {
        string text = ProvisionTestData.ThreeStations() + "ht-ab-009,an-binh,ha-tinh,,relay5,AnBinh,,mqtt://127.0.0.1:1883\r\n";

        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Provisioner.Run(new ProvisionOptions { InventoryText = text, Directory = _dir }));

        Assert.AreEqual("row 5, column board: unknown profile 'relay5' (devkit-4relay, board-8relay)", ex.Errors.Single().ToString());
        Assert.IsFalse(Directory.Exists(_dir));
    }

    [TestMethod]
    public void Run_AgainWithANewStation_KeepsEveryKeyAndPasswordAndAddsTheStation()
    {
        Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });
        var layout = new ProvisionLayout(_dir);
        FleetFile before = FleetFile.Load(layout.Fleet);
        Dictionary<string, string> passwordsBefore = FleetCredentials.Load(layout.Credentials);
        string configBefore = File.ReadAllText(layout.StationConfig("ht-ab-001"));

        ProvisionResult again = Provisioner.Run(new ProvisionOptions
        {
            InventoryText = ProvisionTestData.With("ht-th-001,thach-ha,ha-tinh,,devkit-4relay,ThachHa,,mqtt://127.0.0.1:1883"),
            Directory = _dir,
        });

        FleetFile after = FleetFile.Load(layout.Fleet);
        Dictionary<string, string> passwordsAfter = FleetCredentials.Load(layout.Credentials);
        CollectionAssert.AreEqual(new[] { "ht-th-001" }, again.AddedStations);
        CollectionAssert.AreEquivalent(new[] { "com.ha-tinh.thach-ha", "st.ht-th-001" }, again.NewKeys);
        Assert.AreEqual(4, after.Stations.Count);
        foreach (FleetIssuer old in before.Issuers)
        {
            Assert.AreEqual(old.Key, after.Issuer(old.Name).Key, old.Name);
        }

        foreach (KeyValuePair<string, string> user in passwordsBefore)
        {
            Assert.AreEqual(user.Value, passwordsAfter[user.Key], user.Key);
        }

        Assert.AreEqual(configBefore, File.ReadAllText(layout.StationConfig("ht-ab-001")), "an untouched station's file is regenerated byte for byte");
        Assert.AreEqual(4, Inventory.Parse(File.ReadAllText(layout.Inventory)).Count);
    }

    [TestMethod]
    public void Run_RotateKeys_ReplacesEveryKeyAndPassword()
    {
        Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });
        var layout = new ProvisionLayout(_dir);
        FleetFile before = FleetFile.Load(layout.Fleet);
        Dictionary<string, string> passwordsBefore = FleetCredentials.Load(layout.Credentials);

        ProvisionResult rotated = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir, RotateKeys = true });

        FleetFile after = FleetFile.Load(layout.Fleet);
        Assert.IsEmpty(rotated.KeptKeys);
        Assert.IsTrue(before.Issuers.All(i => after.Issuer(i.Name).Key != i.Key));
        Assert.IsTrue(FleetCredentials.Load(layout.Credentials).All(u => passwordsBefore[u.Key] != u.Value));
        Assert.AreEqual(ProvinceKeys.DeriveHex(after.Issuer("vn").Key, "ha-tinh"), Convert.ToHexStringLower(Parse(layout.StationConfig("ht-ka-001")).Keys.Find("vn").Key), "the station holds the new key of its province");
    }

    [TestMethod]
    public void Run_TlsBrokerWithoutCa_RefusedOnTheBrokerColumn()
    {
        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() =>
            Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations("mqtts://mqtt.ha-tinh.example.vn:8883"), Directory = _dir }));

        Assert.AreEqual("broker", ex.Errors.Single().Column);
        StringAssert.Contains(ex.Errors.Single().Message, "--ca");
    }

    [TestMethod]
    public void Run_TlsBrokerWithCa_ConfigNamesCaFileAndManifestDeploysIt()
    {
        string ca = Path.Combine(Path.GetDirectoryName(_dir)!, "provincial-ca.pem");
        File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        ProvisionResult result = Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations("mqtts://mqtt.ha-tinh.example.vn:8883"), Directory = _dir, CaPath = ca });

        StationConfig config = Parse(result.Layout.StationConfig("ht-ab-001"));
        Assert.IsTrue(config.Device.BrokerTls);
        Assert.AreEqual("ca.pem", config.Device.CaCertificateFile);
        Assert.AreEqual(8883, config.Device.BrokerPort);
        Assert.AreEqual(File.ReadAllText(ca), File.ReadAllText(result.Layout.Ca));
        CollectionAssert.AreEqual(new[] { result.Layout.StationConfig("ht-ab-001"), result.Layout.Ca }, DeployManifest.SourceFiles(File.ReadAllText(result.Layout.DeployManifest("ht-ab-001"))));
    }

    [TestMethod]
    public void Run_ForeignNonEmptyDirectory_Refused()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "mine");

        Assert.ThrowsExactly<ProvisionException>(() => Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir }));
        Assert.AreEqual(1, Directory.GetFileSystemEntries(_dir).Length);
    }

    [TestMethod]
    public void Validate_ConfigTheCoreRefuses_MapsFieldToColumn()
    {
        InventoryRow row = Inventory.Parse(ProvisionTestData.ThreeStations())[0];
        string broken = File.ReadAllText(Path.Combine(RepoRoot(), "Firmware/Config/devkit-4relay.json")).Replace("\"pin\": 22", "\"pin\": 12", StringComparison.Ordinal)
            .Replace("\"ssid\": \"UBND-AnBinh\"", "\"ssid\": \"\"", StringComparison.Ordinal);

        List<ProvisionError> errors = StationConfigWriter.Validate(broken, row, 3, out StationConfig parsed);

        Assert.IsFalse(parsed.Valid);
        CollectionAssert.Contains(errors.Select(e => e.ToString()).ToArray(), "row 2, column board: the generated configuration is refused by the firmware's parser: relays.lines[0].pin strapping-pin");
        Assert.IsTrue(errors.Any(e => e.Column == "wifi_ssid"));
    }

    private static StationConfig Parse(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return ConfigParser.Parse(bytes, bytes.Length);
    }

    private static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "CommuneRadio.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("CommuneRadio.sln not found above " + AppContext.BaseDirectory);
    }
}
