using System;
using System.IO;
using CommuneRadio.Host.Provisioning;

namespace CommuneRadio.Host.Tests.Provisioning;

/// <summary>Inventories and scratch directories for the provisioning tests.</summary>
internal static class ProvisionTestData
{
    /// <summary>Three stations: two in An Binh (devkit-4relay, board-8relay), one in Ky Anh.</summary>
    public static string ThreeStations(string broker = "mqtt://127.0.0.1:1883") =>
        Inventory.Header + "\r\n"
        + $"ht-ab-001,an-binh,ha-tinh,,devkit-4relay,UBND-AnBinh,change-me-wifi,{broker}\r\n"
        + $"ht-ab-002,an-binh,ha-tinh,x.coastal;x.market,board-8relay,\"Nhà văn hoá, thôn 3\",,{broker}\r\n"
        + $"ht-ka-001,ky-anh,ha-tinh,,board-8relay,KyAnh,password1,{broker}\r\n";

    /// <summary>Five stations in two provinces: An Binh (2) and Ky Anh (1) in Ha Tinh, Cam Lo (2) in Quang Tri; x.coastal spans both.</summary>
    public static string TwoProvinces(string broker = "mqtt://127.0.0.1:1883") =>
        Inventory.Header + "\n"
        + $"ht-ab-001,an-binh,ha-tinh,,devkit-4relay,UBND-AnBinh,change-me-wifi,{broker}\n"
        + $"ht-ab-002,an-binh,ha-tinh,x.coastal,board-8relay,AnBinh-2,,{broker}\n"
        + $"ht-ka-001,ky-anh,ha-tinh,,board-8relay,KyAnh,password1,{broker}\n"
        + $"qt-cl-001,cam-lo,quang-tri,x.coastal,board-8relay,CamLo,password2,{broker}\n"
        + $"qt-cl-002,cam-lo,quang-tri,,devkit-4relay,CamLo,password2,{broker}\n";

    /// <summary>A header and the given rows (LF lines).</summary>
    public static string With(params string[] rows) => Inventory.Header + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>A fresh, not yet existing directory path under the temp directory.</summary>
    public static string NewDirectory()
    {
        string parent = Directory.CreateTempSubdirectory("commune-provision-").FullName;
        return Path.Combine(parent, "out");
    }

    /// <summary>Deletes the scratch directory's parent.</summary>
    public static void Delete(string directory)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
