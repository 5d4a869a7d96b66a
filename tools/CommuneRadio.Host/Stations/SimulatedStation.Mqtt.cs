using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Relays;
using CommuneRadio.Host.Time;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Stations;

/// <summary>The MQTT side of a simulated station: connect options, incoming messages, reconnects, publishing.</summary>
public sealed partial class SimulatedStation
{
    private MqttClientOptions ConnectOptions()
    {
        MqttClientOptions b = _options.Broker;
        return new MqttClientOptions
        {
            Host = b.Host,
            Port = b.Port,
            ClientId = Id,
            Username = b.Username,
            Password = b.Password,
            KeepAlive = TimeSpan.FromSeconds(15),

            // The broker keeps the session of a station that drops out, so commands sent meanwhile still arrive
            // (expired ones are refused by the endpoint, replays by the counters).
            CleanSession = false,
            Will = new MqttLastWill(Endpoint.Topics.State, Endpoint.WillPayload(), MqttQualityOfService.AtLeastOnce, retain: true),
            Tls = b.Tls,
            Reconnect = b.Reconnect,
            ConnectTimeout = b.ConnectTimeout,
            AckTimeout = b.AckTimeout,
            PublishRetryInterval = b.PublishRetryInterval,
            TimeProvider = b.TimeProvider,
        };
    }

    // Runs on the client's receive loop: only the hand-over to the endpoint, under the station's lock.
    private void OnMessageReceived(object? sender, MqttMessageReceivedEventArgs e)
    {
        lock (_gate)
        {
            if (!_started || _stopped)
            {
                return;
            }

            Instant now = _clock.Now;
            Endpoint.HandleMessage(e.Message.Topic, e.Message.Payload, e.Message.Retain, now);
            Apply(now);
        }
    }

    private void OnConnectionStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (e.State != MqttConnectionState.Connected)
        {
            // As on the device: while offline the endpoint keeps events in the Core's event log (delivered on
            // reconnect) instead of filling the bounded outbox.
            lock (_gate)
            {
                Endpoint.Connected = false;
            }

            return;
        }

        // The first connection is announced by StartAsync after subscribing; later ones are reconnects.
        if (Interlocked.Increment(ref _connections) == 1)
        {
            lock (_gate)
            {
                Endpoint.Connected = true;
            }

            return;
        }

        lock (_gate)
        {
            if (!_started || _stopped)
            {
                return;
            }

            Endpoint.OnConnected();
            Publish(Endpoint.OnlineState());
            Flush();
        }
    }

    // Called under the lock after every Core call: the device's runtime pass (relays, a refused write fed back as a
    // relay fault), then publishing. A time beacon's clock request is dropped: the operating system keeps the host clock.
    private void Apply(Instant now)
    {
        Runtime.AfterCoreCall(now);
        Flush();
    }

    private void Flush()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        OutgoingMessage? m;
        while ((m = Endpoint.Outbox.Dequeue()) is not null)
        {
            Publish(m);
        }
    }

    // Started in order under the lock and never awaited here: waiting for a PUBACK on the receive loop would deadlock.
    private void Publish(OutgoingMessage m)
    {
        Task task;
        try
        {
            task = _client.PublishAsync(m.Topic, m.Payload, m.Qos == 1 ? MqttQualityOfService.AtLeastOnce : MqttQualityOfService.AtMostOnce, m.Retain);
        }
        catch (MqttException)
        {
            Interlocked.Increment(ref _publishFailures);
            return;
        }

        if (!task.IsCompletedSuccessfully)
        {
            task.ContinueWith(
                t =>
                {
                    _ = t.Exception;
                    Interlocked.Increment(ref _publishFailures);
                },
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
