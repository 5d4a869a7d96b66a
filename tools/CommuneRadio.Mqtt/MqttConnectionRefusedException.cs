using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>The broker answered CONNECT with a CONNACK whose return code is not Accepted.</summary>
    public sealed class MqttConnectionRefusedException : MqttException
    {
        /// <summary>Creates an exception with no return code (reported as ServerUnavailable).</summary>
        public MqttConnectionRefusedException()
            : this(MqttConnectReturnCode.ServerUnavailable)
        {
        }

        /// <summary>Creates an exception for a refusal return code.</summary>
        public MqttConnectionRefusedException(MqttConnectReturnCode returnCode)
            : base($"The broker refused the connection: {returnCode} (0x{(byte)returnCode:X2}).")
        {
            ReturnCode = returnCode;
        }

        /// <summary>Creates an exception with a message.</summary>
        public MqttConnectionRefusedException(string message)
            : base(message)
        {
            ReturnCode = MqttConnectReturnCode.ServerUnavailable;
        }

        /// <summary>Creates an exception with a message and inner error.</summary>
        public MqttConnectionRefusedException(string message, Exception innerException)
            : base(message, innerException)
        {
            ReturnCode = MqttConnectReturnCode.ServerUnavailable;
        }

        /// <summary>The CONNACK return code.</summary>
        public MqttConnectReturnCode ReturnCode { get; }
    }
}
