using System.Collections.Generic;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>UNSUBSCRIBE: filters to remove.</summary>
    internal sealed class MqttUnsubscribePacket : MqttPacket
    {
        public MqttUnsubscribePacket(ushort packetId, IReadOnlyList<string> filters)
        {
            PacketId = packetId;
            Filters = filters;
        }

        public override MqttPacketType Type => MqttPacketType.Unsubscribe;

        public ushort PacketId { get; }

        public IReadOnlyList<string> Filters { get; }
    }
}
