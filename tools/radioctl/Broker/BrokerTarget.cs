using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// The broker <c>radioctl demo</c> and <c>simulate</c> connect to, from their <c>--broker</c> value:
/// <code>
/// (none), embedded        >> an EmbeddedBroker (MQTTnet) on a free loopback port, stopped at the end
/// mosquitto               >> a local Mosquitto on a free loopback port (apt-get install -y mosquitto)
/// mqtt://127.0.0.1:1883   >> that broker, started by someone else (mqtts:// for TLS)
/// </code>
/// </summary>
public sealed class BrokerTarget : IAsyncDisposable
{
    /// <summary>What <c>--broker</c> accepts, for help texts and refusals.</summary>
    public const string Choices = "'embedded' (default), 'mosquitto', or a URL mqtt://host:port / mqtts://host:port";

    private readonly EmbeddedBroker? _embedded;
    private readonly MosquittoBroker? _mosquitto;

    private BrokerTarget(BrokerAddress address, string description, EmbeddedBroker? embedded, MosquittoBroker? mosquitto)
    {
        Address = address;
        Description = description;
        _embedded = embedded;
        _mosquitto = mosquitto;
    }

    /// <summary>Where clients connect.</summary>
    public BrokerAddress Address { get; }

    /// <summary>For banners: "embedded broker (MQTTnet)", "local Mosquitto" or the URL.</summary>
    public string Description { get; }

    /// <summary>True when this process started the broker (and stops it).</summary>
    public bool IsLocal => _embedded is not null || _mosquitto is not null;

    /// <summary>True when <paramref name="choice"/> is a valid <c>--broker</c> value.</summary>
    public static bool IsValid(string? choice) => choice is null or "embedded" or "mosquitto" || BrokerAddress.TryParse(choice, out _);

    /// <summary>
    /// Starts (or just names) the broker of <paramref name="choice"/>. Throws <see cref="FormatException"/> for a
    /// value that is none of <see cref="Choices"/>, <see cref="System.IO.FileNotFoundException"/> for 'mosquitto'
    /// when it is not installed (<see cref="LocalBroker.IsMissing"/>).
    /// </summary>
    public static async Task<BrokerTarget> StartAsync(string? choice, CancellationToken cancellationToken)
    {
        switch (choice)
        {
            case null or "embedded":
                EmbeddedBroker embedded = await EmbeddedBroker.StartAsync(null, cancellationToken).ConfigureAwait(false);
                return new BrokerTarget(new BrokerAddress(embedded.Host, embedded.Port, false), "embedded broker (MQTTnet)", embedded, null);
            case "mosquitto":
                MosquittoBroker mosquitto = await LocalBroker.StartPlainAsync(null, null, cancellationToken).ConfigureAwait(false);
                return new BrokerTarget(new BrokerAddress(mosquitto.Host, mosquitto.Port, false), "local Mosquitto", null, mosquitto);
            default:
                if (!BrokerAddress.TryParse(choice, out BrokerAddress address))
                {
                    throw new FormatException($"--broker: expected {Choices}, not '{choice}'");
                }

                return new BrokerTarget(address, address.ToString(), null, null);
        }
    }

    /// <summary>Anonymous client options for this broker (TLS against the system trust store for mqtts).</summary>
    public MqttClientOptions CreateClientOptions(string clientId = "")
    {
        var options = new MqttClientOptions { Host = Address.Host, Port = Address.Port, ClientId = clientId };
        if (Address.Tls)
        {
            options.Tls = new MqttTlsOptions { Enabled = true };
        }

        return options;
    }

    /// <summary>Stops the broker this process started; nothing for a URL.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }

        _mosquitto?.Dispose();
    }
}
