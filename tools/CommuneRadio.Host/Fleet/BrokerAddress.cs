using System;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// A broker URL of the fleet file and the command line:
/// <code>
/// mqtt://127.0.0.1:1883   >> host 127.0.0.1, port 1883, plain
/// mqtts://localhost:8883  >> host localhost, port 8883, TLS
/// mqtt://127.0.0.1        >> port 1883 (mqtts: 8883)
/// </code>
/// </summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Tls">True for mqtts.</param>
public sealed record BrokerAddress(string Host, int Port, bool Tls)
{
    /// <summary>Parses a broker URL; false when it is not mqtt:// or mqtts:// with a host.</summary>
    public static bool TryParse(string? text, out BrokerAddress address)
    {
        address = new BrokerAddress("127.0.0.1", 1883, false);
        if (text is null || !Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        bool tls = uri.Scheme == "mqtts";
        if (!tls && uri.Scheme != "mqtt")
        {
            return false;
        }

        int port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port;
        address = new BrokerAddress(uri.Host, port, tls);
        return true;
    }

    /// <summary>Parses a broker URL; throws <see cref="FormatException"/>.</summary>
    public static BrokerAddress Parse(string text) =>
        TryParse(text, out BrokerAddress address) ? address : throw new FormatException($"'{text}' is not mqtt://host:port or mqtts://host:port");

    /// <inheritdoc/>
    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
