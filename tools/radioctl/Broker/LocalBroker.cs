using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mosquitto;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// A local Mosquitto configured for CommuneRadio, on 127.0.0.1 only (reuses the Mqtt project's
/// <see cref="MosquittoBroker"/> for the configuration, certificates and password file).
/// <list type="bullet">
/// <item>plain: anonymous MQTT on the port;</item>
/// <item>secure: TLS only on the port, no anonymous access, one user per station and issuer with a random
/// password (<c>credentials.json</c>), ACLs from the fleet file (<see cref="FleetAcl"/>). What clients were given
/// stays valid across restarts on the same data directory: the CA (<c>ca.pem</c>, key in <c>ca.key</c>, valid one
/// year) is made once and reused, only the server certificate is issued again; passwords already in
/// <c>credentials.json</c> are kept.</item>
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
        string credentials = Path.Combine(dataDirectory, FleetCredentials.FileName);
        Dictionary<string, string> users = FleetCredentials.Generate(fleet, File.Exists(credentials) ? FleetCredentials.Load(credentials) : null);
        FleetCredentials.Save(credentials, users);
        var options = new MosquittoBrokerOptions
        {
            CertificateAuthority = LoadOrCreateAuthority(dataDirectory),
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

    /// <summary>
    /// The development CA of <paramref name="dataDirectory"/>: <c>ca.pem</c> and <c>ca.key</c> when both are there
    /// and the CA is valid for at least another day, otherwise a new one (one year) written there, the key with
    /// mode 0600.
    /// </summary>
    public static TestCertificateAuthority LoadOrCreateAuthority(string dataDirectory)
    {
        string certificate = Path.Combine(dataDirectory, "ca.pem");
        string key = Path.Combine(dataDirectory, "ca.key");
        if (File.Exists(certificate) && File.Exists(key))
        {
            TestCertificateAuthority saved = TestCertificateAuthority.Load(File.ReadAllText(certificate), File.ReadAllText(key));
            if (saved.Certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(1))
            {
                return saved;
            }

            saved.Dispose();
        }

        TestCertificateAuthority created = TestCertificateAuthority.Create("CommuneRadio development CA", TimeSpan.FromDays(365));
        File.WriteAllText(certificate, TestCertificateAuthority.ExportCertificatePem(created.Certificate));
        File.WriteAllText(key, TestCertificateAuthority.ExportPrivateKeyPem(created.Certificate));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }

    /// <summary>True when <paramref name="ex"/> says Mosquitto (or mosquitto_passwd) is not installed.</summary>
    public static bool IsMissing(Exception ex) => ex is FileNotFoundException f && (f.FileName ?? string.Empty).StartsWith("mosquitto", StringComparison.Ordinal);
}
