using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>The operation needs a connection that is not (or no longer) there.</summary>
    public sealed class MqttNotConnectedException : MqttException
    {
        /// <summary>Creates an exception with a default message.</summary>
        public MqttNotConnectedException()
            : base("The MQTT client is not connected.")
        {
        }

        /// <summary>Creates an exception with a message.</summary>
        public MqttNotConnectedException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and inner error.</summary>
        public MqttNotConnectedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
