using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// One issuer of a fleet file (docs/fleet.md, protocol §4.2): a signing key with its level, the addressees it
/// may command and whether it may send emergencies. <see cref="Key"/> is the master key radioctl and the fleet
/// server sign with; a station's keyring holds the same entry with the key of its province instead
/// (<see cref="ProvinceKeys"/>, docs/security.md), never the master key.
/// </summary>
public sealed class FleetIssuer
{
    /// <summary>A protocol token: 1–48 of a-z A-Z 0-9 . _ - : (station ids, group ids, issuer names).</summary>
    public static readonly Regex Token = new("^[A-Za-z0-9._:-]{1,48}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Checks a list of issuers as the fleet file and the keyring file both require: token names, each once,
    /// scopes present, a known level and a 32-byte key — or, where <paramref name="keyOptional"/> (a fleet file),
    /// no key at all (<c>"key": ""</c>: an operator's fleet file names the issuers, its keyring holds its keys).
    /// Throws <see cref="InvalidDataException"/> naming <paramref name="source"/> ("fleet file", a keyring path).
    /// </summary>
    public static void ValidateAll(IEnumerable<FleetIssuer> issuers, string source, bool keyOptional = false)
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
                if (!keyOptional || i.HasKey)
                {
                    i.KeyBytes();
                }
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

    /// <summary>
    /// True when it may update the stations' application (<c>update.*</c>, protocol §8); false unless given. Written only
    /// when true, so files of fleets without it stay as they were.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Update { get; set; }

    /// <summary>Master HMAC-SHA256 key: 64 hex digits (32 bytes). Stations hold <see cref="KeyFor"/> of their province.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>False for an entry of an operator's fleet file, which names the issuer but holds no key (<c>"key": ""</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasKey => Key.Length > 0;

    /// <summary>A copy of this entry without its key (for an operator's fleet file).</summary>
    public FleetIssuer WithoutKey() => new() { Name = Name, Level = Level, Scopes = (string[])Scopes.Clone(), Emergency = Emergency, Update = Update, Key = string.Empty };

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

    /// <summary>The key stations of <paramref name="province"/> hold for this issuer (<see cref="ProvinceKeys.Derive"/>).</summary>
    public byte[] KeyFor(string province) => ProvinceKeys.Derive(KeyBytes(), province);

    /// <summary>A fresh keyring entry for a station of <paramref name="province"/> (its own replay window, its province's key).</summary>
    public IssuerKey ToStationKey(string province) => new(Name, ParsedLevel(), KeyFor(province), (string[])Scopes.Clone(), Emergency) { MayUpdate = Update };

    /// <summary>
    /// The issuer's rights (name, level, scopes, emergency, update) as a Core entry with an all-zero key: for checking what it
    /// may address by the Core's rule (<see cref="Keyring.Covers"/>), never for verifying or signing.
    /// </summary>
    public IssuerKey ToRights() => new(Name, ParsedLevel(), new byte[32], (string[])Scopes.Clone(), Emergency) { MayUpdate = Update };
}
