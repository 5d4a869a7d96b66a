namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>UNSUBACK: acknowledgement carrying only a packet identifier.</summary>
    internal sealed class MqttUnsubAckPacket : MqttPacket
    {
        public MqttUnsubAckPacket(ushort packetId)
        {
            PacketId = packetId;
        }

        public override MqttPacketType Type => MqttPacketType.UnsubAck;

        public ushort PacketId { get; }
    }
}
