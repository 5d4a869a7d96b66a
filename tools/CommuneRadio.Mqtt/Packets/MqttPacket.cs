namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>One decoded or to-be-encoded MQTT control packet.</summary>
    internal abstract class MqttPacket
    {
        public abstract MqttPacketType Type { get; }
    }
}
