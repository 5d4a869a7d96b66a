using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
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
    /// <summary>A protocol token: 1–48 of a-z A-Z 0-9 . _ - : (station ids, group ids, issuer names).</summary>
    public static readonly Regex Token = new("^[A-Za-z0-9._:-]{1,48}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Checks a list of issuers as the fleet file and the keyring file both require: token names, each once,
    /// scopes present, a known level and a 32-byte key. Throws <see cref="InvalidDataException"/> naming
    /// <paramref name="source"/> ("fleet file", a keyring path).
    /// </summary>
    public static void ValidateAll(IEnumerable<FleetIssuer> issuers, string source)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (FleetIssuer i in issuers ?? throw new InvalidDataException($"{source}: issuers missing"))
        {
            if (!Token.IsMatch(i.Name ?? string.Empty))
            {
                throw new InvalidDataException($"{source}: issuer name '{i.Name}' is not a token");
            }

            if (!names.Add(i.Name!))
            {
                throw new InvalidDataException($"{source}: issuer '{i.Name}' appears twice");
            }

            if (i.Scopes is null)
            {
                throw new InvalidDataException($"{source}: issuer '{i.Name}': scopes missing");
            }

            try
            {
                i.ParsedLevel();
                i.KeyBytes();
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"{source}: {ex.Message}", ex);
            }
        }
    }

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
