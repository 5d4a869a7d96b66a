using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// Translates <see cref="MqttClientOptions"/> into MQTTnet's options (MQTTnet 5.2,
    /// Source/MQTTnet/Options/MqttClientOptions.cs and MqttClientTcpOptions.cs of dotnet/MQTTnet).
    /// </summary>
    internal static class MqttNetOptions
    {
        public static MQTTnet.MqttClientOptions Create(CommuneRadio.Mqtt.MqttClientOptions options, string clientId)
        {
            var tcp = new MqttClientTcpOptions
            {
                RemoteEndpoint = IPAddress.TryParse(options.Host, out IPAddress? address)
                    ? new IPEndPoint(address, options.Port)
                    : new DnsEndPoint(options.Host, options.Port),
                NoDelay = true,

                // MQTTnet's default (linger on, 0 s) closes with a reset, which can discard a DISCONNECT the
                // broker has not read yet, and the broker would then publish the will. Linger off = normal FIN.
                LingerState = new LingerOption(false, 0),

                // 8 KiB socket buffers per direction (MQTTnet's default) are plenty for our payloads.
                BufferSize = 8192,
            };

            if (options.Tls.Enabled)
            {
                MqttTlsOptions tls = options.Tls;
                tcp.TlsOptions = new MqttClientTlsOptions
                {
                    UseTls = true,
                    TargetHost = tls.TargetHost ?? options.Host,
                    SslProtocol = tls.EnabledProtocols,
                    // Loopback and commune brokers have no revocation service; the pinned CA decides.
                    RevocationMode = X509RevocationMode.NoCheck,
                    CertificateValidationHandler = e => MqttServerCertificateValidator.Validate(tls, e.Certificate, e.Chain, e.SslPolicyErrors),
                    ClientCertificatesProvider = tls.ClientCertificate is null
                        ? null
                        : new DefaultMqttCertificatesProvider(new X509Certificate2Collection(tls.ClientCertificate)),
                };
            }

            var result = new MQTTnet.MqttClientOptions
            {
                ChannelOptions = tcp,

                // The device speaks 3.1.1 (nanoFramework's M2Mqtt) and so does every broker config here.
                ProtocolVersion = MqttProtocolVersion.V311,
                ClientId = clientId,
                CleanSession = options.CleanSession,
                KeepAlivePeriod = options.KeepAlive,

                // With fragmentation MQTTnet writes a PUBLISH's header and payload in two socket writes (two
                // syscalls, two TCP segments with NoDelay); joined it is one write and one broker wake-up.
                AllowPacketFragmentation = false,

                // Used by MQTTnet for DISCONNECT and calls whose token cannot be cancelled; the adapter
                // passes its own tokens (ConnectTimeout, AckTimeout, PublishRetryInterval).
                Timeout = options.AckTimeout,
            };

            if (options.Username is not null)
            {
                result.Credentials = new MqttClientCredentials(options.Username, options.Password is null ? null : System.Text.Encoding.UTF8.GetBytes(options.Password));
            }

            if (options.Will is { } will)
            {
                result.WillTopic = will.Topic;
                result.WillPayload = will.Payload.ToArray();
                result.WillQualityOfServiceLevel = ToMqttNet(will.QoS);
                result.WillRetain = will.Retain;
            }

            return result;
        }

        public static MqttQualityOfServiceLevel ToMqttNet(MqttQualityOfService qos) => qos == MqttQualityOfService.AtLeastOnce
            ? MqttQualityOfServiceLevel.AtLeastOnce
            : MqttQualityOfServiceLevel.AtMostOnce;

        public static MqttQualityOfService FromMqttNet(MqttQualityOfServiceLevel qos) => qos == MqttQualityOfServiceLevel.AtMostOnce
            ? MqttQualityOfService.AtMostOnce
            : MqttQualityOfService.AtLeastOnce;

        public static MqttConnectReturnCode ToReturnCode(MqttClientConnectResultCode code) => code switch
        {
            MqttClientConnectResultCode.UnsupportedProtocolVersion => MqttConnectReturnCode.UnacceptableProtocolVersion,
            MqttClientConnectResultCode.ClientIdentifierNotValid => MqttConnectReturnCode.IdentifierRejected,
            MqttClientConnectResultCode.BadUserNameOrPassword => MqttConnectReturnCode.BadUserNameOrPassword,
            MqttClientConnectResultCode.NotAuthorized => MqttConnectReturnCode.NotAuthorized,
            _ => MqttConnectReturnCode.ServerUnavailable,
        };
    }
}
