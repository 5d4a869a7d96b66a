using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>
/// A real <see cref="IMqttClient"/> that records, in ms since <see cref="Origin"/>, when each connection was lost and when
/// each ConnectAsync started and ended (and whether it failed) — what the station runtime's backoff is measured from.
/// </summary>
internal sealed class RecordingMqttClient : IMqttClient
{
    private readonly IMqttClient _inner = MqttClientFactory.Create();
    private readonly object _gate = new();

    public RecordingMqttClient()
    {
        _inner.ConnectionStateChanged += (s, e) =>
        {
            if (e.State == MqttConnectionState.Disconnected)
            {
                Record(Losses);
            }

            ConnectionStateChanged?.Invoke(this, e);
        };
        _inner.MessageReceived += (s, e) => MessageReceived?.Invoke(this, e);
    }

    public event EventHandler<MqttMessageReceivedEventArgs>? MessageReceived;

    public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

    public long Origin { get; set; } = Stopwatch.GetTimestamp();

    public List<double> Losses { get; } = new();

    public List<double> AttemptStarts { get; } = new();

    public List<double> FailedAttemptEnds { get; } = new();

    public bool IsConnected => _inner.IsConnected;

    public async Task<MqttConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default)
    {
        Record(AttemptStarts);
        try
        {
            return await _inner.ConnectAsync(options, cancellationToken);
        }
        catch
        {
            Record(FailedAttemptEnds);
            throw;
        }
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default) =>
        _inner.PublishAsync(topic, payload, qos, retain, cancellationToken);

    public Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeAsync(IReadOnlyList<MqttTopicSubscription> subscriptions, CancellationToken cancellationToken = default) =>
        _inner.SubscribeAsync(subscriptions, cancellationToken);

    public Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default) => _inner.UnsubscribeAsync(topicFilters, cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken = default) => _inner.DisconnectAsync(cancellationToken);

    public Task AbortAsync() => _inner.AbortAsync();

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    public double[] Snapshot(List<double> list)
    {
        lock (_gate)
        {
            return list.ToArray();
        }
    }

    private void Record(List<double> list)
    {
        lock (_gate)
        {
            list.Add(Stopwatch.GetElapsedTime(Origin).TotalMilliseconds);
        }
    }
}
