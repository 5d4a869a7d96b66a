namespace CommuneRadio.Device
{
    /// <summary>An MQTT message as it arrived, handed from the client's thread to the main loop.</summary>
    public sealed class ReceivedMessage
    {
        /// <summary>Creates a message.</summary>
        public ReceivedMessage(string topic, byte[] payload, bool retained)
        {
            Topic = topic;
            Payload = payload;
            Retained = retained;
        }

        /// <summary>Topic it arrived on.</summary>
        public readonly string Topic;

        /// <summary>Payload bytes; null when the transport dropped an oversized payload (the endpoint refuses it as too-large).</summary>
        public readonly byte[] Payload;

        /// <summary>Delivered with the retain flag (never a command: the endpoint refuses it).</summary>
        public readonly bool Retained;
    }
}
