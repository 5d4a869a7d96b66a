using System;
using System.Linq;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Fleet;

[TestClass]
public sealed class ProvinceKeysTests
{
    private static readonly byte[] Master = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(bytes(range(32)), b'commune-radio/v1/province/ha-tinh', hashlib.sha256).hexdigest())"
    [TestMethod]
    [DataRow("ha-tinh", "b86ce9ca6c73f79b1a9ce113f32db96e3bb6e4dc23d1d4de88be17131e46438d")]
    [DataRow("quang-tri", "ed67810c82593d53decfcb80eb96004dbf6a8806b94c42f6ce9511a5188e07b0")]
    public void Derive_Vector_IsHmacOfTheLabelAndProvince(string province, string expected)
    {
        Assert.AreEqual(expected, Convert.ToHexStringLower(ProvinceKeys.Derive(Master, province)));
        Assert.AreEqual(expected, ProvinceKeys.DeriveHex(Convert.ToHexStringLower(Master), province));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("ha tinh")]
    [DataRow("ha/tinh")]
    public void Derive_ProvinceNotAToken_Throws(string province)
    {
        Assert.ThrowsExactly<ArgumentException>(() => ProvinceKeys.Derive(Master, province));
    }

    [TestMethod]
    public void Derive_ShortMasterKey_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => ProvinceKeys.Derive(new byte[16], "ha-tinh"));
    }

    [TestMethod]
    public void KeyringFor_StationsOfTwoProvinces_HoldDifferentKeysUnderTheSameNamesAndNeverTheMaster()
    {
        FleetFile fleet = FleetGenerator.Generate(8, communes: 2, provinces: 2);
        FleetStation haTinh = fleet.Stations.First(s => s.Province == "ha-tinh");
        FleetStation quangTri = fleet.Stations.First(s => s.Province == "quang-tri");

        Keyring a = fleet.KeyringFor(haTinh);
        Keyring b = fleet.KeyringFor(quangTri);

        CollectionAssert.AreEqual(fleet.Issuer("vn").KeyFor("ha-tinh"), a.Find("vn").Key);
        CollectionAssert.AreEqual(fleet.Issuer("vn").KeyFor("quang-tri"), b.Find("vn").Key);
        CollectionAssert.AreNotEqual(a.Find("vn").Key, b.Find("vn").Key);
        foreach (FleetIssuer issuer in fleet.Issuers)
        {
            byte[] master = issuer.KeyBytes();
            Assert.IsFalse(Enumerable.Range(0, a.Count).Any(i => a.At(i).Key.SequenceEqual(master)), issuer.Name + " master key on a station");
        }
    }

    [TestMethod]
    public void Validate_StationWithoutProvince_Refused()
    {
        FleetFile fleet = FleetGenerator.Generate(2);
        fleet.Stations[0].Province = string.Empty;

        var ex = Assert.ThrowsExactly<System.IO.InvalidDataException>(fleet.Validate);
        StringAssert.Contains(ex.Message, "province");
    }
}
