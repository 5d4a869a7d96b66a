namespace CommuneRadio.Core.Protocol
{
    /// <summary>A message for the transport to publish (docs/protocol.md §1 gives topic, QoS and retain).</summary>
    public sealed class OutgoingMessage
    {
        /// <summary>Creates a message.</summary>
        public OutgoingMessage(string topic, byte[] payload, int qos, bool retain)
        {
            Topic = topic;
            Payload = payload;
            Qos = qos;
            Retain = retain;
        }

        /// <summary>Topic.</summary>
        public string Topic;

        /// <summary>UTF-8 JSON payload.</summary>
        public byte[] Payload;

        /// <summary>0 or 1.</summary>
        public int Qos;

        /// <summary>Retain flag.</summary>
        public bool Retain;
    }
}
