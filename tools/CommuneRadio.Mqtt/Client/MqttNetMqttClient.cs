using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// <see cref="IMqttClient"/> on MQTTnet 5 (MIT, dotnet/MQTTnet). MQTTnet's client does one connection
    /// at a time and forgets everything when it ends, and version 5 has no managed client, so this
    /// adapter keeps what the tools rely on: reconnect with full-jitter backoff (<see cref="MqttBackoff"/>),
    /// resubscribe when the broker kept no session, and QoS 1 publishes that wait for the next connection
    /// instead of failing. Create it with <see cref="MqttClientFactory.Create"/>.
    /// This file: connect, publish, disconnect; MqttNetMqttClient.Reconnect.cs: losing and regaining the
    /// connection; MqttNetMqttClient.Subscriptions.cs: subscribe, unsubscribe, events.
    /// </summary>
    public sealed partial class MqttNetMqttClient : IMqttClient
    {
        private static readonly MQTTnet.MqttClientFactory Factory = new MQTTnet.MqttClientFactory();
        private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(1);
        private readonly object _gate = new object();
        private readonly Dictionary<string, MqttQualityOfService> _subscriptions = new Dictionary<string, MqttQualityOfService>(StringComparer.Ordinal);
        private MQTTnet.IMqttClient _inner;
        private CommuneRadio.Mqtt.MqttClientOptions? _options;
        private MQTTnet.MqttClientOptions? _innerOptions;
        private string? _generatedClientId;

        // Non-null from ConnectAsync until DisconnectAsync/AbortAsync (or a loss with reconnect off).
        private CancellationTokenSource? _run;
        private bool _connected;
        private bool _reconnecting;

        // Completed while connected; replaced when the connection is lost; failed when the run ends.
        // QoS 1 publishes made while reconnecting wait on it.
        private TaskCompletionSource _online = NewSignal();
        private bool _disposed;

        /// <summary>Creates a disconnected client.</summary>
        public MqttNetMqttClient()
        {
            _inner = CreateInner();
        }

        /// <inheritdoc/>
        public event EventHandler<MqttMessageReceivedEventArgs>? MessageReceived;

        /// <inheritdoc/>
        public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                lock (_gate)
                {
                    return _connected;
                }
            }
        }

        /// <summary>The client identifier sent in CONNECT (generated when the options leave it empty).</summary>
        public string? ClientId
        {
            get
            {
                lock (_gate)
                {
                    return _options is null ? null : ResolveClientId(_options);
                }
            }
        }

        /// <inheritdoc/>
        public async Task<MqttConnectResult> ConnectAsync(CommuneRadio.Mqtt.MqttClientOptions options, CancellationToken cancellationToken = default)
        {
            MqttClientOptionsValidator.Validate(options);
            var run = new CancellationTokenSource();
            MQTTnet.IMqttClient inner;
            MQTTnet.MqttClientOptions innerOptions;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_run is not null)
                {
                    throw new InvalidOperationException("The client is already connected or reconnecting; call DisconnectAsync first.");
                }

                _run = run;
                _options = options;
                _innerOptions = innerOptions = MqttNetOptions.Create(options, ResolveClientId(options));
                _online = NewSignal();
                inner = _inner;
            }

            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.Token);
                bool sessionPresent = await ConnectOnceAsync(inner, innerOptions, options, linked.Token).ConfigureAwait(false);
                TaskCompletionSource online;
                lock (_gate)
                {
                    // Lost between CONNACK and here, or stopped by DisconnectAsync/AbortAsync meanwhile.
                    if (_run != run || !inner.IsConnected)
                    {
                        throw new MqttNotConnectedException("The connection ended while connecting.");
                    }

                    _connected = true;
                    online = _online;
                }

                online.TrySetResult();
                RaiseStateChanged(MqttConnectionState.Connected, MqttDisconnectReason.None, null, sessionPresent);
                return new MqttConnectResult(sessionPresent);
            }
            catch
            {
                lock (_gate)
                {
                    if (_run == run)
                    {
                        _run = null;
                    }
                }

                run.Cancel();
                throw;
            }
        }

        /// <inheritdoc/>
        public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default)
        {
            if (!MqttTopicRules.IsValidTopicName(topic))
            {
                throw new ArgumentException($"'{topic}' is not a valid topic name.", nameof(topic));
            }

            if (qos is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
            {
                throw new ArgumentOutOfRangeException(nameof(qos), qos, "Only QoS 0 and 1 are supported.");
            }

            var message = new MqttApplicationMessage
            {
                Topic = topic,
                Payload = new ReadOnlySequence<byte>(payload),
                QualityOfServiceLevel = MqttNetOptions.ToMqttNet(qos),
                Retain = retain,
            };

            while (true)
            {
                MQTTnet.IMqttClient inner;
                Task online;
                bool connected;
                TimeSpan? retryAfter;
                lock (_gate)
                {
                    if (_run is null)
                    {
                        throw new MqttNotConnectedException();
                    }

                    inner = _inner;
                    online = _online.Task;
                    connected = _connected;
                    retryAfter = _options!.PublishRetryInterval;
                }

                if (!connected)
                {
                    if (qos == MqttQualityOfService.AtMostOnce)
                    {
                        throw new MqttNotConnectedException();
                    }

                    // In flight: goes out after the reconnect; fails if the application stops the client.
                    await online.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // MQTTnet waits for a PUBACK until the connection ends; the retry interval bounds one attempt.
                using CancellationTokenSource? retry = qos == MqttQualityOfService.AtLeastOnce && retryAfter is { } interval
                    ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
                    : null;
                retry?.CancelAfter(retryAfter!.Value);
                try
                {
                    await inner.PublishAsync(message, retry?.Token ?? cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (retry is not null && retry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // No PUBACK within PublishRetryInterval: sent again (a new packet on this connection).
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested
                    && (MqttNetErrors.IsConnectionFailure(ex) || (ex is OperationCanceledException && retry?.IsCancellationRequested != true)))
                {
                    // An OperationCanceledException nobody asked for: MQTTnet cancels a send in progress when its
                    // receive loop sees the connection close (e.g. the broker refusing a packet over max_packet_size).
                    // Lost with the connection: QoS 1 is sent again after the reconnect, as a new message
                    // (MQTTnet cannot set DUP) — the caller asked for at-least-once.
                    MarkLost(inner, MqttDisconnectReason.ConnectionLost, ex);
                    if (qos == MqttQualityOfService.AtMostOnce)
                    {
                        throw new MqttNotConnectedException("The connection was lost while publishing.", ex);
                    }
                }
            }
        }

        /// <inheritdoc/>
        public async Task DisconnectAsync(CancellationToken cancellationToken = default)
        {
            MQTTnet.IMqttClient inner = Stop(out bool wasRunning, out bool wasConnected);
            if (!wasRunning)
            {
                return;
            }

            if (inner.IsConnected)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ShutdownWait);
                try
                {
                    // DISCONNECT, then a normal close (linger off, MqttNetOptions): the broker discards the will.
                    await inner.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (MqttNetErrors.IsConnectionFailure(ex) || ex is OperationCanceledException)
                {
                    // Already gone, or the caller stopped waiting: MQTTnet closed the socket either way.
                }
            }

            if (wasConnected)
            {
                RaiseStateChanged(MqttConnectionState.Disconnected, MqttDisconnectReason.ClientDisconnected, null);
            }
        }

        /// <inheritdoc/>
        public Task AbortAsync()
        {
            MQTTnet.IMqttClient inner = Stop(out bool wasRunning, out bool wasConnected);
            if (!wasRunning)
            {
                return Task.CompletedTask;
            }

            // Disposing MQTTnet's client closes the socket without DISCONNECT, like a killed station, so
            // the broker publishes the will. A disposed client cannot connect again: a later ConnectAsync
            // uses a fresh one.
            lock (_gate)
            {
                _inner = CreateInner();
            }

            inner.Dispose();
            if (wasConnected)
            {
                RaiseStateChanged(MqttConnectionState.Disconnected, MqttDisconnectReason.ClientAborted, null);
            }

            return Task.CompletedTask;
        }

        /// <summary>Disconnects cleanly (waiting at most a few seconds) and releases the client.</summary>
        public async ValueTask DisposeAsync()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            using var timeout = new CancellationTokenSource(ShutdownWait * 3);
            try
            {
                await DisconnectAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await AbortAsync().ConfigureAwait(false);
            }

            MQTTnet.IMqttClient inner;
            lock (_gate)
            {
                inner = _inner;
            }

            inner.Dispose();
        }

        // Ends the run: stops reconnecting, fails waiting publishes, forgets subscriptions.
        private MQTTnet.IMqttClient Stop(out bool wasRunning, out bool wasConnected)
        {
            CancellationTokenSource? run;
            TaskCompletionSource online;
            MQTTnet.IMqttClient inner;
            lock (_gate)
            {
                run = _run;
                wasConnected = _connected;
                _run = null;
                _connected = false;
                _reconnecting = false;
                _subscriptions.Clear();
                online = _online;
                inner = _inner;
            }

            wasRunning = run is not null;
            run?.Cancel();
            Fail(online, "The client was disconnected by the application.");
            return inner;
        }

        private string ResolveClientId(CommuneRadio.Mqtt.MqttClientOptions options)
        {
            if (!string.IsNullOrEmpty(options.ClientId))
            {
                return options.ClientId;
            }

            // 23 characters from [0-9a-z]: the length every 3.1.1 broker must accept.
            _generatedClientId ??= "cr" + Guid.NewGuid().ToString("N").Substring(0, 21);
            return _generatedClientId;
        }

        private static TaskCompletionSource NewSignal() => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        private static void Fail(TaskCompletionSource signal, string reason)
        {
            if (signal.TrySetException(new MqttNotConnectedException(reason)))
            {
                // Observed here so an unawaited signal is not reported as an unobserved task exception.
                _ = signal.Task.Exception;
            }
        }
    }
}
