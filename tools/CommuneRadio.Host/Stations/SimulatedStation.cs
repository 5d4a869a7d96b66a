using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;
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
/// <item>Application update (docs/protocol.md §8): the runtime's, on <see cref="SimulatedStationOptions.UpdateStorage"/>;
/// the restart it asks for is simulated (SimulatedStation.Update.cs).</item>
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
    private readonly SimulatedStationOptions _options;
    private MqttClientTransport _transport;
    private bool _started;
    private bool _stopped;
    private long _shutdownFailures;

    /// <summary>Builds the station (nothing runs until <see cref="StartAsync"/>).</summary>
    public SimulatedStation(SimulatedStationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = options.Clock;

        _builtInVersion = options.Protocol.FirmwareVersion;
        Board = new SimulatedRelayBoard(options.Station.Relays) { TimelineLimit = options.TimelineLimit };
        _transport = NewTransport();
        Boot(Now);
    }

    // The device's boot sequence: restore schedule, keys, events and configuration from storage, relays all off; the
    // update's loader step chooses the slot; the runtime is built around the endpoint.
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Endpoint), nameof(Core), nameof(Runtime))]
    private void Boot(Instant now)
    {
        BootReport = new BootReport();
        Endpoint = StationBoot.Start(_options.Station, _options.Protocol, _options.Keys, _options.Storage, now, BootReport);
        Core = Endpoint.Core;
        var settings = new RuntimeSettings(ConfigReport.Payload(_options.Protocol.Station, _options.Board, null))
        {
            KeepAliveSeconds = _options.KeepAliveSeconds,
        };
        UpdateManager? update = _options.UpdateStorage is null ? null : new UpdateManager(new RecordStore(_options.Storage), _options.UpdateStorage, _builtInVersion, _options.UpdateSettings);
        int slot = update?.Boot() ?? UpdateManager.BuiltIn;
        Runtime = new StationRuntime(Endpoint, Board, RunsBadVersion(update) ? null : _transport, Watchdog, settings);
        if (update is not null)
        {
            Runtime.AttachUpdate(update, slot, this);
        }

        Runtime.AfterCoreCall(now);
    }

    /// <summary>Station id.</summary>
    public string Id => Endpoint.Settings.Station;

    /// <summary>The Core (lock-free reads only for display; it is driven under the station's lock).</summary>
    public StationCore Core { get; private set; }

    /// <summary>The device's station runtime around the endpoint (a new one after each simulated restart).</summary>
    public StationRuntime Runtime { get; private set; }

    /// <summary>The protocol endpoint (a new one after each simulated restart).</summary>
    public StationEndpoint Endpoint { get; private set; }

    /// <summary>What the last boot restored from storage (schedule, keys, events; boot count).</summary>
    public BootReport BootReport { get; private set; } = new();

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

            Instant now = Now;
            Runtime.Pass(now);
            Runtime.Tick(now);
            RestartIfAsked();
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
