using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Host.Provisioning;
using CommuneRadio.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

/// <summary>
/// How far one station's flash reaches (docs/security.md): everything key-like (64 hex digits) in the files provisioned
/// for one province's stations (<c>stations/{id}/</c>) signs nothing a station of the other province accepts — under
/// any issuer name, to any addressee that station hears. The stations are the Core endpoints booted from their own
/// generated station.json, as the device boots.
/// </summary>
[TestClass]
public sealed class CrossProvinceKeyTests
{
    private static readonly Regex HexKey = new("[0-9a-fA-F]{64}", RegexOptions.CultureInvariant);

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
    [DataRow("ha-tinh", "quang-tri")]
    [DataRow("quang-tri", "ha-tinh")]
    public void EveryKeyOfOneProvincesStationFiles_RefusedByEveryStationOfTheOther(string stolenFrom, string attacked)
    {
        List<string> keys = StationFiles(stolenFrom).SelectMany(f => HexKey.Matches(File.ReadAllText(f)).Select(m => m.Value.ToLowerInvariant())).Distinct().ToList();
        Assert.IsTrue(keys.Count >= 4, "the files hold the station's keys: " + keys.Count);
        int tried = 0;
        long ctr = 1;
        foreach (FleetStation victim in _fleet.Stations.Where(s => s.Province == attacked))
        {
            CoreStation station = Boot(victim.Id);
            string[] names = Names(station.Endpoint.Keys);
            foreach (string to in station.Endpoint.Topics.Subscriptions.Select(t => t[(_fleet.Prefix.Length + 1)..^"/cmd".Length]))
            {
                foreach (string key in keys)
                {
                    foreach (string iss in names)
                    {
                        foreach (string cmd in new[] { "status", "emergency.start" })
                        {
                            byte[] payload = Sign(iss, to, cmd, ctr++, Convert.FromHexString(key));
                            (string result, string? reason) = station.Deliver($"{_fleet.Prefix}/{to}/cmd", payload)!.Value;
                            Assert.AreEqual("refused", result, $"{victim.Id} accepted {cmd} to {to} as {iss} with a key from {stolenFrom}'s files");
                            Assert.AreEqual("bad-signature", reason, $"{victim.Id}: {cmd} to {to} as {iss}");
                            tried++;
                        }
                    }
                }
            }
        }

        Assert.IsTrue(tried > 100, "tried " + tried);
    }

    [TestMethod]
    public void OwnStationFileKeys_AcceptedByTheStation_TheHarnessCanSeeAnAcceptance()
    {
        foreach (FleetStation s in _fleet.Stations)
        {
            CoreStation station = Boot(s.Id);
            Keyring own = station.Endpoint.Keys;
            for (int i = 0; i < own.Count; i++)
            {
                IssuerKey k = own.At(i);
                (string result, string? reason) = station.Deliver($"{_fleet.Prefix}/st/{s.Id}/cmd", Sign(k.Issuer, "st/" + s.Id, "status", 10 + i, k.Key))!.Value;
                Assert.AreEqual("accepted", result, $"{s.Id} as {k.Issuer}: {reason}");
            }
        }
    }

    [TestMethod]
    public void StationFiles_HoldNoMasterKey()
    {
        string[] masters = _fleet.Issuers.Select(i => i.Key.ToLowerInvariant()).ToArray();
        foreach (string file in StationFiles("ha-tinh").Concat(StationFiles("quang-tri")))
        {
            string text = File.ReadAllText(file).ToLowerInvariant();
            Assert.IsFalse(masters.Any(text.Contains), file + " holds a master key");
        }
    }

    private IEnumerable<string> StationFiles(string province) =>
        _fleet.Stations.Where(s => s.Province == province).SelectMany(s => Directory.GetFiles(Path.GetDirectoryName(_layout.StationConfig(s.Id))!));

    private CoreStation Boot(string id) => CoreStation.FromConfig(File.ReadAllBytes(_layout.StationConfig(id)));

    private static string[] Names(Keyring keyring) => Enumerable.Range(0, keyring.Count).Select(i => keyring.At(i).Issuer).ToArray();

    private static byte[] Sign(string iss, string to, string cmd, long ctr, byte[] key)
    {
        long iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string args = cmd == "status" ? "{}" : CommuneRadio.Host.Commands.ArgsJson.Emergency(60, 0x1, 0);
        return CommandSigner.Sign(new CommandBody(1, "c-" + ctr, iss, to, iat, iat + 600, ctr, cmd, args), key);
    }
}
