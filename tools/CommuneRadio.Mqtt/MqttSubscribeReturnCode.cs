namespace CommuneRadio.Mqtt
{
    /// <summary>Per-filter SUBACK return codes of MQTT 3.1.1 (section 3.9.3).</summary>
    public enum MqttSubscribeReturnCode : byte
    {
        /// <summary>0x00: subscribed, maximum QoS 0 granted.</summary>
        GrantedQos0 = 0x00,

        /// <summary>0x01: subscribed, maximum QoS 1 granted.</summary>
        GrantedQos1 = 0x01,

        /// <summary>0x02: subscribed, maximum QoS 2 granted (never requested by this client).</summary>
        GrantedQos2 = 0x02,

        /// <summary>0x80: the server refused the subscription (for example an ACL denial).</summary>
        Failure = 0x80,
    }
}
