using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt
{
    /// <summary>
    /// An MQTT 3.1.1 client as the host tools use it. Made by <see cref="MqttClientFactory.Create"/>
    /// (MQTTnet behind <c>CommuneRadio.Mqtt.Client.MqttNetMqttClient</c>); tests use in-memory fakes.
    /// </summary>
    public interface IMqttClient : IAsyncDisposable
    {
        /// <summary>
        /// Raised for every incoming PUBLISH, on the connection's receive loop. QoS 1 messages are
        /// PUBACKed after all handlers return (a process that dies inside a handler leaves the message
        /// unacknowledged, so the broker redelivers it). An exception thrown by a handler is caught
        /// so it cannot drop the connection or starve other handlers. Keep handlers short: the next
        /// packet of this connection is read after they return.
        /// </summary>
        event EventHandler<MqttMessageReceivedEventArgs>? MessageReceived;

        /// <summary>Raised when the connection is accepted and when it ends (with the reason).</summary>
        event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

        /// <summary>True while an accepted connection is open.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Connects once (TCP or TLS, CONNECT, CONNACK). Throws <see cref="MqttConnectionRefusedException"/>
        /// on a refusing CONNACK, <see cref="TimeoutException"/> past ConnectTimeout, and socket or
        /// authentication exceptions for network or TLS failures. Once connected, lost connections are
        /// re-established by the reconnect policy until DisconnectAsync or AbortAsync.
        /// </summary>
        Task<MqttConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default);

        /// <summary>
        /// Publishes a message. QoS 0 completes when written; QoS 1 completes on PUBACK. While the
        /// client is reconnecting, QoS 1 messages wait in flight and QoS 0 throws
        /// <see cref="MqttNotConnectedException"/>.
        /// </summary>
        Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default);

        /// <summary>
        /// Subscribes and returns the SUBACK code of each filter, in order (granted QoS or
        /// <see cref="MqttSubscribeReturnCode.Failure"/>). Accepted filters are resubscribed after a
        /// reconnect whose session is not present.
        /// </summary>
        Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeAsync(IReadOnlyList<MqttTopicSubscription> subscriptions, CancellationToken cancellationToken = default);

        /// <summary>Unsubscribes and waits for UNSUBACK.</summary>
        Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default);

        /// <summary>Sends DISCONNECT (so the broker discards the will), closes and stops reconnecting.</summary>
        Task DisconnectAsync(CancellationToken cancellationToken = default);

        /// <summary>
        /// Closes the socket without DISCONNECT, as a killed station would: the broker publishes the
        /// will. Stops reconnecting.
        /// </summary>
        Task AbortAsync();
    }
}
