namespace CommuneRadio.Mqtt
{
    /// <summary>
    /// MQTT delivery guarantee. The host client speaks QoS 0 and 1 only; QoS 2 is not needed by any
    /// CommuneRadio tool and is refused when encountered.
    /// </summary>
    public enum MqttQualityOfService
    {
        /// <summary>QoS 0: fire and forget, no acknowledgement.</summary>
        AtMostOnce = 0,

        /// <summary>QoS 1: acknowledged by PUBACK, resent with DUP until acknowledged.</summary>
        AtLeastOnce = 1,
    }
}
