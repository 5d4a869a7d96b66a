using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>Event data for <see cref="IMqttClient.ConnectionStateChanged"/>.</summary>
    public sealed class MqttConnectionStateChangedEventArgs : EventArgs
    {
        /// <summary>Creates event data.</summary>
        public MqttConnectionStateChangedEventArgs(MqttConnectionState state, MqttDisconnectReason reason, bool sessionPresent, Exception? exception)
        {
            State = state;
            Reason = reason;
            SessionPresent = sessionPresent;
            Exception = exception;
        }

        /// <summary>The new state.</summary>
        public MqttConnectionState State { get; }

        /// <summary>Why the connection ended; <see cref="MqttDisconnectReason.None"/> when connected.</summary>
        public MqttDisconnectReason Reason { get; }

        /// <summary>On connect: whether the broker resumed a stored session (CONNACK session present).</summary>
        public bool SessionPresent { get; }

        /// <summary>The error that ended the connection, if any.</summary>
        public Exception? Exception { get; }
    }
}
