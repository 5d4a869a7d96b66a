using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Server.Ingest;

/// <summary>
/// The server's MQTT connection (made by <see cref="MqttClientFactory"/>): a fixed client id with a persistent
/// session (clean session off) subscribed at QoS 1 to <c>P/st/+/state|health|event|config|result</c>, so the
/// broker keeps QoS 1 messages for it while it is down and redelivers what it never acknowledged. A QoS 1
/// message is acknowledged only after the database committed it (the client PUBACKs when this handler returns),
/// or after <see cref="AckHold"/> when the database is unavailable — it then waits in the buffer, acknowledged.
/// Health (QoS 0 on the wire) is never waited for.
/// </summary>
public sealed class FleetIngest : IAsyncDisposable
{
    private readonly string _prefix;
    private readonly WriteBuffer _buffer;
    private readonly IMqttClient _client;
    private long _ignored;

    /// <summary>Creates the ingest for topics under <paramref name="prefix"/> into <paramref name="buffer"/>.</summary>
    public FleetIngest(string prefix, WriteBuffer buffer, IMqttClient? client = null)
    {
        _prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
        _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
        _client = client ?? MqttClientFactory.Create();
        _client.MessageReceived += OnMessage;
    }

    /// <summary>How long a QoS 1 message is held unacknowledged waiting for its commit (or for room).</summary>
    public TimeSpan AckHold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Raised after each station message was queued (results feed the command waits).</summary>
    public event Action<StationMessage>? Received;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Messages on other topics (not station messages), ignored.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    /// <summary>The connection, for publishing commands.</summary>
    public IMqttClient Client => _client;

    /// <summary>Connects with <paramref name="options"/> (clean session forced off) and subscribes.</summary>
    public async Task StartAsync(MqttClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.ClientId))
        {
            throw new ArgumentException("the server needs a fixed client id for its persistent session", nameof(options));
        }

        options.CleanSession = false;
        await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        var subscriptions = new MqttTopicSubscription[StationMessage.Kinds.Length];
        for (int i = 0; i < subscriptions.Length; i++)
        {
            subscriptions[i] = new MqttTopicSubscription(_prefix + "/st/+/" + StationMessage.Kinds[i], MqttQualityOfService.AtLeastOnce);
        }

        await _client.SubscribeAsync(subscriptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the socket without DISCONNECT and without acknowledging what is in hand (a crash).</summary>
    public Task AbortAsync() => _client.AbortAsync();

    /// <summary>Disconnects cleanly.</summary>
    public async ValueTask DisposeAsync()
    {
        _client.MessageReceived -= OnMessage;
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
        }
        catch (MqttException)
        {
        }

        await _client.DisposeAsync().ConfigureAwait(false);
    }

    private void OnMessage(object? sender, MqttMessageReceivedEventArgs e)
    {
        MqttReceivedMessage m = e.Message;
        if (!StationMessage.TryParse(_prefix, m.Topic, m.Payload, m.Retain, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), out StationMessage message))
        {
            Interlocked.Increment(ref _ignored);
            return;
        }

        bool acknowledged = m.QoS != MqttQualityOfService.AtMostOnce;
        Task? committed = _buffer.Add(message, acknowledged ? AckHold : TimeSpan.Zero);
        Received?.Invoke(message);
        if (acknowledged && committed is not null)
        {
            // Blocking here is the point: the PUBACK goes out when this handler returns.
            try
            {
                committed.Wait(AckHold);
            }
            catch (AggregateException)
            {
                // Abandoned (the server is being killed): the connection is already closed, nothing is acknowledged.
            }
        }
    }
}
