using System.Collections.Generic;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>SUBACK: one return code per filter of the matching SUBSCRIBE.</summary>
    internal sealed class MqttSubAckPacket : MqttPacket
    {
        public MqttSubAckPacket(ushort packetId, IReadOnlyList<MqttSubscribeReturnCode> returnCodes)
        {
            PacketId = packetId;
            ReturnCodes = returnCodes;
        }

        public override MqttPacketType Type => MqttPacketType.SubAck;

        public ushort PacketId { get; }

        public IReadOnlyList<MqttSubscribeReturnCode> ReturnCodes { get; }
    }
}
