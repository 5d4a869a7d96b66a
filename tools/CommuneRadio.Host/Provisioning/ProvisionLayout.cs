using System.IO;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// What a provisioning directory holds (docs/engineers.md §Provision). All files are owner-only (0600, the
/// directory 0700): most hold keys or passwords.
/// <code>
/// DIR/inventory.csv                  every station provisioned into DIR (merged; re-runs regenerate from it)
/// DIR/fleet.json                     fleet file: stations + issuers with keys (radioctl simulate/operator commands)
/// DIR/keyring.json                   keyring of every issuer (the central server's)
/// DIR/credentials.json               MQTT user → password, stations and issuers
/// DIR/roles/{issuer}/                what one operator is handed (vn, prov.{p}, com.{p}.{c}), nothing of anyone else:
///     keyring.json                   its own issuer key only
///     credentials.json               its own MQTT user only
///     fleet.json                     the stations it reaches and the issuers they trust, without any key ("key": "")
/// DIR/roles/engineer.{p}.{c}/        what the engineer of one commune's stations is handed: the same three files with the
///                                    station keys st.{id} (and users) of those stations only, and their
///     stations/{id}/…, ca.pem        configurations and manifests, so `radioctl flash --dir` works from it
/// DIR/mosquitto/passwords            the same, hashed for Mosquitto's password_file
/// DIR/mosquitto/acl                  Mosquitto acl_file (FleetAcl)
/// DIR/mosquitto/limits.conf          lines for the broker's mosquitto.conf: max_packet_size (BrokerLimits)
/// DIR/ca.pem                         the broker's CA certificate (--ca), for mqtts brokers
/// DIR/stations/{id}/station.json     the device configuration (docs/configuration.md)
/// DIR/stations/{id}/deploy.json      nanoff --filedeployment manifest
/// </code>
/// </summary>
public sealed class ProvisionLayout
{
    /// <summary>Creates the layout of <paramref name="directory"/>.</summary>
    public ProvisionLayout(string directory) => Directory = Path.GetFullPath(directory);

    /// <summary>The provisioning directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>The merged inventory.</summary>
    public string Inventory => Path.Combine(Directory, "inventory.csv");

    /// <summary>The fleet file.</summary>
    public string Fleet => Path.Combine(Directory, "fleet.json");

    /// <summary>The keyring of every issuer.</summary>
    public string Keyring => Path.Combine(Directory, "keyring.json");

    /// <summary>MQTT credentials (FleetCredentials format).</summary>
    public string Credentials => Path.Combine(Directory, "credentials.json");

    /// <summary>Mosquitto password file.</summary>
    public string MosquittoPasswords => Path.Combine(Directory, "mosquitto", "passwords");

    /// <summary>Mosquitto ACL file.</summary>
    public string MosquittoAcl => Path.Combine(Directory, "mosquitto", "acl");

    /// <summary>Mosquitto configuration lines limiting packet size (<see cref="CommuneRadio.Host.Fleet.BrokerLimits"/>).</summary>
    public string MosquittoLimits => Path.Combine(Directory, "mosquitto", CommuneRadio.Host.Fleet.BrokerLimits.FileName);

    /// <summary>The broker's CA certificate.</summary>
    public string Ca => Path.Combine(Directory, "ca.pem");

    /// <summary>One operator's keyring (its role directory's keyring.json).</summary>
    public string IssuerKeyring(string issuer) => Role(issuer).Keyring;

    /// <summary>The directory handed to one role (an issuer name, or <see cref="EngineerRole"/>), laid out like this one.</summary>
    public ProvisionLayout Role(string role) => new(Path.Combine(Directory, "roles", role));

    /// <summary>The role name of the engineer of a commune's stations: "engineer.{p}.{c}".</summary>
    public static string EngineerRole(string province, string commune) => "engineer." + province + "." + commune;

    /// <summary>A station's configuration file.</summary>
    public string StationConfig(string station) => Path.Combine(Directory, "stations", station, "station.json");

    /// <summary>A station's file-deployment manifest.</summary>
    public string DeployManifest(string station) => Path.Combine(Directory, "stations", station, "deploy.json");
}
