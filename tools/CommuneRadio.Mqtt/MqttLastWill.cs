using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>
    /// The will message the broker publishes when the connection ends without DISCONNECT
    /// (killed station, network loss, keep-alive expiry). A clean DisconnectAsync discards it.
    /// </summary>
    public sealed class MqttLastWill
    {
        /// <summary>Creates a will message.</summary>
        /// <param name="topic">Topic the will is published to (no wildcards).</param>
        /// <param name="payload">Will payload.</param>
        /// <param name="qos">QoS of the will publication.</param>
        /// <param name="retain">Whether the broker retains the will.</param>
        public MqttLastWill(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false)
        {
            ArgumentNullException.ThrowIfNull(topic);
            Topic = topic;
            Payload = payload;
            QoS = qos;
            Retain = retain;
        }

        /// <summary>Will topic.</summary>
        public string Topic { get; }

        /// <summary>Will payload.</summary>
        public ReadOnlyMemory<byte> Payload { get; }

        /// <summary>Will QoS.</summary>
        public MqttQualityOfService QoS { get; }

        /// <summary>Will retain flag.</summary>
        public bool Retain { get; }
    }
}
