using System;
using System.Collections.Generic;

namespace CommuneRadio.Mosquitto
{
    /// <summary>How <see cref="MosquittoBroker"/> configures its private Mosquitto instance.</summary>
    public sealed class MosquittoBrokerOptions
    {
        /// <summary>Accept clients without user name (mosquitto <c>allow_anonymous</c>).</summary>
        public bool AllowAnonymous { get; set; } = true;

        /// <summary>Add a TLS listener on a second free port, with a generated CA and server certificate.</summary>
        public bool EnableTls { get; set; }

        /// <summary>
        /// The CA that signs the server certificate (with <see cref="EnableTls"/>); null makes a new one-day CA per
        /// start. The broker takes it over and disposes it. A development broker that must stay trusted across
        /// restarts passes the one it saved.
        /// </summary>
        public TestCertificateAuthority? CertificateAuthority { get; set; }

        /// <summary>On the TLS listener, require a client certificate issued by the generated CA.</summary>
        public bool RequireClientCertificate { get; set; }

        /// <summary>User name → password; when non-empty a password file is made with mosquitto_passwd.</summary>
        public IDictionary<string, string> Users { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Content of an ACL file (mosquitto <c>acl_file</c> syntax), or null for none.</summary>
        public string? AclFileContent { get; set; }

        /// <summary>
        /// An existing Mosquitto password file (<c>$7$</c> hashes, e.g. a provisioning directory's
        /// <c>mosquitto/passwords</c>) used as is, in place of <see cref="Users"/>; null for none.
        /// </summary>
        public string? PasswordFile { get; set; }

        /// <summary>
        /// Largest MQTT packet (fixed header, topic and payload) the broker accepts from any client, bytes (mosquitto
        /// <c>max_packet_size</c>: a client sending a larger packet is disconnected and the packet is not forwarded);
        /// null = Mosquitto's default, no limit.
        /// </summary>
        public int? MaxPacketSize { get; set; }

        /// <summary>
        /// Keep sessions, subscriptions and queued QoS 1 messages across a restart (mosquitto <c>persistence true</c>,
        /// <c>persistence_location</c> = the working directory, saved every <c>autosave_interval 30</c> s and on a clean
        /// exit; a killed broker loses what changed since the last save). Default false: tests start from nothing.
        /// </summary>
        public bool Persistence { get; set; }

        /// <summary>Extra lines appended to the generated mosquitto.conf (it is written owner-only: it may hold a bridge password).</summary>
        public string? ExtraConfiguration { get; set; }

        /// <summary>How long to wait for the listeners to accept connections.</summary>
        public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Plain MQTT port on 127.0.0.1; null picks a free port (tests). A fixed port is tried once per start attempt.</summary>
        public int? Port { get; set; }

        /// <summary>TLS port on 127.0.0.1 (with <see cref="EnableTls"/>); null picks a free port.</summary>
        public int? TlsPort { get; set; }

        /// <summary>Open the plain listener (default). False with <see cref="EnableTls"/> gives a TLS-only broker.</summary>
        public bool EnablePlainListener { get; set; } = true;

        /// <summary>
        /// Directory for mosquitto.conf, certificates, password file and log; created if missing and kept on
        /// Dispose. Null = a new temporary directory, deleted on Dispose (tests).
        /// </summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>Path of the mosquitto executable; null searches PATH, then /usr/sbin and /usr/local/sbin.</summary>
        public string? ExecutablePath { get; set; }
    }
}
