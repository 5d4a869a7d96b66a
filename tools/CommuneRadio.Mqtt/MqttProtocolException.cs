using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>A packet violated MQTT 3.1.1 (malformed length, reserved flags, unexpected type).</summary>
    public sealed class MqttProtocolException : MqttException
    {
        /// <summary>Creates an exception with no message.</summary>
        public MqttProtocolException()
        {
        }

        /// <summary>Creates an exception describing the violation.</summary>
        public MqttProtocolException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and inner error.</summary>
        public MqttProtocolException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
