using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using CommuneRadio.Mosquitto;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// A local Mosquitto configured for CommuneRadio, on 127.0.0.1 only (reuses the Mqtt project's
/// <see cref="MosquittoBroker"/> for the configuration, certificates and password file).
/// <list type="bullet">
/// <item>every mode: packets larger than the protocol allows are refused by the broker (<see cref="BrokerLimits"/>);</item>
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
        MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Port = port, WorkingDirectory = dataDirectory, MaxPacketSize = BrokerLimits.MaxPacketBytes }, cancellationToken);

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
            MaxPacketSize = BrokerLimits.MaxPacketBytes,
        };
        foreach (KeyValuePair<string, string> user in users)
        {
            options.Users[user.Key] = user.Value;
        }

        return await MosquittoBroker.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a TLS-only broker serving exactly what <c>radioctl provision</c> wrote into <paramref name="provisionDirectory"/>:
    /// its hashed password file (<c>mosquitto/passwords</c>, the same passwords as <c>credentials.json</c>), ACL
    /// (<c>mosquitto/acl</c>) and limits (<c>mosquitto/limits.conf</c>; <see cref="BrokerLimits"/> for a directory written
    /// before it existed), and a server certificate signed by its CA (<c>ca.pem</c> with the key <paramref name="caKeyFile"/>
    /// or <c>ca.key</c>; without either a development CA is created there, never over an existing file). The broker's own
    /// files (mosquitto.conf, server key, log) live in a temporary directory removed when the broker is disposed.
    /// Throws <see cref="InvalidDataException"/> naming what is missing.
    /// </summary>
    public static async Task<MosquittoBroker> StartProvisionedAsync(string provisionDirectory, int? port, string? caKeyFile, CancellationToken cancellationToken)
    {
        var layout = new ProvisionLayout(provisionDirectory);
        foreach (string required in new[] { layout.Fleet, layout.Credentials, layout.MosquittoPasswords, layout.MosquittoAcl })
        {
            if (!File.Exists(required))
            {
                throw new InvalidDataException($"{layout.Directory} is not a provisioning directory: {required} is missing (radioctl provision --inventory FILE --out {layout.Directory})");
            }
        }

        TestCertificateAuthority authority = LoadOrCreateAuthority(layout.Directory, caKeyFile);
        var options = new MosquittoBrokerOptions
        {
            CertificateAuthority = authority,
            EnableTls = true,
            EnablePlainListener = false,
            TlsPort = port,
            AllowAnonymous = false,
            PasswordFile = layout.MosquittoPasswords,
            AclFileContent = File.ReadAllText(layout.MosquittoAcl),
        };
        if (File.Exists(layout.MosquittoLimits))
        {
            options.ExtraConfiguration = File.ReadAllText(layout.MosquittoLimits);
        }
        else
        {
            options.MaxPacketSize = BrokerLimits.MaxPacketBytes;
        }

        return await MosquittoBroker.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses a port on 127.0.0.1 that something already listens on (Mosquitto's own readiness check would
    /// otherwise be answered by the other listener). Throws <see cref="IOException"/>.
    /// </summary>
    public static void EnsurePortFree(int port)
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            probe.Start();
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            throw new IOException($"port {port} on 127.0.0.1 is already in use (another broker?): stop it or choose another with --port N", ex);
        }
        finally
        {
            probe.Stop();
        }
    }

    /// <summary>
    /// The CA of <paramref name="directory"/>: <c>ca.pem</c> with its key (<paramref name="keyFile"/>, default <c>ca.key</c>
    /// beside it). Neither there: a new development CA (one year) is written, the key created with mode 0600. A CA or key
    /// is never replaced: only one of the two, a key that does not match, or a CA expiring within a day is an
    /// <see cref="InvalidDataException"/> saying what to do.
    /// </summary>
    public static TestCertificateAuthority LoadOrCreateAuthority(string directory, string? keyFile = null)
    {
        string certificate = Path.Combine(directory, "ca.pem");
        string key = keyFile ?? Path.Combine(directory, "ca.key");
        bool haveCertificate = File.Exists(certificate);
        bool haveKey = File.Exists(key);
        if (haveCertificate && haveKey)
        {
            TestCertificateAuthority saved;
            try
            {
                saved = TestCertificateAuthority.Load(File.ReadAllText(certificate), File.ReadAllText(key));
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new InvalidDataException($"{key} is not the private key of {certificate}: {ex.Message}", ex);
            }

            if (saved.Certificate.NotAfter.ToUniversalTime() <= DateTime.UtcNow.AddDays(1))
            {
                DateTime notAfter = saved.Certificate.NotAfter.ToUniversalTime();
                saved.Dispose();
                throw new InvalidDataException($"the CA {certificate} expires {notAfter:yyyy-MM-dd HH:mm} UTC; radioctl never replaces a CA: move ca.pem and its key away to make a new one (and hand the new ca.pem to every client)");
            }

            return saved;
        }

        if (haveCertificate)
        {
            throw new InvalidDataException($"{certificate} is there but not its private key ({key}): give it with --ca-key FILE; radioctl never replaces a CA that clients may already trust");
        }

        if (haveKey)
        {
            throw new InvalidDataException($"{key} is there but not its certificate ({certificate}); radioctl never replaces a key: restore ca.pem or move the key away");
        }

        TestCertificateAuthority created = TestCertificateAuthority.Create("CommuneRadio development CA", TimeSpan.FromDays(365));
        TestCertificateAuthority.WritePrivateFile(key, TestCertificateAuthority.ExportPrivateKeyPem(created.Certificate));
        File.WriteAllText(certificate, TestCertificateAuthority.ExportCertificatePem(created.Certificate));
        return created;
    }

    /// <summary>True when <paramref name="ex"/> says Mosquitto (or mosquitto_passwd) is not installed.</summary>
    public static bool IsMissing(Exception ex) => ex is FileNotFoundException f && (f.FileName ?? string.Empty).StartsWith("mosquitto", StringComparison.Ordinal);
}
