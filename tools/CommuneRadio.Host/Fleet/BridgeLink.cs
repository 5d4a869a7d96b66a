using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommuneRadio.Host.Fleet;

/*
 * Bridge hand-over file, spec: docs/scale.md. What the national broker's operator gives a province's operator so
 * the provincial broker can bridge to it: where the national broker listens, the bridge's user and password on it,
 * and the CA that signed its server certificate. JSON, camelCase, mode 0600 (it holds a password):
 *
 *   {"version":1,"province":"ha-tinh","address":"mqtts://127.0.0.1:8883",
 *    "username":"bridge.ha-tinh","password":"Zq4…","caPem":"-----BEGIN CERTIFICATE-----\n…"}
 *
 * caPem is empty for a plain mqtt:// national listener (benchmarks on loopback only).
 */

/// <summary>How a provincial broker reaches the national one (spec block above).</summary>
public sealed class BridgeLink
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Format version, 1.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Province slug the link belongs to, e.g. "ha-tinh".</summary>
    public string Province { get; set; } = string.Empty;

    /// <summary>The national broker, "mqtts://host:port" (or mqtt:// for a loopback benchmark).</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>The bridge's MQTT user on the national broker, <see cref="FleetFederation.BridgeUser"/>.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>Its password.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>PEM of the CA that signed the national broker's certificate; empty for mqtt://.</summary>
    public string CaPem { get; set; } = string.Empty;

    /// <summary>The parsed <see cref="Address"/>.</summary>
    [JsonIgnore]
    public BrokerAddress Broker => BrokerAddress.Parse(Address);

    /// <summary>Reads and checks a link file; throws <see cref="InvalidDataException"/> with the reason.</summary>
    public static BridgeLink Load(string path)
    {
        BridgeLink? link;
        try
        {
            link = JsonSerializer.Deserialize<BridgeLink>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        if (link is null || link.Version != 1 || !FleetIssuer.Token.IsMatch(link.Province) || link.Username != FleetFederation.BridgeUser(link.Province)
            || link.Password.Length == 0 || !BrokerAddress.TryParse(link.Address, out BrokerAddress address) || address.Tls == (link.CaPem.Length == 0))
        {
            throw new InvalidDataException($"{path}: not a bridge link file (version 1, province, address mqtts:// with caPem or mqtt:// without, username bridge.{{province}}, password)");
        }

        return link;
    }

    /// <summary>Writes the file, owner read/write only on Unix (it holds the bridge's password).</summary>
    public void Save(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
