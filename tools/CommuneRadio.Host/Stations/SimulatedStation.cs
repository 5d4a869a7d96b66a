using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Relays;
using CommuneRadio.Host.Time;

namespace CommuneRadio.Host.Stations;

/// <summary>
/// One station in the host process: the device's <see cref="StationCore"/>, <see cref="StationEndpoint"/> and
/// <see cref="StationRuntime"/>, driven with host adapters — a <see cref="SimulatedRelayBoard"/>, an
/// <see cref="MqttClientTransport"/> (its own MQTT connection) and a <see cref="CountingWatchdog"/>. It holds no
/// decision logic: what a station does between Core calls is the runtime's, as on the device
/// (docs/architecture.md, "Station runtime").
/// <list type="bullet">
/// <item>Boot (constructor): <c>StationBoot.Start</c> restores the schedule, keys and undelivered events from
/// <see cref="SimulatedStationOptions.Storage"/> (the endpoint then persists every change itself) and drives every relay off.</item>
/// <item>Loop: <see cref="Tick"/> (every 250 ms, <see cref="StationScheduler"/>) is one runtime pass plus the endpoint's
/// tick; each message runs <c>Runtime.HandleMessage</c> on the client's receive loop; all under the station's lock.</item>
/// <item>Connect, backoff, online state, retained config report, subscriptions, outbox: the runtime's.</item>
/// <item>Time comes from <see cref="IStationClock"/>; the host clock counts as synced, so <c>ClockSet</c> is called at
/// start and a time beacon's request is simply dropped.</item>
/// <item><see cref="StopAsync"/> is a clean shutdown: publish <c>{"online":false}</c> retained, then
/// DISCONNECT (the broker discards the will). <see cref="KillAsync"/> drops the socket like a power cut:
/// the broker publishes the will.</item>
/// </list>
/// This file: life cycle; SimulatedStation.Mqtt.cs: starting and messages; SimulatedStation.View.cs: display.
/// </summary>
public sealed partial class SimulatedStation : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly IStationClock _clock;
    private readonly MqttClientTransport _transport;
    private readonly SimulatedStationOptions _options;
    private bool _started;
    private bool _stopped;
    private long _shutdownFailures;

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
        _transport = new MqttClientTransport(options.ClientFactory(), options.Broker);
        _transport.Client.MessageReceived += OnMessageReceived;
        var settings = new RuntimeSettings(ConfigReport.Payload(options.Protocol.Station, options.Board, null))
        {
            KeepAliveSeconds = options.KeepAliveSeconds,
        };
        Runtime = new StationRuntime(Endpoint, Board, _transport, Watchdog, settings);
        Runtime.AfterCoreCall(now);
    }

    /// <summary>Station id.</summary>
    public string Id => Endpoint.Settings.Station;

    /// <summary>The Core (lock-free reads only for display; it is driven under the station's lock).</summary>
    public StationCore Core { get; }

    /// <summary>The device's station runtime around the endpoint.</summary>
    public StationRuntime Runtime { get; }

    /// <summary>The protocol endpoint.</summary>
    public StationEndpoint Endpoint { get; }

    /// <summary>What the boot restored from storage (schedule, keys, events; boot count).</summary>
    public BootReport BootReport { get; } = new();

    /// <summary>The simulated relay board and its timeline.</summary>
    public SimulatedRelayBoard Board { get; }

    /// <summary>The runtime's watchdog role: counts the loop's passes.</summary>
    public CountingWatchdog Watchdog { get; } = new();

    /// <summary>The station's file store (for the Core's persistence).</summary>
    public IStorage Storage => _options.Storage;

    /// <summary>True while the MQTT connection is up.</summary>
    public bool IsConnected => _transport.IsConnected;

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

    /// <summary>Publishes that failed (lost with a connection, QoS 1 given up at shutdown).</summary>
    public long PublishFailures => _transport.PublishFailures + Interlocked.Read(ref _shutdownFailures);

    /// <summary>One pass of the device's loop: the runtime's pass (connection, outbox, watchdog), then the tick (every 250 ms).</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (!_started || _stopped)
            {
                return;
            }

            Instant now = _clock.Now;
            Runtime.Pass(now);
            Runtime.Tick(now);
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

        if (wasStarted && _transport.IsConnected)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
            try
            {
                await _transport.Client.PublishAsync(Endpoint.Topics.State, Endpoint.WillPayload(), Mqtt.MqttQualityOfService.AtLeastOnce, true, cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Mqtt.MqttException or OperationCanceledException or TimeoutException)
            {
                Interlocked.Increment(ref _shutdownFailures);
            }
        }

        await _transport.Client.DisconnectAsync().ConfigureAwait(false);
    }

    /// <summary>Simulates a killed station (power cut): the socket is dropped without DISCONNECT, so the broker publishes the will.</summary>
    public async Task KillAsync()
    {
        MarkStopped(out _);
        await _transport.Client.AbortAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the connection if still open and releases the client.</summary>
    public async ValueTask DisposeAsync()
    {
        MarkStopped(out _);
        await _transport.Client.DisposeAsync().ConfigureAwait(false);
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
