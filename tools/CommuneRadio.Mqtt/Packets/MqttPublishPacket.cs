using System;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>PUBLISH: an application message in either direction.</summary>
    internal sealed class MqttPublishPacket : MqttPacket
    {
        public MqttPublishPacket(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos, bool retain, bool dup, ushort packetId)
        {
            Topic = topic;
            Payload = payload;
            QoS = qos;
            Retain = retain;
            Dup = dup;
            PacketId = packetId;
        }

        public override MqttPacketType Type => MqttPacketType.Publish;

        public string Topic { get; }

        public ReadOnlyMemory<byte> Payload { get; }

        public MqttQualityOfService QoS { get; }

        public bool Retain { get; }

        public bool Dup { get; }

        /// <summary>Packet identifier; 0 (absent) for QoS 0.</summary>
        public ushort PacketId { get; }
    }
}
