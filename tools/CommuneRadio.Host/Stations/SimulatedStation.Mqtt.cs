using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Time;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Stations;

/// <summary>Starting a simulated station and handing it its messages.</summary>
public sealed partial class SimulatedStation
{
    /// <summary>
    /// Marks the clock synced (the Core was booted from storage by the constructor), lets the runtime make its first
    /// attempt, and returns once connected and subscribed (online state and config report published). Throws the
    /// client's error when that first attempt fails; the station then stays stopped.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Task attempt;
        lock (_gate)
        {
            Instant now = Now;
            Runtime.ClockSet(now);

            // Ready before subscribing: retained messages arrive with the SUBACK and must be answered (refused as
            // "retained"), not dropped.
            _started = true;
            Runtime.Pass(now);
            attempt = _transport.LastAttempt;
        }

        try
        {
            await attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                _started = false;
            }

            throw;
        }

        Task subscribed;
        lock (_gate)
        {
            Runtime.Pass(Now);
            subscribed = _transport.LastSubscription;
        }

        await subscribed.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Runs on the client's receive loop: only the hand-over to the runtime, under the station's lock.
    private void OnMessageReceived(MqttClientTransport from, MqttMessageReceivedEventArgs e)
    {
        lock (_gate)
        {
            // A message the previous boot's connection still delivers is lost with it, as on a rebooting device.
            if (!_started || _stopped || !ReferenceEquals(from, _transport))
            {
                return;
            }

            // A time beacon's clock request is dropped: the operating system keeps the host clock.
            Runtime.HandleMessage(e.Message.Topic, e.Message.Payload, e.Message.Retain, Now);
            RestartIfAsked();
        }
    }
}
