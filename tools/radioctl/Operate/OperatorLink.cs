using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CommuneRadio.Cli.Simulate;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// The operator's MQTT connection: connects once (no reconnect: a command-line run either reaches the broker
/// or says it cannot), subscribes to the stations' <c>result</c>, <c>event</c>, <c>health</c> and <c>state</c>
/// topics under the fleet's prefix, and hands what arrives to one reader through a channel, in arrival order.
/// Publishes signed commands at QoS 1, never retained (protocol §1).
/// </summary>
public sealed class OperatorLink : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly string _prefix;
    private readonly Channel<StationMessage> _inbox = Channel.CreateUnbounded<StationMessage>(new UnboundedChannelOptions { SingleReader = true });

    private OperatorLink(IMqttClient client, string prefix, BrokerAddress broker)
    {
        _client = client;
        _prefix = prefix;
        Broker = broker;
        _client.MessageReceived += OnMessage;
    }

    /// <summary>The broker this link is connected to.</summary>
    public BrokerAddress Broker { get; }

    /// <summary>What the stations published, in arrival order.</summary>
    public ChannelReader<StationMessage> Inbox => _inbox.Reader;

    /// <summary>
    /// Connects as <paramref name="user"/> (the issuer name: MQTT user on a secure broker) and subscribes to
    /// <paramref name="kinds"/> ("result", "event", "health", "state"). Throws <see cref="OperatorException"/>
    /// with a clear message when the broker cannot be reached or refuses the connection.
    /// </summary>
    public static async Task<OperatorLink> ConnectAsync(OperatorSettings settings, FleetFile fleet, string user, IReadOnlyList<string> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(kinds);
        BrokerAddress broker = settings.Broker(fleet);
        MqttClientOptions options;
        try
        {
            options = new StationConnections(broker, settings.CaFile, settings.CredentialsFile).For(user);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or System.Security.Cryptography.CryptographicException)
        {
            throw new OperatorException($"cannot use --ca/--credentials: {ex.Message}", ex);
        }

        options.ClientId = $"radioctl-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        options.CleanSession = true;
        options.Reconnect = new MqttReconnectPolicy { Enabled = false };
        options.ConnectTimeout = TimeSpan.FromSeconds(5);
        IMqttClient client = MqttClientFactory.Create();
        var link = new OperatorLink(client, fleet.Prefix, broker);
        try
        {
            await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            var filters = new List<MqttTopicSubscription>();
            foreach (string kind in kinds)
            {
                filters.Add(new MqttTopicSubscription($"{fleet.Prefix}/st/+/{kind}", MqttQualityOfService.AtLeastOnce));
            }

            IReadOnlyList<MqttSubscribeReturnCode> codes = await client.SubscribeAsync(filters, cancellationToken).ConfigureAwait(false);
            if (codes.Contains(MqttSubscribeReturnCode.Failure))
            {
                throw new OperatorException($"the broker at {broker} refused to let '{user}' read the stations' topics (ACL)");
            }

            return link;
        }
        catch (Exception ex) when (ex is MqttException or SocketException or TimeoutException or AuthenticationException or IOException)
        {
            await link.DisposeAsync().ConfigureAwait(false);
            string hint = ex is AuthenticationException
                ? settings.CaFile is null
                    ? " — its certificate is not trusted: pass --ca with the CA that signed it (ca.pem in the directory of 'radioctl broker --secure')"
                    : $" — its certificate does not chain to {settings.CaFile.FullName} or does not name this host"
                : string.Empty;
            throw new OperatorException($"cannot reach the broker at {broker}: {ex.Message}{hint}", ex);
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Publishes a signed command (QoS 1, not retained); throws <see cref="OperatorException"/> when the broker does not take it.</summary>
    public async Task PublishAsync(SignedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await _client.PublishAsync(command.Topic, command.Payload, MqttQualityOfService.AtLeastOnce, false, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttException or SocketException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new OperatorException($"the broker at {Broker} did not take the command: {ex.Message}", ex);
        }
    }

    /// <summary>Disconnects.</summary>
    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is MqttException or IOException or SocketException or OperationCanceledException)
        {
        }

        await _client.DisposeAsync().ConfigureAwait(false);
    }

    private void OnMessage(object? sender, MqttMessageReceivedEventArgs e)
    {
        // P/st/{station}/{kind}
        string topic = e.Message.Topic;
        if (!topic.StartsWith(_prefix + "/st/", StringComparison.Ordinal))
        {
            return;
        }

        string[] rest = topic[(_prefix.Length + 4)..].Split('/');
        if (rest.Length != 2)
        {
            return;
        }

        JsonElement body;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(e.Message.Payload);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }

        _inbox.Writer.TryWrite(new StationMessage(rest[0], rest[1], body, e.Message.Retain, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }
}
