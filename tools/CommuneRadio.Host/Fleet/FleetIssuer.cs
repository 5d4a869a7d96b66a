using System;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// One issuer of a fleet file (docs/fleet.md, protocol §4.2): a signing key with its level, the addressees it
/// may command and whether it may send emergencies. The same entry is what stations put in their keyring
/// and what radioctl signs with.
/// </summary>
public sealed class FleetIssuer
{
    /// <summary>Issuer name (protocol token), e.g. "prov.ha-tinh".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>"national", "province", "commune" or "station".</summary>
    public string Level { get; set; } = "commune";

    /// <summary>Addressees, e.g. ["g/prov.ha-tinh"] or ["st/ht-ab-001"].</summary>
    public string[] Scopes { get; set; } = Array.Empty<string>();

    /// <summary>True when it may send emergency-class work.</summary>
    public bool Emergency { get; set; }

    /// <summary>HMAC-SHA256 key: 64 hex digits (32 bytes).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The level as the Core's enum; throws <see cref="FormatException"/> on an unknown name.</summary>
    public IssuerLevel ParsedLevel() => Level switch
    {
        "national" => IssuerLevel.National,
        "province" => IssuerLevel.Province,
        "commune" => IssuerLevel.Commune,
        "station" => IssuerLevel.Station,
        _ => throw new FormatException($"issuer '{Name}': unknown level '{Level}' (national, province, commune, station)"),
    };

    /// <summary>The 32 key bytes; throws <see cref="FormatException"/> when the key is not 64 hex digits.</summary>
    public byte[] KeyBytes()
    {
        if (Key.Length != 64)
        {
            throw new FormatException($"issuer '{Name}': key must be 64 hex digits, not {Key.Length} characters");
        }

        return Convert.FromHexString(Key);
    }

    /// <summary>A fresh keyring entry for a station (its own replay window).</summary>
    public IssuerKey ToIssuerKey() => new(Name, ParsedLevel(), KeyBytes(), (string[])Scopes.Clone(), Emergency);
}
