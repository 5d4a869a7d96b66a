using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Host.Fleet;

/*
 * Fleet file, spec: docs/fleet.md. JSON, camelCase members:
 *
 *   {"version":1,"prefix":"cr/v1","broker":"mqtt://127.0.0.1:1883",
 *    "stations":[{"id":"ht-ab-001","commune":"an-binh","province":"ha-tinh",
 *                 "groups":["vn","prov.ha-tinh","com.ha-tinh.an-binh"],"board":"relay8"}],
 *    "issuers":[{"name":"prov.ha-tinh","level":"province","scopes":["g/prov.ha-tinh"],"emergency":true,
 *                "key":"<64 hex>"}]}
 *    (an issuer may also have "update":true: it may update the stations' application, protocol §8; omitted when false)
 *
 * Keyring rule (KeyringFor): a station trusts every national issuer, and every other issuer with a scope
 * that names the station ("st/{id}") or one of its groups ("g/{group}") — with the generator's issuers that
 * is national + its province + its commune. At most Keyring.Capacity (16) per station.
 *
 * Keys: issuers[].key is the issuer's master key. A station's keyring holds, under the same issuer names, the
 * keys of its province (ProvinceKeys: HMAC-SHA256(master, "commune-radio/v1/province/" + province)), so every
 * station needs a province (a token). An operator's fleet file has "key": "" for every issuer (its keys are in
 * the operator's keyring file): it serves the operator commands, not simulate.
 */

/// <summary>A fleet of stations and the issuers that command them (spec block above; docs/fleet.md).</summary>
public sealed class FleetFile
{
    /// <summary>The format version this code reads and writes.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Format version, 1.</summary>
    public int Version { get; set; } = CurrentVersion;

    /// <summary>Topic prefix, e.g. "cr/v1".</summary>
    public string Prefix { get; set; } = "cr/v1";

    /// <summary>Broker URL, "mqtt://host:port" or "mqtts://host:port".</summary>
    public string Broker { get; set; } = "mqtt://127.0.0.1:1883";

    /// <summary>The stations.</summary>
    public List<FleetStation> Stations { get; set; } = new();

    /// <summary>The issuers (with their keys: keep the file private).</summary>
    public List<FleetIssuer> Issuers { get; set; } = new();

    /// <summary>Reads and validates a fleet file; throws <see cref="InvalidDataException"/> with the reason.</summary>
    public static FleetFile Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Parses and validates fleet JSON; throws <see cref="InvalidDataException"/> with the reason.</summary>
    public static FleetFile Parse(string json)
    {
        FleetFile? fleet;
        try
        {
            fleet = JsonSerializer.Deserialize<FleetFile>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("fleet file: " + ex.Message, ex);
        }

        if (fleet is null)
        {
            throw new InvalidDataException("fleet file: empty");
        }

        fleet.Validate();
        return fleet;
    }

    /// <summary>The file's JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the file (owner read/write only on Unix: it holds keys).</summary>
    public void Save(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, ToJson());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The station with this id; throws <see cref="KeyNotFoundException"/>.</summary>
    public FleetStation Station(string id) =>
        Stations.Find(s => s.Id == id) ?? throw new KeyNotFoundException($"no station '{id}' in the fleet");

    /// <summary>The issuer with this name; throws <see cref="KeyNotFoundException"/>.</summary>
    public FleetIssuer Issuer(string name) =>
        Issuers.Find(i => i.Name == name) ?? throw new KeyNotFoundException($"no issuer '{name}' in the fleet");

    /// <summary>The issuers a station trusts (keyring rule in the spec block).</summary>
    public List<FleetIssuer> IssuersFor(FleetStation station)
    {
        var trusted = new List<FleetIssuer>();
        foreach (FleetIssuer issuer in Issuers)
        {
            if (issuer.Level == "national" || Array.Exists(issuer.Scopes, scope => Addresses(scope, station)))
            {
                trusted.Add(issuer);
            }
        }

        return trusted;
    }

    /// <summary>A new keyring for a station (fresh replay windows, the keys of its province).</summary>
    public Keyring KeyringFor(FleetStation station)
    {
        ArgumentNullException.ThrowIfNull(station);
        var keyring = new Keyring();
        foreach (FleetIssuer issuer in IssuersFor(station))
        {
            if (!issuer.HasKey)
            {
                throw new InvalidDataException($"fleet file: no key of issuer '{issuer.Name}' (an operator's fleet file holds none): stations need the full fleet file of the provisioning directory");
            }

            if (!keyring.Put(issuer.ToStationKey(station.Province)))
            {
                throw new InvalidDataException($"station '{station.Id}' would trust more than {Keyring.Capacity} issuers");
            }
        }

        return keyring;
    }

    /// <summary>Checks ids, names, keys, levels, boards and keyring sizes; throws <see cref="InvalidDataException"/>.</summary>
    public void Validate()
    {
        Require(Version == CurrentVersion, $"version {Version} is not supported (expected {CurrentVersion})");
        Require(!string.IsNullOrEmpty(Prefix) && !Prefix.Contains('+') && !Prefix.Contains('#') && !Prefix.EndsWith('/'), $"prefix '{Prefix}' is not a topic prefix");
        Require(BrokerAddress.TryParse(Broker, out _), $"broker '{Broker}' is not mqtt://host:port or mqtts://host:port");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (FleetStation s in Stations)
        {
            Require(FleetIssuer.Token.IsMatch(s.Id ?? string.Empty), $"station id '{s.Id}' is not a token (1-48 of a-z A-Z 0-9 . _ - :)");
            Require(ids.Add(s.Id!), $"station id '{s.Id}' appears twice");
            Require(FleetIssuer.Token.IsMatch(s.Province ?? string.Empty), $"station '{s.Id}': province '{s.Province}' is not a token (its keys are those of its province)");
            Require(s.Groups is not null && Array.TrueForAll(s.Groups, g => FleetIssuer.Token.IsMatch(g ?? string.Empty)), $"station '{s.Id}': a group is not a token");
            Require(BoardProfiles.IsKnown(s.Board ?? string.Empty), $"station '{s.Id}': unknown board '{s.Board}' ({string.Join(", ", BoardProfiles.Names)})");
        }

        FleetIssuer.ValidateAll(Issuers, "fleet file", keyOptional: true);

        foreach (FleetStation s in Stations)
        {
            Require(IssuersFor(s).Count <= Keyring.Capacity, $"station '{s.Id}' would trust more than {Keyring.Capacity} issuers");
        }
    }

    private static bool Addresses(string scope, FleetStation station) =>
        scope == FleetGroups.StationTarget(station.Id) || Array.Exists(station.Groups, g => scope == FleetGroups.Target(g));

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException("fleet file: " + problem);
        }
    }
}
