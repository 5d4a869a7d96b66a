using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommuneRadio.Core.Config;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// Writes one station's configuration file (docs/configuration.md) from its board profile
/// (<see cref="BoardTemplates"/>): the profile's <c>relays</c>, <c>timings</c>, <c>sensors</c>, <c>time</c> and
/// station defaults stay; <c>station</c> (id, groups, prefix), <c>wifi</c>, <c>broker</c> and <c>keys</c> are
/// replaced:
/// <code>
/// "broker": {"host":"mqtt.ha-tinh.example.vn","port":8883,"tls":true,"ca_file":"ca.pem",
///            "username":"ht-ab-001","password":"&lt;credentials.json&gt;","keepalive_s":60}
/// "keys":   [{"issuer":"vn","level":"national","scopes":["g/vn"],"emergency":true,"key":"&lt;64 hex&gt;"}, …]
/// </code>
/// Each key is the issuer's key of the station's province (<see cref="ProvinceKeys"/>), never the master key of
/// the fleet file: what the station's flash gives away signs for its own province only (docs/security.md).
/// Every file is then run through the Core's own <see cref="ConfigParser"/>, the code that reads it at boot;
/// <see cref="Validate"/> maps its field-level errors back to inventory columns.
/// </summary>
public static class StationConfigWriter
{
    /// <summary>File name of the CA certificate on the device's I:\ drive (broker.ca_file).</summary>
    public const string CaFileName = "ca.pem";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps Vietnamese SSIDs readable; the parser reads UTF-8
    };

    /// <summary>The configuration file text for a station.</summary>
    /// <param name="row">The station's inventory row.</param>
    /// <param name="prefix">Topic prefix.</param>
    /// <param name="issuers">The issuers it trusts (the fleet's keyring rule), with their master keys.</param>
    /// <param name="brokerPassword">Its MQTT password.</param>
    public static string Write(InventoryRow row, string prefix, IEnumerable<FleetIssuer> issuers, string brokerPassword)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(issuers);
        JsonObject config = JsonNode.Parse(BoardTemplates.Load(row.Board))!.AsObject();
        JsonObject station = config["station"]?.AsObject() ?? new JsonObject();
        config["station"] = new JsonObject
        {
            ["id"] = row.Station,
            ["groups"] = Array(row.Groups()),
            ["topic_prefix"] = prefix,
            ["utc_offset_minutes"] = station["utc_offset_minutes"]?.DeepClone() ?? 420,
            ["telemetry_s"] = station["telemetry_s"]?.DeepClone() ?? 60,
        };
        config["wifi"] = new JsonObject { ["ssid"] = row.WifiSsid, ["password"] = row.WifiPassword };

        BrokerAddress broker = BrokerAddress.Parse(row.Broker);
        JsonNode? keepAlive = config["broker"]?["keepalive_s"]?.DeepClone();
        var brokerNode = new JsonObject { ["host"] = broker.Host, ["port"] = broker.Port, ["tls"] = broker.Tls };
        if (broker.Tls)
        {
            brokerNode["ca_file"] = CaFileName;
        }

        brokerNode["username"] = row.Station;
        brokerNode["password"] = brokerPassword;
        brokerNode["keepalive_s"] = keepAlive ?? 60;
        config["broker"] = brokerNode;

        var keys = new JsonArray();
        foreach (FleetIssuer issuer in issuers)
        {
            var entry = new JsonObject
            {
                ["issuer"] = issuer.Name,
                ["level"] = issuer.Level,
                ["scopes"] = Array(issuer.Scopes),
                ["emergency"] = issuer.Emergency,
                ["key"] = ProvinceKeys.DeriveHex(issuer.Key, row.Province),
            };
            if (issuer.Update)
            {
                // The update right (protocol §8, configuration.md §2.5): written only when given, absent means false.
                entry["update"] = true;
            }

            keys.Add(entry);
        }

        config["keys"] = keys;
        return config.ToJsonString(Indented) + "\n";
    }

    /// <summary>
    /// Parses <paramref name="text"/> with the Core's <see cref="ConfigParser"/> and checks it says what was meant
    /// (station id, groups, key count). Returns the problems as row/column errors; empty when the file is good.
    /// </summary>
    public static List<ProvisionError> Validate(string text, InventoryRow row, int expectedKeys, out StationConfig parsed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(row);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        parsed = ConfigParser.Parse(bytes, bytes.Length);
        var errors = new List<ProvisionError>();
        for (int i = 0; i < parsed.Errors.Count; i++)
        {
            ConfigError e = parsed.Errors.At(i);
            errors.Add(new ProvisionError(row.Row, ColumnFor(e.Field), $"the generated configuration is refused by the firmware's parser: {e.Field} {e.Reason}"));
        }

        if (parsed.Errors.Dropped > 0)
        {
            errors.Add(new ProvisionError(row.Row, null, $"the generated configuration has {parsed.Errors.Dropped} more errors"));
        }

        if (errors.Count == 0 && (parsed.Protocol.Station != row.Station || parsed.Protocol.Groups.Length != row.Groups().Length || parsed.Keys.Count != expectedKeys
            || parsed.Device.WifiSsid != row.WifiSsid || parsed.Device.Board != row.Board))
        {
            errors.Add(new ProvisionError(row.Row, null, "the generated configuration does not read back as written (station, groups, keys, Wi-Fi or board differ)"));
        }

        return errors;
    }

    // Which inventory column a configuration field comes from; null when it comes from the keys or the profile.
    private static string? ColumnFor(string field)
    {
        if (field.StartsWith("station.id", StringComparison.Ordinal))
        {
            return "station";
        }

        if (field.StartsWith("station.groups", StringComparison.Ordinal))
        {
            return "groups";
        }

        if (field.StartsWith("wifi.ssid", StringComparison.Ordinal))
        {
            return "wifi_ssid";
        }

        if (field.StartsWith("wifi.password", StringComparison.Ordinal))
        {
            return "wifi_password";
        }

        if (field.StartsWith("broker", StringComparison.Ordinal))
        {
            return "broker";
        }

        return field.StartsWith("keys", StringComparison.Ordinal) || field.StartsWith("station", StringComparison.Ordinal) || field == "$" ? null : "board";
    }

    private static JsonArray Array(IEnumerable<string> items)
    {
        var array = new JsonArray();
        foreach (string item in items)
        {
            array.Add(item);
        }

        return array;
    }
}
