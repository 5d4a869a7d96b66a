namespace CommuneRadio.Core.Runtime
{
    /// <summary>How a connection attempt of an <see cref="ITransport"/> ended.</summary>
    public enum ConnectOutcome
    {
        /// <summary>No attempt finished since the outcome was last taken.</summary>
        None = 0,

        /// <summary>The broker accepted the connection (CONNACK success).</summary>
        Connected = 1,

        /// <summary>The network, the TLS handshake or the broker refused or timed out.</summary>
        Failed = 2,
    }
}
