namespace CommuneRadio.Mqtt
{
    /// <summary>CONNACK return codes of MQTT 3.1.1 (section 3.2.2.3).</summary>
    public enum MqttConnectReturnCode : byte
    {
        /// <summary>0x00: connection accepted.</summary>
        Accepted = 0,

        /// <summary>0x01: the server does not support MQTT 3.1.1.</summary>
        UnacceptableProtocolVersion = 1,

        /// <summary>0x02: the client identifier is not allowed.</summary>
        IdentifierRejected = 2,

        /// <summary>0x03: the MQTT service is unavailable.</summary>
        ServerUnavailable = 3,

        /// <summary>0x04: the user name or password is malformed or wrong.</summary>
        BadUserNameOrPassword = 4,

        /// <summary>0x05: the client is not authorized to connect.</summary>
        NotAuthorized = 5,
    }
}
