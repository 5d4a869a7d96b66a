namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>CONNECT: the first packet a client sends.</summary>
    internal sealed class MqttConnectPacket : MqttPacket
    {
        public MqttConnectPacket(string clientId, ushort keepAliveSeconds, bool cleanSession)
        {
            ClientId = clientId;
            KeepAliveSeconds = keepAliveSeconds;
            CleanSession = cleanSession;
        }

        public override MqttPacketType Type => MqttPacketType.Connect;

        public string ClientId { get; }

        public ushort KeepAliveSeconds { get; }

        public bool CleanSession { get; }

        public string? Username { get; init; }

        public string? Password { get; init; }

        public MqttLastWill? Will { get; init; }
    }
}
