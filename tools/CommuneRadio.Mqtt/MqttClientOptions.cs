using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>
    /// Everything a client needs to connect. Do not change an instance while a client uses it:
    /// reconnects read it again.
    /// </summary>
    public sealed class MqttClientOptions
    {
        /// <summary>Broker host name or IP address.</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>Broker TCP port (1883 plain, 8883 TLS by convention).</summary>
        public int Port { get; set; } = 1883;

        /// <summary>Client identifier; empty means a random identifier is generated once per client.</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>User name, or null to send none.</summary>
        public string? Username { get; set; }

        /// <summary>Password (requires <see cref="Username"/>), or null to send none.</summary>
        public string? Password { get; set; }

        /// <summary>Keep-alive interval; PINGREQ is sent when idle. Zero disables keep-alive. At most 65535 s.</summary>
        public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>True: start a fresh session. False: resume the broker-stored session (queued QoS 1 messages).</summary>
        public bool CleanSession { get; set; } = true;

        /// <summary>Will message, or null for none.</summary>
        public MqttLastWill? Will { get; set; }

        /// <summary>TLS settings; disabled by default.</summary>
        public MqttTlsOptions Tls { get; set; } = new MqttTlsOptions();

        /// <summary>Automatic reconnect settings; enabled by default.</summary>
        public MqttReconnectPolicy Reconnect { get; set; } = new MqttReconnectPolicy();

        /// <summary>Time allowed for TCP connect, TLS handshake and CONNACK together.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Time allowed for SUBACK/UNSUBACK before the call fails.</summary>
        public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Resend an unacknowledged QoS 1 PUBLISH (with DUP) after this long on the same connection;
        /// null resends only after a reconnect, as MQTT 3.1.1 requires at minimum.
        /// </summary>
        public TimeSpan? PublishRetryInterval { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>Clock and timers; replace in tests to drive time.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }
}
