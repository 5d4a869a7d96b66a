using System.Threading.Tasks;
using CommuneRadio.Mqtt.Packets;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>A SUBSCRIBE or UNSUBSCRIBE waiting for its SUBACK or UNSUBACK on one connection.</summary>
    internal sealed class MqttPendingAck
    {
        public MqttPendingAck(MqttConnection connection, MqttPacketType expected)
        {
            Connection = connection;
            Expected = expected;
        }

        public MqttConnection Connection { get; }

        public MqttPacketType Expected { get; }

        public TaskCompletionSource<MqttPacket> Completion { get; } = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
