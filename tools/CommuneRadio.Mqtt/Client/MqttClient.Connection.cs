using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Packets;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>Connection lifecycle of <see cref="MqttClient"/>: connect, receive, keep-alive, reconnect.</summary>
    public sealed partial class MqttClient
    {
        private const int ResubscribeBatchSize = 64;
        private static readonly byte[] PingReqPacket = MqttPacketEncoder.Encode(MqttEmptyPacket.PingReq);

        // TCP/TLS, CONNECT, CONNACK. A refusing CONNACK becomes MqttConnectionRefusedException.
        private async Task<(MqttConnection Connection, bool SessionPresent)> EstablishAsync(MqttClientOptions options, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            MqttConnection? connection = null;
            try
            {
                connection = await MqttConnection.OpenAsync(options, timeout.Token).ConfigureAwait(false);
                string clientId;
                lock (_gate)
                {
                    clientId = ResolveClientId(options);
                }

                var connect = new MqttConnectPacket(clientId, (ushort)options.KeepAlive.TotalSeconds, options.CleanSession)
                {
                    Username = options.Username,
                    Password = options.Password,
                    Will = options.Will,
                };
                await connection.SendAsync(MqttPacketEncoder.Encode(connect), timeout.Token).ConfigureAwait(false);
                MqttPacket? first = await connection.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (first is null)
                {
                    throw new MqttNotConnectedException($"{options.Host}:{options.Port} closed the connection before CONNACK.");
                }

                if (first is not MqttConnAckPacket connAck)
                {
                    throw new MqttProtocolException($"Expected CONNACK, received {first.Type}.");
                }

                if (connAck.ReturnCode != MqttConnectReturnCode.Accepted)
                {
                    throw new MqttConnectionRefusedException(connAck.ReturnCode);
                }

                return (connection, connAck.SessionPresent);
            }
            catch (Exception ex)
            {
                connection?.Close(MqttDisconnectReason.ConnectionLost);
                connection?.Reader.Dispose();
                if (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"No accepted connection to {options.Host}:{options.Port} within {options.ConnectTimeout}.", ex);
                }

                throw;
            }
        }

        // Makes an accepted connection current, then resends in-flight messages and restores
        // subscriptions. Returns false when the run ended meanwhile (the connection is then closed).
        private async Task<bool> ActivateAsync(MqttConnection connection, bool sessionPresent, CancellationTokenSource run, MqttClientOptions options)
        {
            List<MqttPendingPublish> resend;
            List<MqttTopicSubscription> restore;
            lock (_gate)
            {
                if (_run != run || run.IsCancellationRequested)
                {
                    connection.Close(MqttDisconnectReason.ClientDisconnected);
                    connection.Reader.Dispose();
                    return false;
                }

                _connection = connection;
                long now = options.TimeProvider.GetTimestamp();
                resend = _state.InflightInOrder();
                foreach (MqttPendingPublish pending in resend)
                {
                    // DUP tells a broker that kept the session it may have seen this one already.
                    // Without a stored session the message is sent again as new (DUP clear): the
                    // caller asked for at-least-once, so it is not silently dropped.
                    if (sessionPresent)
                    {
                        pending.MarkDuplicate();
                    }

                    pending.SentOn = connection;
                    pending.SentAt = now;
                }

                restore = sessionPresent
                    ? new List<MqttTopicSubscription>()
                    : _state.Subscriptions.Select(s => new MqttTopicSubscription(s.Key, s.Value)).ToList();
            }

            connection.ReceiveLoop = ReceiveLoopAsync(connection, run, options);
            _ = KeepAliveLoopAsync(connection, options);
            try
            {
                foreach (MqttPendingPublish pending in resend)
                {
                    await connection.SendAsync(pending.Packet, run.Token).ConfigureAwait(false);
                }

                for (int i = 0; i < restore.Count; i += ResubscribeBatchSize)
                {
                    List<MqttTopicSubscription> batch = restore.GetRange(i, Math.Min(ResubscribeBatchSize, restore.Count - i));
                    await SubscribeOnAsync(connection, batch, options, run.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is MqttException or OperationCanceledException or TimeoutException)
            {
                // Lost again while restoring: the receive loop reports it and reconnects.
                return true;
            }

            RaiseStateChanged(MqttConnectionState.Connected, MqttDisconnectReason.None, null, sessionPresent);
            return true;
        }

        private async Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeOnAsync(MqttConnection connection, IReadOnlyList<MqttTopicSubscription> subscriptions, MqttClientOptions options, CancellationToken cancellationToken)
        {
            MqttPendingAck ack;
            ushort id;
            lock (_gate)
            {
                id = _state.AllocatePacketId();
                ack = new MqttPendingAck(connection, MqttPacketType.SubAck);
                _state.PendingAcks[id] = ack;
            }

            try
            {
                await connection.SendAsync(MqttPacketEncoder.Encode(new MqttSubscribePacket(id, subscriptions)), cancellationToken).ConfigureAwait(false);
                var subAck = (MqttSubAckPacket)await ack.Completion.Task.WaitAsync(options.AckTimeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                if (subAck.ReturnCodes.Count != subscriptions.Count)
                {
                    throw new MqttProtocolException($"SUBACK has {subAck.ReturnCodes.Count} codes for {subscriptions.Count} filters.");
                }

                lock (_gate)
                {
                    for (int i = 0; i < subscriptions.Count; i++)
                    {
                        if (subAck.ReturnCodes[i] == MqttSubscribeReturnCode.Failure)
                        {
                            _state.Subscriptions.Remove(subscriptions[i].Filter);
                        }
                        else if (_run is not null)
                        {
                            _state.Subscriptions[subscriptions[i].Filter] = subscriptions[i].QoS;
                        }
                    }
                }

                return subAck.ReturnCodes;
            }
            finally
            {
                RemoveAck(id, ack);
            }
        }

        private async Task ReceiveLoopAsync(MqttConnection connection, CancellationTokenSource run, MqttClientOptions options)
        {
            // Return to the caller first: ActivateAsync goes on while packets arrive.
            await Task.Yield();
            MqttDisconnectReason reason = MqttDisconnectReason.ConnectionLost;
            Exception? error = null;
            try
            {
                while (true)
                {
                    MqttPacket? packet = await connection.Reader.ReadAsync(connection.Closing).ConfigureAwait(false);
                    if (packet is null)
                    {
                        break;
                    }

                    await DispatchAsync(connection, packet).ConfigureAwait(false);
                }
            }
            catch (MqttProtocolException ex)
            {
                reason = MqttDisconnectReason.ProtocolError;
                error = ex;
            }
            catch (Exception ex)
            {
                error = connection.Closing.IsCancellationRequested ? null : ex;
            }
            finally
            {
                connection.Reader.Dispose();
            }

            // First reason wins: a keep-alive timeout or a local close was recorded before the read failed.
            connection.Close(reason);
            await OnConnectionLostAsync(connection, run, options, connection.CloseReason, error).ConfigureAwait(false);
        }

        private async Task DispatchAsync(MqttConnection connection, MqttPacket packet)
        {
            switch (packet)
            {
                case MqttPublishPacket publish:
                    byte[] payload = MemoryMarshal.TryGetArray(publish.Payload, out ArraySegment<byte> segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                        ? segment.Array
                        : publish.Payload.ToArray();
                    RaiseMessageReceived(new MqttReceivedMessage(publish.Topic, payload, publish.QoS, publish.Retain, publish.Dup));

                    // Acknowledged only after the handlers ran: a crash before this line leaves the
                    // message unacknowledged and the broker redelivers it.
                    if (publish.QoS == MqttQualityOfService.AtLeastOnce)
                    {
                        await connection.SendAsync(MqttPacketEncoder.Encode(new MqttPubAckPacket(publish.PacketId)), CancellationToken.None).ConfigureAwait(false);
                    }

                    break;
                case MqttPubAckPacket pubAck:
                    MqttPendingPublish? done;
                    lock (_gate)
                    {
                        _state.Inflight.Remove(pubAck.PacketId, out done);
                    }

                    done?.Completion.TrySetResult();
                    break;
                case MqttSubAckPacket subAck:
                    CompleteAck(subAck.PacketId, packet);
                    break;
                case MqttUnsubAckPacket unsubAck:
                    CompleteAck(unsubAck.PacketId, packet);
                    break;
                case MqttEmptyPacket { Type: MqttPacketType.PingResp }:
                    connection.MarkPingResponse();
                    break;
                default:
                    throw new MqttProtocolException($"Unexpected {packet.Type} on an established connection.");
            }
        }

        private void CompleteAck(ushort packetId, MqttPacket packet)
        {
            MqttPendingAck? pending;
            lock (_gate)
            {
                _state.PendingAcks.TryGetValue(packetId, out pending);
            }

            if (pending is null)
            {
                return;
            }

            if (pending.Expected != packet.Type)
            {
                pending.Completion.TrySetException(new MqttProtocolException($"Expected {pending.Expected} for packet {packetId}, received {packet.Type}."));
            }
            else
            {
                pending.Completion.TrySetResult(packet);
            }
        }

        // One async delay loop per connection: timers, not threads. It sends PINGREQ when the
        // connection has been quiet, declares the connection dead when PINGRESP is late, and
        // resends QoS 1 messages whose PUBACK is overdue.
        private async Task KeepAliveLoopAsync(MqttConnection connection, MqttClientOptions options)
        {
            TimeSpan keepAlive = options.KeepAlive;
            TimeSpan? retry = options.PublishRetryInterval;
            if (keepAlive == TimeSpan.Zero && retry is null)
            {
                return;
            }

            TimeSpan tick = ComputeTick(keepAlive, retry);
            TimeProvider time = options.TimeProvider;
            try
            {
                while (true)
                {
                    await Task.Delay(tick, time, connection.Closing).ConfigureAwait(false);
                    long now = time.GetTimestamp();
                    if (keepAlive > TimeSpan.Zero)
                    {
                        if (connection.PingOutstanding)
                        {
                            if (time.GetElapsedTime(connection.PingSentTimestamp, now) >= keepAlive)
                            {
                                connection.Close(MqttDisconnectReason.KeepAliveTimeout);
                                return;
                            }
                        }
                        else if (time.GetElapsedTime(connection.LastSentTimestamp, now) >= keepAlive - tick)
                        {
                            connection.MarkPingSent(now);
                            await connection.SendAsync(PingReqPacket, connection.Closing).ConfigureAwait(false);
                        }
                    }

                    if (retry is { } interval)
                    {
                        await ResendOverdueAsync(connection, now, interval, time).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or MqttException)
            {
                // The connection closed; its receive loop reports why.
            }
        }

        /// <summary>Tick of the keep-alive loop: a quarter of the shortest interval, 100 ms to 5 s.</summary>
        internal static TimeSpan ComputeTick(TimeSpan keepAlive, TimeSpan? retry)
        {
            TimeSpan shortest = TimeSpan.MaxValue;
            if (keepAlive > TimeSpan.Zero)
            {
                shortest = keepAlive;
            }

            if (retry is { } interval && interval < shortest)
            {
                shortest = interval;
            }

            TimeSpan quarter = shortest == TimeSpan.MaxValue ? TimeSpan.FromSeconds(5) : shortest / 4;
            return TimeSpan.FromTicks(Math.Clamp(quarter.Ticks, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(5).Ticks));
        }

        private async Task ResendOverdueAsync(MqttConnection connection, long now, TimeSpan interval, TimeProvider time)
        {
            List<MqttPendingPublish> overdue;
            lock (_gate)
            {
                overdue = _state.InflightInOrder().Where(p => p.SentOn == connection && time.GetElapsedTime(p.SentAt, now) >= interval).ToList();
                foreach (MqttPendingPublish pending in overdue)
                {
                    pending.MarkDuplicate();
                    pending.SentAt = now;
                }
            }

            foreach (MqttPendingPublish pending in overdue)
            {
                await connection.SendAsync(pending.Packet, connection.Closing).ConfigureAwait(false);
            }
        }

        private async Task OnConnectionLostAsync(MqttConnection connection, CancellationTokenSource run, MqttClientOptions options, MqttDisconnectReason reason, Exception? error)
        {
            List<MqttPendingAck> acks;
            List<MqttPendingPublish> publishes = new List<MqttPendingPublish>();
            bool reconnect;
            lock (_gate)
            {
                if (_connection != connection)
                {
                    // DisconnectAsync or AbortAsync already took this connection and reported it.
                    return;
                }

                _connection = null;
                acks = _state.TakeAcks(connection);
                reconnect = _run == run && !run.IsCancellationRequested && options.Reconnect.Enabled;
                if (!reconnect && _run == run)
                {
                    _run = null;
                    (publishes, List<MqttPendingAck> rest) = _state.Clear();
                    acks.AddRange(rest);
                }
            }

            FailAll(publishes, acks, $"The connection was lost ({reason}).");
            RaiseStateChanged(MqttConnectionState.Disconnected, reason, error);
            if (reconnect)
            {
                await ReconnectLoopAsync(run, options).ConfigureAwait(false);
            }
        }

        private async Task ReconnectLoopAsync(CancellationTokenSource run, MqttClientOptions options)
        {
            for (int attempt = 0; !run.IsCancellationRequested; attempt++)
            {
                TimeSpan delay = MqttBackoff.ComputeDelay(options.Reconnect, attempt, Random.Shared.NextDouble());
                try
                {
                    await Task.Delay(delay, options.TimeProvider, run.Token).ConfigureAwait(false);
                    (MqttConnection connection, bool sessionPresent) = await EstablishAsync(options, run.Token).ConfigureAwait(false);
                    await ActivateAsync(connection, sessionPresent, run, options).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (run.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is MqttException or TimeoutException or System.IO.IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
                {
                    // Broker still down, refusing or unreachable: wait longer and try again.
                }
            }
        }

        private void RaiseMessageReceived(MqttReceivedMessage message)
        {
            EventHandler<MqttMessageReceivedEventArgs>? handlers = MessageReceived;
            if (handlers is null)
            {
                return;
            }

            var args = new MqttMessageReceivedEventArgs(message);
            foreach (EventHandler<MqttMessageReceivedEventArgs> handler in handlers.GetInvocationList().Cast<EventHandler<MqttMessageReceivedEventArgs>>())
            {
                InvokeHandler(() => handler(this, args));
            }
        }

        private void RaiseStateChanged(MqttConnectionState state, MqttDisconnectReason reason, Exception? error, bool sessionPresent = false)
        {
            EventHandler<MqttConnectionStateChangedEventArgs>? handlers = ConnectionStateChanged;
            if (handlers is null)
            {
                return;
            }

            var args = new MqttConnectionStateChangedEventArgs(state, reason, sessionPresent, error);
            foreach (EventHandler<MqttConnectionStateChangedEventArgs> handler in handlers.GetInvocationList().Cast<EventHandler<MqttConnectionStateChangedEventArgs>>())
            {
                InvokeHandler(() => handler(this, args));
            }
        }

        // A throwing application handler must not tear down the connection or skip other handlers.
        private static void InvokeHandler(Action invoke)
        {
#pragma warning disable CA1031 // Handler errors belong to the application; the client keeps running.
            try
            {
                invoke();
            }
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }
    }
}
