using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Packets;
using CommuneRadio.Mqtt.Topics;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// The built-in MQTT 3.1.1 client: TCP or TLS, QoS 0 and 1, keep-alive, last will, clean or
    /// persistent sessions, automatic reconnect and resubscribe. Every connection is a handful of
    /// pending async operations and one timer, never a thread, so one process can hold 10,000.
    /// This file holds connect, publish and disconnect; the other MqttClient.*.cs files hold
    /// subscriptions, the connection lifecycle (receive loop, reconnect), keep-alive and events.
    /// </summary>
    public sealed partial class MqttClient : IMqttClient
    {
        private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(1);
        private readonly object _gate = new object();
        private readonly MqttSessionState _state = new MqttSessionState();
        private MqttClientOptions? _options;
        private string? _generatedClientId;
        private MqttConnection? _connection;
        private CancellationTokenSource? _run;
        private bool _disposed;

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
                    return _connection is not null;
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
        public async Task<MqttConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default)
        {
            MqttClientOptionsValidator.Validate(options);
            var run = new CancellationTokenSource();
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_run is not null)
                {
                    throw new InvalidOperationException("The client is already connected or reconnecting; call DisconnectAsync first.");
                }

                _run = run;
                _options = options;
            }

            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.Token);
                (MqttConnection connection, bool sessionPresent) = await EstablishAsync(options, linked.Token).ConfigureAwait(false);
                if (!await ActivateAsync(connection, sessionPresent, run, options).ConfigureAwait(false))
                {
                    throw new MqttNotConnectedException("The client was disconnected while connecting.");
                }

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
            if (!MqttTopicMatcher.IsValidTopicName(topic))
            {
                throw new ArgumentException($"'{topic}' is not a valid topic name.", nameof(topic));
            }

            if (qos is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
            {
                throw new ArgumentOutOfRangeException(nameof(qos), qos, "Only QoS 0 and 1 are supported.");
            }

            MqttConnection? connection;
            if (qos == MqttQualityOfService.AtMostOnce)
            {
                lock (_gate)
                {
                    connection = _connection ?? throw new MqttNotConnectedException();
                }

                byte[] packet = MqttPacketEncoder.Encode(new MqttPublishPacket(topic, payload, qos, retain, false, 0));
                await connection.SendAsync(packet, cancellationToken).ConfigureAwait(false);
                return;
            }

            MqttPendingPublish pending;
            lock (_gate)
            {
                if (_run is null || _options is null)
                {
                    throw new MqttNotConnectedException();
                }

                ushort id = _state.AllocatePacketId();
                byte[] packet = MqttPacketEncoder.Encode(new MqttPublishPacket(topic, payload, qos, retain, false, id));
                pending = new MqttPendingPublish(id, packet, _state.NextSequence());
                _state.Inflight[id] = pending;

                // Without a connection the message waits in flight and goes out after the reconnect.
                connection = _connection;
                pending.SentOn = connection;
                pending.SentAt = _options.TimeProvider.GetTimestamp();
            }

            if (connection is not null)
            {
                try
                {
                    await connection.SendAsync(pending.Packet, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Cancelled before any byte was written: the message was never sent, forget it.
                    lock (_gate)
                    {
                        _state.Inflight.Remove(pending.PacketId);
                    }

                    throw;
                }
                catch (MqttNotConnectedException)
                {
                    // The connection dropped: the message stays in flight and is resent after reconnect.
                }
            }

            await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc/>
        public async Task DisconnectAsync(CancellationToken cancellationToken = default)
        {
            MqttConnection? connection = Stop(out bool wasRunning);
            if (!wasRunning)
            {
                return;
            }

            if (connection is not null)
            {
                try
                {
                    await connection.SendAsync(MqttPacketEncoder.Encode(MqttEmptyPacket.Disconnect), cancellationToken, immediate: true).ConfigureAwait(false);
                    await connection.ShutdownAsync(ShutdownWait).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is MqttNotConnectedException or OperationCanceledException)
                {
                    // Already gone, or the caller stopped waiting: the socket is closed below either
                    // way (if DISCONNECT was not read by then, the broker may publish the will).
                }
                finally
                {
                    connection.Close(MqttDisconnectReason.ClientDisconnected);
                }

                RaiseStateChanged(MqttConnectionState.Disconnected, MqttDisconnectReason.ClientDisconnected, null);
            }
        }

        /// <inheritdoc/>
        public Task AbortAsync()
        {
            MqttConnection? connection = Stop(out _);
            if (connection is not null)
            {
                connection.Close(MqttDisconnectReason.ClientAborted);
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
        }

        // Ends the run: stops reconnecting, fails everything pending and hands back the open connection.
        private MqttConnection? Stop(out bool wasRunning)
        {
            CancellationTokenSource? run;
            MqttConnection? connection;
            List<MqttPendingPublish> publishes;
            List<MqttPendingAck> acks;
            lock (_gate)
            {
                run = _run;
                connection = _connection;
                _run = null;
                _connection = null;
                (publishes, acks) = run is null ? (new List<MqttPendingPublish>(), new List<MqttPendingAck>()) : _state.Clear();
            }

            wasRunning = run is not null;
            run?.Cancel();
            FailAll(publishes, acks, "The client was disconnected by the application.");
            return connection;
        }

        private static void FailAll(List<MqttPendingPublish> publishes, List<MqttPendingAck> acks, string reason)
        {
            foreach (MqttPendingPublish publish in publishes)
            {
                publish.Completion.TrySetException(new MqttNotConnectedException(reason));
            }

            foreach (MqttPendingAck ack in acks)
            {
                ack.Completion.TrySetException(new MqttNotConnectedException(reason));
            }
        }

        private void RemoveAck(ushort id, MqttPendingAck ack)
        {
            lock (_gate)
            {
                if (_state.PendingAcks.TryGetValue(id, out MqttPendingAck? current) && current == ack)
                {
                    _state.PendingAcks.Remove(id);
                }
            }
        }

        private string ResolveClientId(MqttClientOptions options)
        {
            if (!string.IsNullOrEmpty(options.ClientId))
            {
                return options.ClientId;
            }

            // 23 characters from [0-9a-z]: the length every 3.1.1 broker must accept.
            _generatedClientId ??= "cr" + Guid.NewGuid().ToString("N").Substring(0, 21);
            return _generatedClientId;
        }
    }
}
