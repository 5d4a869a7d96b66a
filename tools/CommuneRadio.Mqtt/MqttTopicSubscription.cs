using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>One topic filter and the maximum QoS requested for it in a SUBSCRIBE.</summary>
    public sealed class MqttTopicSubscription
    {
        /// <summary>Creates a subscription request.</summary>
        /// <param name="filter">Topic filter, may contain <c>+</c> and <c>#</c> (e.g. <c>sensor/+/temp</c>).</param>
        /// <param name="qos">Maximum QoS the broker should deliver with.</param>
        public MqttTopicSubscription(string filter, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce)
        {
            ArgumentNullException.ThrowIfNull(filter);
            Filter = filter;
            QoS = qos;
        }

        /// <summary>The topic filter.</summary>
        public string Filter { get; }

        /// <summary>The requested maximum QoS.</summary>
        public MqttQualityOfService QoS { get; }
    }
}
