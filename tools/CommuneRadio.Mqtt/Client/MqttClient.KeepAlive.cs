using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Packets;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>Keep-alive and QoS 1 retry of <see cref="MqttClient"/>.</summary>
    public sealed partial class MqttClient
    {
        private static readonly byte[] PingReqPacket = MqttPacketEncoder.Encode(MqttEmptyPacket.PingReq);

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
    }
}
