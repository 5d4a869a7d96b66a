using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// nanoff's file-deployment manifest (<c>nanoff --serialport PORT --filedeployment deploy.json</c>, Firmware/README.md
/// "Flash"): a <c>Files</c> list of <c>DestinationFilePath</c> on the device and <c>SourceFilePath</c> on this machine.
/// The serial port is left out (optional in the format): <c>radioctl flash</c> gives it on the command line.
/// <code>
/// {"Files":[{"DestinationFilePath":"I:\\station.json","SourceFilePath":"/home/eng/ht/stations/ht-ab-001/station.json"},
///           {"DestinationFilePath":"I:\\ca.pem","SourceFilePath":"/home/eng/ht/ca.pem"}]}
/// </code>
/// Source paths are absolute (nanoff resolves relative ones against its working directory); after moving a
/// provisioning directory, run provision again to rewrite them.
/// </summary>
public static class DeployManifest
{
    /// <summary>Where the firmware reads its configuration.</summary>
    public const string ConfigDestination = @"I:\station.json";

    /// <summary>Where the firmware reads the broker's CA certificate (broker.ca_file "ca.pem").</summary>
    public const string CaDestination = @"I:\" + StationConfigWriter.CaFileName;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The manifest text: the configuration file and, when given, the CA certificate.</summary>
    public static string Write(string configPath, string? caPath)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        var files = new JsonArray
        {
            new JsonObject { ["DestinationFilePath"] = ConfigDestination, ["SourceFilePath"] = Path.GetFullPath(configPath) },
        };
        if (caPath is not null)
        {
            files.Add(new JsonObject { ["DestinationFilePath"] = CaDestination, ["SourceFilePath"] = Path.GetFullPath(caPath) });
        }

        return new JsonObject { ["Files"] = files }.ToJsonString(Indented) + "\n";
    }

    /// <summary>The source files a manifest names (to check they exist before flashing).</summary>
    public static List<string> SourceFiles(string manifestText)
    {
        var sources = new List<string>();
        JsonNode? root = JsonNode.Parse(manifestText);
        if (root?["Files"] is JsonArray files)
        {
            foreach (JsonNode? file in files)
            {
                if (file?["SourceFilePath"]?.GetValue<string>() is { } source)
                {
                    sources.Add(source);
                }
            }
        }

        return sources;
    }
}
