using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>Event data for <see cref="IMqttClient.MessageReceived"/>.</summary>
    public sealed class MqttMessageReceivedEventArgs : EventArgs
    {
        /// <summary>Creates event data for one received message.</summary>
        public MqttMessageReceivedEventArgs(MqttReceivedMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            Message = message;
        }

        /// <summary>The received message.</summary>
        public MqttReceivedMessage Message { get; }
    }
}
