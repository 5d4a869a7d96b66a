using System;
using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet.Exceptions;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// Maps MQTTnet's exceptions onto the contract of <see cref="IMqttClient"/>: callers catch
    /// <see cref="MqttException"/>, <see cref="SocketException"/>, <see cref="AuthenticationException"/> and
    /// <see cref="TimeoutException"/>, never a library type.
    /// </summary>
    internal static class MqttNetErrors
    {
        /// <summary>True for failures that mean "the connection is not (or no longer) there".</summary>
        public static bool IsConnectionFailure(Exception ex) => ex is MqttCommunicationException or ObjectDisposedException or System.IO.IOException or SocketException;

        /// <summary>
        /// The error a failed connect attempt is reported as: the socket or TLS error underneath
        /// MQTTnet's MqttConnectingFailedException/MqttCommunicationException wrappers, otherwise a
        /// <see cref="MqttNotConnectedException"/> naming the broker.
        /// </summary>
        public static Exception ForConnect(Exception ex, string endpoint)
        {
            for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
            {
                if (inner is SocketException or AuthenticationException or MqttException)
                {
                    return inner;
                }
            }

            return new MqttNotConnectedException($"No MQTT connection to {endpoint}: {ex.Message}", ex);
        }

        /// <summary>Why MQTTnet's connection ended, in the contract's terms.</summary>
        public static MqttDisconnectReason ReasonFor(Exception? ex) => ex switch
        {
            // The keep-alive loop of MQTTnet's MqttClient ends with these when PINGRESP does not come.
            MqttCommunicationTimedOutException or OperationCanceledException => MqttDisconnectReason.KeepAliveTimeout,
            MqttProtocolViolationException => MqttDisconnectReason.ProtocolError,
            _ => MqttDisconnectReason.ConnectionLost,
        };
    }
}
