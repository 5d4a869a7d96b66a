using System;
using System.IO;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// What every operator command needs, resolved from the command line, the environment and defaults
/// (docs/operators.md §Files): the fleet file (stations, groups, boards), the keyring file (signing keys),
/// the broker and its TLS/credentials, the local event store, the wait and the output format.
/// </summary>
public sealed class OperatorSettings
{
    /// <summary>Path of the fleet file.</summary>
    public string FleetPath { get; init; } = "fleet.json";

    /// <summary>Path of the keyring file.</summary>
    public string KeyringPath { get; init; } = string.Empty;

    /// <summary>Broker URL from --broker or RADIOCTL_BROKER; null = the fleet file's broker.</summary>
    public string? BrokerUrl { get; init; }

    /// <summary>CA certificate (PEM) to trust for mqtts.</summary>
    public FileInfo? CaFile { get; init; }

    /// <summary>credentials.json of <c>radioctl broker --secure</c> (user = issuer name).</summary>
    public FileInfo? CredentialsFile { get; init; }

    /// <summary>Issuer to sign with (--as); null = chosen from the keyring for the target.</summary>
    public string? IssuerName { get; init; }

    /// <summary>How long to wait for answers.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Path of the local event store (SQLite).</summary>
    public string StorePath { get; init; } = string.Empty;

    /// <summary>Write one JSON document instead of tables.</summary>
    public bool Json { get; init; }

    /// <summary>Loads the fleet file; throws <see cref="OperatorException"/> with the reason.</summary>
    public FleetFile LoadFleet()
    {
        if (!File.Exists(FleetPath))
        {
            throw new OperatorException($"fleet file '{FleetPath}' not found (give --fleet FILE or set RADIOCTL_FLEET)");
        }

        try
        {
            return FleetFile.Load(FleetPath);
        }
        catch (InvalidDataException ex)
        {
            throw new OperatorException(ex.Message, ex);
        }
    }

    /// <summary>Loads the keyring file; throws <see cref="OperatorException"/> when it is missing or invalid.</summary>
    public KeyringFile LoadKeyring()
    {
        if (!File.Exists(KeyringPath))
        {
            throw new OperatorException($"keyring '{KeyringPath}' not found: nothing was sent. Give --keyring FILE, set RADIOCTL_KEYRING, or write one with 'radioctl keys generate'");
        }

        try
        {
            return KeyringFile.Load(KeyringPath);
        }
        catch (InvalidDataException ex)
        {
            throw new OperatorException("unusable keyring, nothing was sent: " + ex.Message, ex);
        }
    }

    /// <summary>The broker to use for <paramref name="fleet"/>; throws <see cref="OperatorException"/> on a bad URL.</summary>
    public BrokerAddress Broker(FleetFile fleet)
    {
        string url = BrokerUrl ?? fleet.Broker;
        return BrokerAddress.TryParse(url, out BrokerAddress address)
            ? address
            : throw new OperatorException($"broker '{url}' is not mqtt://host:port or mqtts://host:port");
    }
}
