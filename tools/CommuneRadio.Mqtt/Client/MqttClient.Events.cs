using System;
using System.Linq;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>Event raising of <see cref="MqttClient"/>: handler errors never reach the client.</summary>
    public sealed partial class MqttClient
    {
        private void RaiseMessageReceived(MqttReceivedMessage message)
        {
            EventHandler<MqttMessageReceivedEventArgs>? handlers = MessageReceived;
            if (handlers is null)
            {
                return;
            }

            var args = new MqttMessageReceivedEventArgs(message);
            foreach (EventHandler<MqttMessageReceivedEventArgs> handler in handlers.GetInvocationList().Cast<EventHandler<MqttMessageReceivedEventArgs>>())
            {
                InvokeHandler(() => handler(this, args));
            }
        }

        private void RaiseStateChanged(MqttConnectionState state, MqttDisconnectReason reason, Exception? error, bool sessionPresent = false)
        {
            EventHandler<MqttConnectionStateChangedEventArgs>? handlers = ConnectionStateChanged;
            if (handlers is null)
            {
                return;
            }

            var args = new MqttConnectionStateChangedEventArgs(state, reason, sessionPresent, error);
            foreach (EventHandler<MqttConnectionStateChangedEventArgs> handler in handlers.GetInvocationList().Cast<EventHandler<MqttConnectionStateChangedEventArgs>>())
            {
                InvokeHandler(() => handler(this, args));
            }
        }

        // A throwing application handler must not tear down the connection or skip other handlers.
        private static void InvokeHandler(Action invoke)
        {
#pragma warning disable CA1031 // Handler errors belong to the application; the client keeps running.
            try
            {
                invoke();
            }
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }
    }
}
