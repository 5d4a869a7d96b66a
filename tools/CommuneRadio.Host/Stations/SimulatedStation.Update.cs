using System;
using System.Threading.Tasks;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;
using CommuneRadio.Host.Time;

namespace CommuneRadio.Host.Stations;

/// <summary>
/// The simulated restart of an application update (docs/protocol.md §8). The runtime asks for it (after a commit or a
/// rollback, relays already off) through <see cref="IRestarter"/>; at the end of that call the station drops its MQTT
/// connection without DISCONNECT (the broker publishes the will, as when the device resets), boots again from its
/// storage with a fresh monotonic clock, and the update's loader step runs the slot the record chooses
/// (<see cref="UpdateManager.Boot"/>, then <see cref="StationRuntime.AttachUpdate"/> as the device's application does). A
/// version named in <see cref="SimulatedStationOptions.BadUpdateVersions"/> stands for an image that starts but never
/// gets on the network: it runs without transport, so it cannot report healthy and is rolled back once the prove time
/// is spent; the station then restarts into the previous version and reports <c>update-rolled-back</c>.
/// </summary>
public sealed partial class SimulatedStation : IRestarter
{
    private readonly string _builtInVersion;
    private string? _restartReason;
    private long _monotonicOffsetMs;

    /// <summary>Simulated restarts so far (update commits and rollbacks).</summary>
    public int Restarts { get; private set; }

    /// <summary>Why the last simulated restart happened ("update-commit", "update-rollback"), or null.</summary>
    public string? LastRestartReason { get; private set; }

    /// <summary>The application version this boot runs (the built-in one without update storage).</summary>
    public string RunningVersion => Runtime.Update?.RunningVersion ?? _builtInVersion;

    // The station's clock: the options' clock with the monotonic part restarted at each simulated restart.
    private Instant Now
    {
        get
        {
            Instant now = _clock.Now;
            return new Instant(now.MonotonicMs - _monotonicOffsetMs, now.UtcMs);
        }
    }

    /// <inheritdoc/>
    void IRestarter.Restart(string reason) => _restartReason = reason;

    private bool RunsBadVersion(UpdateManager? update) => update is not null && _options.BadUpdateVersions.Contains(update.RunningVersion);

    private MqttClientTransport NewTransport()
    {
        var transport = new MqttClientTransport(_options.ClientFactory(), _options.Broker);
        transport.Client.MessageReceived += (_, e) => OnMessageReceived(transport, e);
        return transport;
    }

    // Under the station's lock, after a runtime call: the restart the runtime asked for.
    private void RestartIfAsked()
    {
        string? reason = _restartReason;
        if (reason is null)
        {
            return;
        }

        _restartReason = null;
        MqttClientTransport old = _transport;
        _ = AbortAndDisposeAsync(old);
        _transport = NewTransport();
        _monotonicOffsetMs = _clock.Now.MonotonicMs - SystemClock.MonotonicStartMs;
        Instant now = Now;
        Boot(now);
        Runtime.ClockSet(now);
        Restarts++;
        LastRestartReason = reason;
    }

    // The old connection dies like a reset device's: no DISCONNECT, so the broker publishes the will.
    private static async Task AbortAndDisposeAsync(MqttClientTransport old)
    {
        try
        {
            await old.Client.AbortAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Mqtt.MqttException or ObjectDisposedException or InvalidOperationException)
        {
        }

        await old.Client.DisposeAsync().ConfigureAwait(false);
    }
}
