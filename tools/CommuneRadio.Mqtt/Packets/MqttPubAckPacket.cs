namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>PUBACK: acknowledgement carrying only a packet identifier.</summary>
    internal sealed class MqttPubAckPacket : MqttPacket
    {
        public MqttPubAckPacket(ushort packetId)
        {
            PacketId = packetId;
        }

        public override MqttPacketType Type => MqttPacketType.PubAck;

        public ushort PacketId { get; }
    }
}
