using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Simulate;

/// <summary>
/// MQTT client options for the stations of a simulation: the broker URL (mqtt:// or mqtts://), for mqtts the
/// CA to pin (the <c>ca.pem</c> of <c>radioctl broker --secure</c>), and per-station passwords from a
/// <c>credentials.json</c> (user name = station id).
/// </summary>
public sealed class StationConnections
{
    private readonly BrokerAddress _address;
    private readonly X509Certificate2? _ca;
    private readonly IReadOnlyDictionary<string, string>? _passwords;

    /// <summary>Creates the options source; reads the CA and credentials files when given.</summary>
    public StationConnections(BrokerAddress address, FileInfo? caFile, FileInfo? credentialsFile)
    {
        _address = address ?? throw new ArgumentNullException(nameof(address));
        _ca = caFile is null ? null : X509Certificate2.CreateFromPem(File.ReadAllText(caFile.FullName));
        _passwords = credentialsFile is null ? null : FleetCredentials.Load(credentialsFile.FullName);
    }

    /// <summary>The broker.</summary>
    public BrokerAddress Address => _address;

    /// <summary>Options for one station (the station adds its client id and will).</summary>
    public MqttClientOptions For(FleetStation station) => For(station.Id);

    /// <summary>Options for one user (a station id or an issuer name).</summary>
    public MqttClientOptions For(string user)
    {
        var options = new MqttClientOptions { Host = _address.Host, Port = _address.Port };
        if (_address.Tls)
        {
            options.Tls = new MqttTlsOptions { Enabled = true, CaCertificate = _ca };
        }

        if (_passwords is not null)
        {
            if (!_passwords.TryGetValue(user, out string? password))
            {
                throw new InvalidDataException($"no password for '{user}' in the credentials file");
            }

            options.Username = user;
            options.Password = password;
        }

        return options;
    }
}
