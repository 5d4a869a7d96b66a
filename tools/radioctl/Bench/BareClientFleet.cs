using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// The baseline of <c>radioctl bench fanout</c>: one bare MQTT client per fleet station — same client library,
/// keep-alive and subscriptions as the station (under their own topic prefix when they run beside the stations) (its own and its groups' command topics, QoS 1) —
/// with no Core behind it. Each command is answered at once with an accepted result, the only parsing being a
/// byte search for the command id:
/// <code>
/// cr/v1/g/prov.p01/cmd  {"body":{"v":1,"id":"c-mb9x2k-3",…},"sig":"…"}
///   >> cr/v1/st/p01-c001-001/result  {"id":"c-mb9x2k-3","station":"p01-c001-001","result":"accepted"}
/// </code>
/// What it measures is what the broker, the loopback and this process's client cost without the station's
/// work (signature, replay window, arbitration, relays, health and event messages).
/// </summary>
public sealed class BareClientFleet : IAsyncDisposable
{
    private static readonly byte[] IdMarker = Encoding.UTF8.GetBytes("\"id\":\"");
    private readonly List<Bare> _clients = new();

    /// <summary>
    /// Builds one bare client per station of <paramref name="fleet"/> (nothing connects yet): the station's
    /// subscriptions under <paramref name="prefix"/> (default the fleet's) and client id <paramref name="clientIdPrefix"/>
    /// + station id — another prefix and client id let the bare clients run beside the stations of the same fleet.
    /// </summary>
    public BareClientFleet(FleetFile fleet, Func<FleetStation, MqttClientOptions> broker, string? prefix = null, string clientIdPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(broker);
        foreach (FleetStation s in fleet.Stations)
        {
            var topics = new Topics(prefix ?? fleet.Prefix, s.Id, (string[])s.Groups.Clone());
            MqttClientOptions b = broker(s);
            var options = new MqttClientOptions
            {
                Host = b.Host,
                Port = b.Port,
                ClientId = clientIdPrefix + s.Id,
                KeepAlive = TimeSpan.FromSeconds(15),

                // A clean session also clears a station's stored session of the same id, so no command is queued
                // for clients that are gone.
                CleanSession = true,
            };
            _clients.Add(new Bare(s.Id, topics, options));
        }
    }

    /// <summary>Number of clients.</summary>
    public int Count => _clients.Count;

    /// <summary>Connects and subscribes every client, <paramref name="parallelism"/> at a time.</summary>
    public Task StartAsync(int parallelism = 64, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(_clients, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, (c, ct) => new ValueTask(c.StartAsync(ct)));

    /// <summary>When each client received command <paramref name="commandId"/> (Unix ms; 0 = not received), in fleet order.</summary>
    public long[] ReceivedAt(string commandId) => _clients.Select(c => c.ReceivedAt(commandId)).ToArray();

    /// <summary>Disconnects every client.</summary>
    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_clients, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (c, _) => await c.Client.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static string? FindId(ReadOnlySpan<byte> payload)
    {
        int start = payload.IndexOf(IdMarker);
        if (start < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = payload[(start + IdMarker.Length)..];
        int end = rest.IndexOf((byte)'"');
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }

    private sealed class Bare
    {
        private readonly string _id;
        private readonly Topics _topics;
        private readonly MqttClientOptions _options;
        private readonly Dictionary<string, long> _received = new(StringComparer.Ordinal);

        public Bare(string id, Topics topics, MqttClientOptions options)
        {
            _id = id;
            _topics = topics;
            _options = options;
            Client.MessageReceived += OnMessage;
        }

        public IMqttClient Client { get; } = MqttClientFactory.Create();

        public async Task StartAsync(CancellationToken ct)
        {
            await Client.ConnectAsync(_options, ct).ConfigureAwait(false);
            await Client.SubscribeAsync(_topics.Subscriptions.Select(t => new MqttTopicSubscription(t, MqttQualityOfService.AtLeastOnce)).ToArray(), ct).ConfigureAwait(false);
        }

        public long ReceivedAt(string commandId)
        {
            lock (_received)
            {
                return _received.GetValueOrDefault(commandId);
            }
        }

        // On the receive loop, like a station: answer without waiting for the PUBACK.
        private void OnMessage(object? sender, MqttMessageReceivedEventArgs e)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            string? commandId = FindId(e.Message.Payload);
            if (commandId is null)
            {
                return;
            }

            lock (_received)
            {
                _received[commandId] = now;
            }

            byte[] result = Encoding.UTF8.GetBytes($"{{\"id\":\"{commandId}\",\"station\":\"{_id}\",\"result\":\"accepted\"}}");
            _ = Client.PublishAsync(_topics.Result, result, MqttQualityOfService.AtLeastOnce).ContinueWith(
                t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
