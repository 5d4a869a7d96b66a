using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Host.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

[TestClass]
public sealed class InventoryTests
{
    private const string Broker = "mqtts://mqtt.ha-tinh.example.vn:8883";

    [TestMethod]
    public void Parse_ValidRows_DerivesGroupsAndKeepsWifiVerbatim()
    {
        List<InventoryRow> rows = Inventory.Parse(ProvisionTestData.ThreeStations());

        Assert.HasCount(3, rows);
        CollectionAssert.AreEqual(new[] { "vn", "prov.ha-tinh", "com.ha-tinh.an-binh", "x.coastal", "x.market" }, rows[1].Groups());
        Assert.AreEqual("Nhà văn hoá, thôn 3", rows[1].WifiSsid);
        Assert.AreEqual(string.Empty, rows[1].WifiPassword);
        Assert.AreEqual(3, rows[1].Row);
    }

    [TestMethod]
    public void Parse_SemicolonsAsExcelWritesThem_NameAndCoordinatesRead()
    {
        string text = Inventory.Header.Replace(',', ';') + ";name;lat;lon\r\n" +
            $"ht-ab-001;an-binh;ha-tinh;\"x.coastal;x.market\";devkit-4relay;AnBinh;;{Broker};Nhà văn hoá thôn 3;18,3421;105,9057\r\n" +
            $"ht-ab-002;an-binh;ha-tinh;;devkit-4relay;AnBinh;;{Broker};;;\r\n";

        List<InventoryRow> rows = Inventory.Parse(text);

        Assert.HasCount(2, rows);
        Assert.AreEqual("Nhà văn hoá thôn 3", rows[0].Name);
        Assert.AreEqual(18.3421, rows[0].Lat!.Value, 1e-9);
        Assert.AreEqual(105.9057, rows[0].Lon!.Value, 1e-9);
        CollectionAssert.AreEqual(new[] { "x.coastal", "x.market" }, rows[0].CustomGroups);
        Assert.IsNull(rows[1].Name);
        Assert.IsNull(rows[1].Lat);
    }

    [TestMethod]
    public void Parse_LatWithoutLonOrOutOfRange_Refused()
    {
        string text = Inventory.Header + ",lat,lon\n" +
            $"ht-ab-001,an-binh,ha-tinh,,devkit-4relay,AnBinh,,{Broker},18.3,\n" +
            $"ht-ab-002,an-binh,ha-tinh,,devkit-4relay,AnBinh,,{Broker},95,105\n";

        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(text));

        CollectionAssert.AreEquivalent(new[] { "2:lon", "3:lat" }, ex.Errors.Select(e => $"{e.Row}:{e.Column}").ToArray());
    }

    [TestMethod]
    public void Parse_SsidOf32LettersWithMarks_RefusedInBytes()
    {
        string ssid = "Nhà văn hoá thôn Đông Hà xã Kỳ";
        Assert.IsTrue(ssid.Length <= 32 && System.Text.Encoding.UTF8.GetByteCount(ssid) > 32, "test data");

        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(ProvisionTestData.With($"ht-ab-001,an-binh,ha-tinh,,devkit-4relay,{ssid},,{Broker}")));

        StringAssert.Contains(ex.Errors.Single().Message, "32 bytes in UTF-8");
        Assert.AreEqual("Nhà văn hoá", Inventory.Parse(ProvisionTestData.With($"ht-ab-001,an-binh,ha-tinh,,devkit-4relay,Nhà văn hoá,,{Broker}"))[0].WifiSsid);
    }

    [TestMethod]
    public void Parse_UnknownBoard_ErrorNamesRowAndColumn()
    {
        string text = ProvisionTestData.With(
            $"ht-ab-001,an-binh,ha-tinh,,devkit-4relay,AnBinh,,{Broker}",
            $"ht-ab-002,an-binh,ha-tinh,,relay5,AnBinh,,{Broker}");

        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(text));

        Assert.AreEqual("row 3, column board: unknown profile 'relay5' (devkit-4relay, board-8relay)", ex.Errors.Single().ToString());
    }

    [TestMethod]
    public void Parse_SeveralBadFields_ListsEveryProblem()
    {
        string text = ProvisionTestData.With(
            $"ht-ab-001,An Binh,ha-tinh,prov.ha-tinh,devkit-4relay,,short,{Broker}",
            $"ht-ab-001,an-binh,ha-tinh,coastal,devkit-4relay,AnBinh,,http://x");

        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(text));

        string[] where = ex.Errors.Select(e => $"{e.Row}:{e.Column}").ToArray();
        CollectionAssert.AreEquivalent(
            new[] { "2:commune", "2:groups", "2:wifi_ssid", "2:wifi_password", "3:station", "3:groups", "3:broker" },
            where);
    }

    [TestMethod]
    public void Parse_WrongHeader_RefusedOnRowOne()
    {
        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse("id,commune\nx,y\n"));

        Assert.AreEqual(1, ex.Errors.Single().Row);
        StringAssert.Contains(ex.Errors.Single().Message, Inventory.Header);
    }

    [TestMethod]
    public void Parse_MissingField_RowErrorWithCount()
    {
        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(ProvisionTestData.With("ht-ab-001,an-binh,ha-tinh,,devkit-4relay,AnBinh,")));

        Assert.AreEqual("row 2: 7 fields, expected 8 (" + Inventory.Header + ")", ex.Errors.Single().ToString());
    }

    [TestMethod]
    public void Parse_TwoBrokers_Refused()
    {
        string text = ProvisionTestData.With(
            $"ht-ab-001,an-binh,ha-tinh,,devkit-4relay,AnBinh,,{Broker}",
            "ht-ab-002,an-binh,ha-tinh,,devkit-4relay,AnBinh,,mqtt://other.example.vn:1883");

        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(text));

        Assert.AreEqual(3, ex.Errors.Single().Row);
        Assert.AreEqual("broker", ex.Errors.Single().Column);
    }

    [TestMethod]
    public void Parse_StationIdTooLongOrLikeAnIssuer_Refused()
    {
        string text = ProvisionTestData.With(
            $"{new string('a', Inventory.MaxStationId + 1)},an-binh,ha-tinh,,devkit-4relay,AnBinh,,{Broker}",
            $"vn,an-binh,ha-tinh,,devkit-4relay,AnBinh,,{Broker}",
            $"st.x,an-binh,ha-tinh,,devkit-4relay,AnBinh,,{Broker}");

        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(text));

        Assert.HasCount(3, ex.Errors);
        Assert.IsTrue(ex.Errors.All(e => e.Column == "station"));
    }

    [TestMethod]
    public void Parse_MalformedCsv_ReportsRowAndCharacter()
    {
        ProvisionException ex = Assert.ThrowsExactly<ProvisionException>(() => Inventory.Parse(ProvisionTestData.With("ht-ab-001,an\"binh,ha-tinh,,devkit-4relay,AnBinh,,mqtt://h")));

        Assert.AreEqual("row 2: not CSV (character 13): a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")", ex.Errors.Single().ToString());
    }

    [TestMethod]
    public void Format_ParsedRows_ParseBackEqual()
    {
        List<InventoryRow> rows = Inventory.Parse(ProvisionTestData.ThreeStations());

        List<InventoryRow> back = Inventory.Parse(Inventory.Format(rows));

        CollectionAssert.AreEqual(rows.SelectMany(r => r.Fields()).ToArray(), back.SelectMany(r => r.Fields()).ToArray());
    }
}
