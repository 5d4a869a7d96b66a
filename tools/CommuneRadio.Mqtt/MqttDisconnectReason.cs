namespace CommuneRadio.Mqtt
{
    /// <summary>Why a connection ended; reported with <see cref="MqttConnectionState.Disconnected"/>.</summary>
    public enum MqttDisconnectReason
    {
        /// <summary>Not disconnected (used with <see cref="MqttConnectionState.Connected"/>).</summary>
        None = 0,

        /// <summary>The application called DisconnectAsync: DISCONNECT was sent, the will is discarded.</summary>
        ClientDisconnected = 1,

        /// <summary>The application called AbortAsync: socket closed without DISCONNECT, the will fires.</summary>
        ClientAborted = 2,

        /// <summary>The socket closed or failed (broker stopped, network error).</summary>
        ConnectionLost = 3,

        /// <summary>No PINGRESP arrived in time: the connection is considered dead and closed.</summary>
        KeepAliveTimeout = 4,

        /// <summary>The broker sent a malformed or unexpected packet.</summary>
        ProtocolError = 5,
    }
}
