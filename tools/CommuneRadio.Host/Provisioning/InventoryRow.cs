using System;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Provisioning;

/// <summary>One validated station of an inventory (<see cref="Inventory"/>).</summary>
public sealed class InventoryRow
{
    /// <summary>Row (line number) in the inventory it came from.</summary>
    public int Row { get; init; }

    /// <summary>Station id, e.g. "ht-ab-001".</summary>
    public string Station { get; init; } = string.Empty;

    /// <summary>Commune slug, e.g. "an-binh".</summary>
    public string Commune { get; init; } = string.Empty;

    /// <summary>Province slug, e.g. "ha-tinh".</summary>
    public string Province { get; init; } = string.Empty;

    /// <summary>Custom groups from the groups column (x.{name}), without the derived ones.</summary>
    public string[] CustomGroups { get; init; } = Array.Empty<string>();

    /// <summary>Board profile, e.g. "devkit-4relay".</summary>
    public string Board { get; init; } = string.Empty;

    /// <summary>Wi-Fi network name.</summary>
    public string WifiSsid { get; init; } = string.Empty;

    /// <summary>Wi-Fi password ("" for an open network).</summary>
    public string WifiPassword { get; init; } = string.Empty;

    /// <summary>Broker URL as written.</summary>
    public string Broker { get; init; } = string.Empty;

    /// <summary>Display name with diacritics (column <c>name</c>), or null.</summary>
    public string? Name { get; init; }

    /// <summary>Latitude in degrees (column <c>lat</c>), or null.</summary>
    public double? Lat { get; init; }

    /// <summary>Longitude in degrees (column <c>lon</c>), or null.</summary>
    public double? Lon { get; init; }

    /// <summary>Every group the station hears: vn, prov.{p}, com.{p}.{c}, then the custom ones.</summary>
    public string[] Groups()
    {
        var groups = new string[3 + CustomGroups.Length];
        groups[0] = FleetGroups.National;
        groups[1] = FleetGroups.Province(Province);
        groups[2] = FleetGroups.Commune(Province, Commune);
        CustomGroups.CopyTo(groups, 3);
        return groups;
    }

    /// <summary>The row's fields in <see cref="Inventory.Columns"/> order (for writing the merged inventory).</summary>
    public string[] Fields() =>
        new[] { Station, Commune, Province, string.Join(';', CustomGroups), Board, WifiSsid, WifiPassword, Broker };
}
