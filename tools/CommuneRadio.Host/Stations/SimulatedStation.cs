using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Relays;
using CommuneRadio.Host.Time;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Stations;

/// <summary>
/// One station in the host process: the device's <see cref="StationCore"/> and <see cref="StationEndpoint"/>,
/// a <see cref="SimulatedRelayBoard"/> and its own MQTT connection. The host counterpart of the device's main
/// loop; it holds no decision logic.
/// <list type="bullet">
/// <item>Boot (constructor): <c>StationBoot.Start</c> restores the schedule, keys and undelivered events from
/// <see cref="SimulatedStationOptions.Storage"/> (the endpoint then persists every change itself) and drives every relay off.</item>
/// <item>Connect: client id = station id, clean session off, last will = the endpoint's offline state,
/// retained, QoS 1 on the state topic; publish the retained online state after every (re)connect, then what
/// waited in the outbox; subscribe to <c>Topics.Subscriptions</c> at QoS 1 (the client restores them on reconnect). Reconnects are counted.</item>
/// <item>Every Core call (message, tick) runs under the station's lock; its relay writes go to the board
/// with the wall-clock time and its outbox is handed to the client (QoS and retain per message) without
/// waiting for acknowledgements. While disconnected, messages wait in the endpoint's bounded outbox.</item>
/// <item>Time comes from <see cref="IStationClock"/>; the host clock counts as synced, so
/// <c>ClockSynced</c> is called at start and a time beacon's request is simply cleared.</item>
/// <item><see cref="StopAsync"/> is a clean shutdown: publish <c>{"online":false}</c> retained, then
/// DISCONNECT (the broker discards the will). <see cref="KillAsync"/> drops the socket like a power cut:
/// the broker publishes the will.</item>
/// </list>
/// </summary>
public sealed partial class SimulatedStation : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly SimulatedStationOptions _options;
    private readonly IStationClock _clock;
    private readonly IMqttClient _client;
    private int _connections;
    private bool _started;
    private bool _stopped;
    private long _publishFailures;

    /// <summary>Builds the station (nothing runs until <see cref="StartAsync"/>).</summary>
    public SimulatedStation(SimulatedStationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = options.Clock;

        // The device's boot sequence: restore schedule, keys, events and configuration from storage, relays all off.
        Instant now = _clock.Now;
        Endpoint = StationBoot.Start(options.Station, options.Protocol, options.Keys, options.Storage, now, BootReport);
        Core = Endpoint.Core;
        Board = new SimulatedRelayBoard(options.Station.Relays) { TimelineLimit = options.TimelineLimit };
        Runtime = new StationRuntime(Endpoint, Board);
        Runtime.AfterCoreCall(now);
        _client = options.ClientFactory();
        _client.MessageReceived += OnMessageReceived;
        _client.ConnectionStateChanged += OnConnectionStateChanged;
    }

    /// <summary>Station id.</summary>
    public string Id => Endpoint.Settings.Station;

    /// <summary>The Core (lock-free reads only for display; it is driven under the station's lock).</summary>
    public StationCore Core { get; }

    /// <summary>The device's station runtime around the endpoint (relay writes and their failures, clock requests).</summary>
    public StationRuntime Runtime { get; }

    /// <summary>The protocol endpoint.</summary>
    public StationEndpoint Endpoint { get; }

    /// <summary>What the boot restored from storage (schedule, keys, events; boot count).</summary>
    public BootReport BootReport { get; } = new();

    /// <summary>The simulated relay board and its timeline.</summary>
    public SimulatedRelayBoard Board { get; }

    /// <summary>The station's file store (for the Core's persistence).</summary>
    public IStorage Storage => _options.Storage;

    /// <summary>True while the MQTT connection is up.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>True between a successful <see cref="StartAsync"/> and <see cref="StopAsync"/>/<see cref="KillAsync"/>.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _started && !_stopped;
            }
        }
    }

    /// <summary>Publishes that failed (QoS 0 while disconnected, QoS 1 given up at shutdown).</summary>
    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    /// <summary>Marks the clock synced (the Core was booted from storage by the constructor), connects, announces itself online and subscribes.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Instant now = _clock.Now;
            Runtime.ClockSet(now);
        }

        MqttClientOptions options = ConnectOptions();
        await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);

        // Ready before subscribing: retained messages arrive with the SUBACK and must be answered (refused as
        // "retained"), not dropped.
        lock (_gate)
        {
            _started = true;
            Publish(Endpoint.OnlineState());
            Flush();
        }

        var filters = new MqttTopicSubscription[Endpoint.Topics.Subscriptions.Length];
        for (int i = 0; i < filters.Length; i++)
        {
            filters[i] = new MqttTopicSubscription(Endpoint.Topics.Subscriptions[i], MqttQualityOfService.AtLeastOnce);
        }

        await _client.SubscribeAsync(filters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Time passed: runs the Core (called by <see cref="StationScheduler"/> every 250 ms).</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (!_started || _stopped)
            {
                return;
            }

            Instant now = _clock.Now;
            Endpoint.Tick(now);
            Apply(now);
        }
    }

    /// <summary>
    /// Clean shutdown: stops the Core, publishes the retained <c>{"online":false}</c> state (waiting up to
    /// <paramref name="timeout"/> for the broker's acknowledgement), then disconnects; the broker discards the will.
    /// </summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (!MarkStopped(out bool wasStarted))
        {
            return;
        }

        if (wasStarted && _client.IsConnected)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
            try
            {
                await _client.PublishAsync(Endpoint.Topics.State, Endpoint.WillPayload(), MqttQualityOfService.AtLeastOnce, true, cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttException or OperationCanceledException or TimeoutException)
            {
                Interlocked.Increment(ref _publishFailures);
            }
        }

        await _client.DisconnectAsync().ConfigureAwait(false);
    }

    /// <summary>Simulates a killed station (power cut): the socket is dropped without DISCONNECT, so the broker publishes the will.</summary>
    public async Task KillAsync()
    {
        MarkStopped(out _);
        await _client.AbortAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the connection if still open and releases the client.</summary>
    public async ValueTask DisposeAsync()
    {
        MarkStopped(out _);
        await _client.DisposeAsync().ConfigureAwait(false);
    }

    private bool MarkStopped(out bool wasStarted)
    {
        lock (_gate)
        {
            wasStarted = _started;
            if (_stopped)
            {
                return false;
            }

            _stopped = true;
            return true;
        }
    }
}
