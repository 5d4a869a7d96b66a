using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Host.Fleet;

/*
 * Keyring file, spec: docs/operators.md §Keyring. What an issuer's machine holds to sign commands: the
 * issuer entries of the fleet file (docs/fleet.md) it may use, and nothing about stations. JSON, camelCase,
 * comments and trailing commas allowed, unknown members refused; saved mode 0600:
 *
 *   {"version":1,
 *    "issuers":[{"name":"prov.ha-tinh","level":"province","scopes":["g/prov.ha-tinh"],"emergency":true,
 *                "key":"<64 hex>"}]}
 *
 * "update": true (omitted when false) gives the issuer the update right (protocol §8). An entry has exactly the members of a fleet file's issuer, with the same rules, so `radioctl keys generate`
 * copies entries from the fleet file and a station's keyring (derived from the fleet file) holds the same key.
 */

/// <summary>The signing keys of one operator or server (spec block above).</summary>
public sealed class KeyringFile
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
    };

    /// <summary>Format version, 1.</summary>
    public int Version { get; set; } = CurrentVersion;

    /// <summary>The issuers this keyring can sign for.</summary>
    public List<FleetIssuer> Issuers { get; set; } = new();

    /// <summary>Reads and validates a keyring file; throws <see cref="InvalidDataException"/> with the reason.</summary>
    public static KeyringFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"keyring {path}: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates keyring JSON; <paramref name="source"/> names it in errors.</summary>
    public static KeyringFile Parse(string json, string source = "keyring")
    {
        KeyringFile? keyring;
        try
        {
            keyring = JsonSerializer.Deserialize<KeyringFile>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: {ex.Message}", ex);
        }

        if (keyring is null)
        {
            throw new InvalidDataException($"{source}: empty");
        }

        keyring.Validate(source);
        return keyring;
    }

    /// <summary>A keyring holding copies of <paramref name="issuers"/>.</summary>
    public static KeyringFile From(IEnumerable<FleetIssuer> issuers)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        var keyring = new KeyringFile();
        foreach (FleetIssuer i in issuers)
        {
            keyring.Issuers.Add(new FleetIssuer { Name = i.Name, Level = i.Level, Scopes = (string[])i.Scopes.Clone(), Emergency = i.Emergency, Update = i.Update, Key = i.Key });
        }

        keyring.Validate("keyring");
        return keyring;
    }

    /// <summary>The issuer with this name, or null.</summary>
    public FleetIssuer? Find(string name) => Issuers.Find(i => i.Name == name);

    /// <summary>The file's JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the file, owner read/write only on Unix (it holds keys), replacing it atomically.</summary>
    public void Save(string path)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp";
        File.WriteAllText(temporary, ToJson());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Checks version, names, levels and keys; throws <see cref="InvalidDataException"/>.</summary>
    public void Validate(string source = "keyring")
    {
        if (Version != CurrentVersion)
        {
            throw new InvalidDataException($"{source}: version {Version} is not supported (expected {CurrentVersion})");
        }

        FleetIssuer.ValidateAll(Issuers, source);
    }
}
