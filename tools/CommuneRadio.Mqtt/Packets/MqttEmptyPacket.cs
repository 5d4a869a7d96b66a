namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>PINGREQ, PINGRESP and DISCONNECT: a fixed header with no body.</summary>
    internal sealed class MqttEmptyPacket : MqttPacket
    {
        public static readonly MqttEmptyPacket PingReq = new MqttEmptyPacket(MqttPacketType.PingReq);

        public static readonly MqttEmptyPacket PingResp = new MqttEmptyPacket(MqttPacketType.PingResp);

        public static readonly MqttEmptyPacket Disconnect = new MqttEmptyPacket(MqttPacketType.Disconnect);

        private MqttEmptyPacket(MqttPacketType type)
        {
            Type = type;
        }

        public override MqttPacketType Type { get; }
    }
}
