using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>Base class of the errors raised by the MQTT client.</summary>
    public class MqttException : Exception
    {
        /// <summary>Creates an exception with no message.</summary>
        public MqttException()
        {
        }

        /// <summary>Creates an exception with a message.</summary>
        public MqttException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and the error that caused it.</summary>
        public MqttException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
