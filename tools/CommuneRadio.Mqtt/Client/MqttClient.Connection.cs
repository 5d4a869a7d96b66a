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
                    // What the handlers publish in answer and the PUBACK go out in one write.
                    connection.BeginBatch();
                    try
                    {
                        RaiseMessageReceived(new MqttReceivedMessage(publish.Topic, payload, publish.QoS, publish.Retain, publish.Dup));

                        // Acknowledged only after the handlers ran: a crash before this line leaves the
                        // message unacknowledged and the broker redelivers it.
                        if (publish.QoS == MqttQualityOfService.AtLeastOnce)
                        {
                            await connection.SendAsync(MqttPacketEncoder.Encode(new MqttPubAckPacket(publish.PacketId)), CancellationToken.None).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        await connection.EndBatchAsync().ConfigureAwait(false);
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
    }
}
