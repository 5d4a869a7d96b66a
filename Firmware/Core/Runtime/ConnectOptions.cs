namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// What a station asks of a connection, decided once by <see cref="StationRuntime"/> for the device and the simulator
    /// alike: client id = station id, a persistent session (<see cref="StationRuntime.CleanSession"/>), the keep-alive,
    /// and the last will = the endpoint's retained "offline" state at QoS 1. Where the broker is and how to log in
    /// (host, port, TLS, user, password) belong to the transport adapter's own configuration.
    /// </summary>
    public sealed class ConnectOptions
    {
        /// <summary>Creates the options.</summary>
        public ConnectOptions(string clientId, bool cleanSession, int keepAliveSeconds, string willTopic, byte[] willPayload)
        {
            ClientId = clientId;
            CleanSession = cleanSession;
            KeepAliveSeconds = keepAliveSeconds;
            WillTopic = willTopic;
            WillPayload = willPayload;
        }

        /// <summary>MQTT client identifier: the station id (a persistent session is found again by it).</summary>
        public string ClientId { get; }

        /// <summary>False: the broker keeps the session (subscriptions, QoS 1 commands) while the station is away.</summary>
        public bool CleanSession { get; }

        /// <summary>Keep-alive, seconds (PINGREQ when idle; the broker drops the station after 1.5 times this).</summary>
        public int KeepAliveSeconds { get; }

        /// <summary>Topic of the last will: the station's state topic.</summary>
        public string WillTopic { get; }

        /// <summary>Payload of the last will: the endpoint's <c>{"online":false}</c> state.</summary>
        public byte[] WillPayload { get; }

        /// <summary>The will is retained, so the state topic says offline until the station is back.</summary>
        public bool WillRetain
        {
            get { return true; }
        }

        /// <summary>QoS of the will (1).</summary>
        public int WillQos
        {
            get { return 1; }
        }
    }
}
