namespace CommuneRadio.Mqtt
{
    /// <summary>Whether a client currently holds an accepted MQTT connection.</summary>
    public enum MqttConnectionState
    {
        /// <summary>No accepted connection (never connected, reconnecting, or stopped).</summary>
        Disconnected = 0,

        /// <summary>CONNACK accepted; packets can flow.</summary>
        Connected = 1,
    }
}
