using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// MQTT passwords of a secure broker (docs/fleet.md): one random password per station (user = station id)
/// and per issuer (user = issuer name), kept in <c>credentials.json</c> in the broker's data directory
/// (owner read/write only) so simulators and tools on this machine can log in:
/// <code>
/// {"ht-ab-001":"Zq4…","prov.ha-tinh":"8Hc…"}
/// </code>
/// </summary>
public static class FleetCredentials
{
    /// <summary>File name in the data directory.</summary>
    public const string FileName = "credentials.json";

    /// <summary>A fresh password for every station and issuer of the fleet (24 random bytes, base64url).</summary>
    public static Dictionary<string, string> Generate(FleetFile fleet) => Generate(fleet, null);

    /// <summary>
    /// A password for every station and issuer of the fleet: the one in <paramref name="keep"/> when it has the
    /// user (re-provisioning keeps what devices already hold), otherwise a fresh one. Users of
    /// <paramref name="keep"/> that are not in the fleet are dropped.
    /// </summary>
    public static Dictionary<string, string> Generate(FleetFile fleet, IReadOnlyDictionary<string, string>? keep)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        string Password(string user) => keep is not null && keep.TryGetValue(user, out string? old) && old.Length > 0 ? old : NewPassword();
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (FleetStation s in fleet.Stations)
        {
            users.Add(s.Id, Password(s.Id));
        }

        foreach (FleetIssuer i in fleet.Issuers)
        {
            if (!users.TryAdd(i.Name, Password(i.Name)))
            {
                throw new InvalidDataException($"fleet file: issuer '{i.Name}' has the name of a station; MQTT user names must differ");
            }
        }

        return users;
    }

    /// <summary>Writes the credentials file (mode 0600 on Unix).</summary>
    public static void Save(string path, IReadOnlyDictionary<string, string> users)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(users));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Reads a credentials file.</summary>
    public static Dictionary<string, string> Load(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? new Dictionary<string, string>();

    /// <summary>A fresh random password: 24 random bytes, base64url.</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
