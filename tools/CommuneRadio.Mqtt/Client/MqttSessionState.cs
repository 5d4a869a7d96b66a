using System;
using System.Collections.Generic;
using System.Linq;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// Client-side session state (MQTT 3.1.1 section 4.1): QoS 1 messages in flight, SUBSCRIBE and
    /// UNSUBSCRIBE waiting for acknowledgement, and the accepted subscriptions to restore after a
    /// reconnect. Not thread-safe: the client guards it with its lock.
    /// </summary>
    internal sealed class MqttSessionState
    {
        private ushort _lastPacketId;
        private long _sequence;

        public Dictionary<ushort, MqttPendingPublish> Inflight { get; } = new Dictionary<ushort, MqttPendingPublish>();

        public Dictionary<ushort, MqttPendingAck> PendingAcks { get; } = new Dictionary<ushort, MqttPendingAck>();

        public Dictionary<string, MqttQualityOfService> Subscriptions { get; } = new Dictionary<string, MqttQualityOfService>(StringComparer.Ordinal);

        /// <summary>Next identifier not used by a message or acknowledgement in flight (1..65535, wrapping).</summary>
        public ushort AllocatePacketId()
        {
            for (int i = 0; i < ushort.MaxValue; i++)
            {
                _lastPacketId = _lastPacketId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastPacketId + 1);
                if (!Inflight.ContainsKey(_lastPacketId) && !PendingAcks.ContainsKey(_lastPacketId))
                {
                    return _lastPacketId;
                }
            }

            throw new MqttException("All 65535 packet identifiers are in use.");
        }

        public long NextSequence() => ++_sequence;

        /// <summary>In-flight messages in the order they were published.</summary>
        public List<MqttPendingPublish> InflightInOrder() => Inflight.Values.OrderBy(p => p.Sequence).ToList();

        /// <summary>The acknowledgements waited for on <paramref name="connection"/>, removed from the state.</summary>
        public List<MqttPendingAck> TakeAcks(MqttConnection? connection)
        {
            var taken = new List<MqttPendingAck>();
            foreach (KeyValuePair<ushort, MqttPendingAck> pair in PendingAcks.ToList())
            {
                if (connection is null || pair.Value.Connection == connection)
                {
                    taken.Add(pair.Value);
                    PendingAcks.Remove(pair.Key);
                }
            }

            return taken;
        }

        /// <summary>Ends the session: returns what was pending and forgets everything.</summary>
        public (List<MqttPendingPublish> Publishes, List<MqttPendingAck> Acks) Clear()
        {
            List<MqttPendingPublish> publishes = Inflight.Values.ToList();
            List<MqttPendingAck> acks = TakeAcks(null);
            Inflight.Clear();
            Subscriptions.Clear();
            return (publishes, acks);
        }
    }
}
