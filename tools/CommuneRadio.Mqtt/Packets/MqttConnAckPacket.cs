namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>CONNACK: the broker's answer to CONNECT.</summary>
    internal sealed class MqttConnAckPacket : MqttPacket
    {
        public MqttConnAckPacket(bool sessionPresent, MqttConnectReturnCode returnCode)
        {
            SessionPresent = sessionPresent;
            ReturnCode = returnCode;
        }

        public override MqttPacketType Type => MqttPacketType.ConnAck;

        public bool SessionPresent { get; }

        public MqttConnectReturnCode ReturnCode { get; }
    }
}
