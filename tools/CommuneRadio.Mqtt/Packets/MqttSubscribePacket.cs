using System.Collections.Generic;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>SUBSCRIBE: filters with requested QoS.</summary>
    internal sealed class MqttSubscribePacket : MqttPacket
    {
        public MqttSubscribePacket(ushort packetId, IReadOnlyList<MqttTopicSubscription> subscriptions)
        {
            PacketId = packetId;
            Subscriptions = subscriptions;
        }

        public override MqttPacketType Type => MqttPacketType.Subscribe;

        public ushort PacketId { get; }

        public IReadOnlyList<MqttTopicSubscription> Subscriptions { get; }
    }
}
