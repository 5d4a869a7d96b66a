using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mosquitto;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// The brokers of a federated fleet (docs/scale.md): a national Mosquitto, and one per province bridged to it with
/// Mosquitto's own bridge (<see cref="FleetFederation"/> writes the lines). Both are TLS-only on 127.0.0.1 with
/// passwords and ACLs, like <see cref="LocalBroker.StartSecureAsync"/>, and keep their sessions on disk.
/// <code>
/// national DIR:  ca.pem ca.key (its CA)  credentials.json (national issuers, bridge.{p})  acl  mosquitto.conf
///                bridges/{p}.json        one hand-over file per province (BridgeLink, mode 0600)
/// province DIR:  ca.pem ca.key (the province's own CA, for its stations)  credentials.json (its stations and
///                issuers)  acl  national-ca.pem (from the link)  mosquitto.conf (ends with the bridge section)
/// </code>
/// </summary>
public static class FederatedBroker
{
    /// <summary>Folder of the national data directory holding one <see cref="BridgeLink"/> per province.</summary>
    public const string BridgesDirectory = "bridges";

    /// <summary>File name of the national CA in a provincial data directory.</summary>
    public const string NationalCaFile = "national-ca.pem";

    /// <summary>The hand-over file of <paramref name="province"/> in a national data directory.</summary>
    public static string LinkPath(string nationalDirectory, string province) => Path.Combine(nationalDirectory, BridgesDirectory, province + ".json");

    /// <summary>
    /// Starts the national broker of <paramref name="fleet"/> and writes (or rewrites, with the same passwords) the
    /// bridge link file of every province into <c>DIR/bridges/</c>.
    /// </summary>
    public static async Task<MosquittoBroker> StartNationalAsync(FleetFile fleet, int? port, string dataDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        Directory.CreateDirectory(dataDirectory);
        string credentialsPath = Path.Combine(dataDirectory, FleetCredentials.FileName);
        Dictionary<string, string> keep = File.Exists(credentialsPath) ? FleetCredentials.Load(credentialsPath) : new Dictionary<string, string>();
        var national = new FleetFile { Prefix = fleet.Prefix, Broker = fleet.Broker };
        national.Issuers.AddRange(fleet.Issuers.FindAll(i => i.Level == "national"));
        Dictionary<string, string> users = FleetCredentials.Generate(national, keep);
        foreach (string province in FleetFederation.Provinces(fleet))
        {
            string user = FleetFederation.BridgeUser(province);
            if (!users.TryAdd(user, keep.TryGetValue(user, out string? old) && old.Length > 0 ? old : FleetCredentials.NewPassword()))
            {
                throw new InvalidDataException($"fleet file: issuer '{user}' has the name of a province's bridge user");
            }
        }

        FleetCredentials.Save(credentialsPath, users);
        TestCertificateAuthority authority = LocalBroker.LoadOrCreateAuthority(dataDirectory);
        string caPem = TestCertificateAuthority.ExportCertificatePem(authority.Certificate);
        var options = new MosquittoBrokerOptions
        {
            CertificateAuthority = authority,
            EnableTls = true,
            EnablePlainListener = false,
            TlsPort = port,
            AllowAnonymous = false,
            AclFileContent = FleetFederation.NationalAcl(fleet),
            WorkingDirectory = dataDirectory,
            MaxPacketSize = BrokerLimits.MaxPacketBytes,
            Persistence = true,
            ExtraConfiguration = $"max_queued_messages {FleetFederation.QueueLimit(fleet.Stations.Count)}",
        };
        foreach (KeyValuePair<string, string> user in users)
        {
            options.Users[user.Key] = user.Value;
        }

        MosquittoBroker broker = await MosquittoBroker.StartAsync(options, cancellationToken).ConfigureAwait(false);
        foreach (string province in FleetFederation.Provinces(fleet))
        {
            string user = FleetFederation.BridgeUser(province);
            new BridgeLink
            {
                Province = province,
                Address = $"mqtts://{broker.Host}:{broker.TlsPort}",
                Username = user,
                Password = users[user],
                CaPem = caPem,
            }.Save(LinkPath(dataDirectory, province));
        }

        return broker;
    }

    /// <summary>
    /// Starts the broker of <paramref name="province"/>: TLS for its stations and issuers (its own CA in
    /// <paramref name="dataDirectory"/>), and a bridge to the national broker of <paramref name="link"/>. Throws
    /// <see cref="InvalidDataException"/> when the link is for another province or the province has no station.
    /// </summary>
    public static async Task<MosquittoBroker> StartProvincialAsync(
        FleetFile fleet, string province, BridgeLink link, int? port, string dataDirectory, BridgeTiming? timing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(link);
        if (link.Province != province)
        {
            throw new InvalidDataException($"the bridge link is for province '{link.Province}', not '{province}'");
        }

        FleetFile part = FleetFederation.ProvinceFleet(fleet, province);
        Directory.CreateDirectory(dataDirectory);
        string credentialsPath = Path.Combine(dataDirectory, FleetCredentials.FileName);
        Dictionary<string, string> users = FleetCredentials.Generate(part, File.Exists(credentialsPath) ? FleetCredentials.Load(credentialsPath) : null);
        FleetCredentials.Save(credentialsPath, users);
        string? caFile = null;
        if (link.CaPem.Length > 0)
        {
            caFile = Path.Combine(dataDirectory, NationalCaFile);
            File.WriteAllText(caFile, link.CaPem);
        }

        var options = new MosquittoBrokerOptions
        {
            CertificateAuthority = LocalBroker.LoadOrCreateAuthority(dataDirectory),
            EnableTls = true,
            EnablePlainListener = false,
            TlsPort = port,
            AllowAnonymous = false,
            AclFileContent = FleetFederation.ProvinceAcl(fleet, province),
            WorkingDirectory = dataDirectory,
            MaxPacketSize = BrokerLimits.MaxPacketBytes,
            Persistence = true,
            ExtraConfiguration = $"max_queued_messages {FleetFederation.QueueLimit(part.Stations.Count)}\n"
                + FleetFederation.BridgeConfiguration(fleet, province, link, caFile, timing),
        };
        foreach (KeyValuePair<string, string> user in users)
        {
            options.Users[user.Key] = user.Value;
        }

        return await MosquittoBroker.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
