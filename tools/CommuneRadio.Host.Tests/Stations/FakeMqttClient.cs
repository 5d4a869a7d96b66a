using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Tests.Stations;

/// <summary>
/// An in-memory <see cref="IMqttClient"/>: records each connect (with the time of <see cref="Clock"/>), what is published
/// and subscribed, fails connects while <see cref="FailConnects"/>, and lets a test deliver messages and drop the link.
/// Like the real client with reconnect off, it never reconnects by itself.
/// </summary>
internal sealed class FakeMqttClient : IMqttClient
{
    private readonly object _gate = new();

    public event EventHandler<MqttMessageReceivedEventArgs>? MessageReceived;

    public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

    public bool IsConnected { get; private set; }

    public MqttClientOptions? Options { get; private set; }

    public List<(string Topic, byte[] Payload, MqttQualityOfService QoS, bool Retain)> Published { get; } = new();

    public List<string> Subscribed { get; } = new();

    public bool Disconnected { get; private set; }

    public bool Aborted { get; private set; }

    public bool FailConnects { get; set; }

    public Func<long>? Clock { get; set; }

    /// <summary>Monotonic ms of every ConnectAsync call.</summary>
    public List<long> ConnectTimes { get; } = new();

    public Task<MqttConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default)
    {
        Options = options;
        ConnectTimes.Add(Clock?.Invoke() ?? 0);
        if (FailConnects)
        {
            return Task.FromException<MqttConnectResult>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        }

        SetConnected(true);
        return Task.FromResult(new MqttConnectResult(false));
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Published.Add((topic, payload.ToArray(), qos, retain));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeAsync(IReadOnlyList<MqttTopicSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        var codes = new List<MqttSubscribeReturnCode>();
        foreach (MqttTopicSubscription s in subscriptions)
        {
            Subscribed.Add(s.Filter);
            codes.Add(MqttSubscribeReturnCode.GrantedQos1);
        }

        return Task.FromResult<IReadOnlyList<MqttSubscribeReturnCode>>(codes);
    }

    public Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        Disconnected = true;
        IsConnected = false;
        return Task.CompletedTask;
    }

    public Task AbortAsync()
    {
        Aborted = true;
        IsConnected = false;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Deliver(string topic, byte[] payload, bool retain = false) =>
        MessageReceived?.Invoke(this, new MqttMessageReceivedEventArgs(new MqttReceivedMessage(topic, payload, MqttQualityOfService.AtLeastOnce, retain, false)));

    /// <summary>The connection is lost (broker gone, Wi-Fi down).</summary>
    public void Drop() => SetConnected(false);

    private void SetConnected(bool connected)
    {
        IsConnected = connected;
        ConnectionStateChanged?.Invoke(this, new MqttConnectionStateChangedEventArgs(
            connected ? MqttConnectionState.Connected : MqttConnectionState.Disconnected,
            connected ? MqttDisconnectReason.None : MqttDisconnectReason.ConnectionLost, false, null));
    }
}
