using System;
using System.Text;

namespace CommuneRadio.Mqtt
{
    /// <summary>An application message delivered by the broker (an incoming PUBLISH).</summary>
    public sealed class MqttReceivedMessage
    {
        /// <summary>Creates a received message; the payload array is owned by the message.</summary>
        public MqttReceivedMessage(string topic, byte[] payload, MqttQualityOfService qos, bool retain, bool dup)
        {
            ArgumentNullException.ThrowIfNull(topic);
            ArgumentNullException.ThrowIfNull(payload);
            Topic = topic;
            Payload = payload;
            QoS = qos;
            Retain = retain;
            Dup = dup;
        }

        /// <summary>Topic name the message was published to.</summary>
        public string Topic { get; }

        /// <summary>Payload bytes (a private copy: safe to keep after the handler returns).</summary>
        public byte[] Payload { get; }

        /// <summary>QoS the broker delivered with (the minimum of publish and subscription QoS).</summary>
        public MqttQualityOfService QoS { get; }

        /// <summary>True when the broker delivered a retained message on subscription.</summary>
        public bool Retain { get; }

        /// <summary>True when the broker says this may be a redelivery of an earlier attempt.</summary>
        public bool Dup { get; }

        /// <summary>Decodes the payload as UTF-8 text.</summary>
        public string GetPayloadText() => Encoding.UTF8.GetString(Payload);
    }
}
