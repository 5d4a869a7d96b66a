using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Server;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// An MQTT broker inside radioctl (MQTTnet.Server 5.2, MIT), on 127.0.0.1 only, anonymous, no persistence:
/// what <c>radioctl demo</c> and <c>simulate</c> run on by default, so a fresh machine needs nothing installed.
/// Retained messages, wills, QoS 0/1 and persistent sessions (for the process's lifetime) behave as in Mosquitto
/// for what the stations use. API as in MQTTnet's Source/MQTTnet.Server (MqttServerFactory, MqttServerOptionsBuilder).
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private const int BindAttempts = 5;
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    /// <summary>Always 127.0.0.1.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The listening port.</summary>
    public int Port { get; }

    /// <summary>
    /// Starts listening on <paramref name="port"/>, or on a free port when null. Throws <see cref="SocketException"/>
    /// (AddressAlreadyInUse) when a given port is taken.
    /// </summary>
    public static async Task<EmbeddedBroker> StartAsync(int? port, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int chosen = port ?? FreePort();
            MqttServerOptions options = new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                .WithDefaultEndpointPort(chosen)
                .WithPersistentSessions()
                .Build();
            MqttServer server = new MqttServerFactory().CreateMqttServer(options);
            try
            {
                await server.StartAsync().ConfigureAwait(false);
                return new EmbeddedBroker(server, chosen);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse && port is null && attempt < BindAttempts)
            {
                // The free port was taken between the probe and the bind: take another.
                server.Dispose();
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>Stops the broker: clients see their connection close.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
        }
        finally
        {
            _server.Dispose();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
