using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt.Broker;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// A local Mosquitto configured for CommuneRadio, on 127.0.0.1 only (reuses the Mqtt project's
/// <see cref="MosquittoBroker"/> for the configuration, certificates and password file).
/// <list type="bullet">
/// <item>plain: anonymous MQTT on the port;</item>
/// <item>secure: TLS only on the port (CA and server certificate generated at each start, CA written to
/// <c>ca.pem</c>), no anonymous access, one user per station and issuer with a random password
/// (<c>credentials.json</c>), ACLs from the fleet file (<see cref="FleetAcl"/>).</item>
/// </list>
/// </summary>
public static class LocalBroker
{
    /// <summary>What radioctl prints when Mosquitto is not installed.</summary>
    public const string MissingMosquitto =
        "radioctl: mosquitto was not found (PATH, /usr/sbin, /usr/local/sbin). Install it first: sudo apt-get install -y mosquitto";

    /// <summary>Starts a plain broker; <paramref name="port"/> null = a free port.</summary>
    public static Task<MosquittoBroker> StartPlainAsync(int? port, string? dataDirectory, CancellationToken cancellationToken) =>
        MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Port = port, WorkingDirectory = dataDirectory }, cancellationToken);

    /// <summary>
    /// Starts a TLS-only broker with credentials and ACLs for <paramref name="fleet"/>, writing
    /// <c>credentials.json</c> (and the broker files) into <paramref name="dataDirectory"/>.
    /// </summary>
    public static async Task<MosquittoBroker> StartSecureAsync(FleetFile fleet, int? port, string dataDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        Directory.CreateDirectory(dataDirectory);
        Dictionary<string, string> users = FleetCredentials.Generate(fleet);
        FleetCredentials.Save(Path.Combine(dataDirectory, FleetCredentials.FileName), users);
        var options = new MosquittoBrokerOptions
        {
            EnableTls = true,
            EnablePlainListener = false,
            TlsPort = port,
            AllowAnonymous = false,
            AclFileContent = FleetAcl.Generate(fleet),
            WorkingDirectory = dataDirectory,
        };
        foreach (KeyValuePair<string, string> user in users)
        {
            options.Users[user.Key] = user.Value;
        }

        return await MosquittoBroker.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="ex"/> says Mosquitto (or mosquitto_passwd) is not installed.</summary>
    public static bool IsMissing(Exception ex) => ex is FileNotFoundException f && (f.FileName ?? string.Empty).StartsWith("mosquitto", StringComparison.Ordinal);
}
