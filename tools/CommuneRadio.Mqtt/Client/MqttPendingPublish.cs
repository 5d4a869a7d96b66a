using System.Threading.Tasks;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>An outgoing QoS 1 PUBLISH waiting for its PUBACK.</summary>
    internal sealed class MqttPendingPublish
    {
        public MqttPendingPublish(ushort packetId, byte[] packet, long sequence)
        {
            PacketId = packetId;
            Packet = packet;
            Sequence = sequence;
        }

        public ushort PacketId { get; }

        /// <summary>The encoded packet; replaced by a DUP copy before the first resend.</summary>
        public byte[] Packet { get; private set; }

        /// <summary>Order of PublishAsync calls, kept on resend.</summary>
        public long Sequence { get; }

        /// <summary>Connection it was last written to, and when; null while waiting for a connection.</summary>
        public MqttConnection? SentOn { get; set; }

        public long SentAt { get; set; }

        public TaskCompletionSource Completion { get; } = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Sets the DUP flag (fixed header bit 3) on a copy so a write in progress is never altered.</summary>
        public void MarkDuplicate()
        {
            if ((Packet[0] & 0x08) == 0)
            {
                byte[] copy = (byte[])Packet.Clone();
                copy[0] |= 0x08;
                Packet = copy;
            }
        }
    }
}
