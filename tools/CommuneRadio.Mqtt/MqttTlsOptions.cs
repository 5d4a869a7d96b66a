using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace CommuneRadio.Mqtt
{
    /// <summary>
    /// TLS settings. With <see cref="CaCertificate"/> set, the server chain must end at exactly that
    /// CA (the operating system trust store is ignored), which is how stations and tools pin the
    /// commune's own broker CA.
    /// </summary>
    public sealed class MqttTlsOptions
    {
        /// <summary>Wrap the TCP connection in TLS.</summary>
        public bool Enabled { get; set; }

        /// <summary>CA that must have issued the server certificate; null trusts the system store.</summary>
        public X509Certificate2? CaCertificate { get; set; }

        /// <summary>Client certificate (with private key) for brokers that require one; null for none.</summary>
        public X509Certificate2? ClientCertificate { get; set; }

        /// <summary>Name checked against the server certificate (SNI too); null uses the options' Host.</summary>
        public string? TargetHost { get; set; }

        /// <summary>
        /// Accept a certificate whose name does not match <see cref="TargetHost"/> (chain is still
        /// validated). For test benches reaching a broker by an address its certificate does not list.
        /// </summary>
        public bool AllowHostnameMismatch { get; set; }

        /// <summary>Allowed TLS versions; <see cref="SslProtocols.None"/> lets the OS choose.</summary>
        public SslProtocols EnabledProtocols { get; set; } = SslProtocols.None;
    }
}
