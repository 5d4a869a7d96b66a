using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt.Tests.TestSupport
{
    /// <summary>
    /// A one-connection fake broker on 127.0.0.1 driven byte by byte by the test, for answers a
    /// real Mosquitto will not give (SUBACK 0x80, malformed packets, withheld acknowledgements).
    /// </summary>
    internal sealed class ScriptedBroker : IAsyncDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private Socket? _peer;
        private NetworkStream? _stream;

        public ScriptedBroker()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        }

        public int Port { get; }

        public MqttClientOptions ClientOptions(string clientId) => new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = Port,
            ClientId = clientId,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AckTimeout = TimeSpan.FromSeconds(5),
            Reconnect = new MqttReconnectPolicy { Enabled = false },
        };

        /// <summary>Accepts the client, reads its CONNECT and answers CONNACK with the given bytes.</summary>
        public async Task AcceptAsync(string connAckHex = "20020000")
        {
            _peer = await _listener.AcceptSocketAsync().WaitAsync(Timeout);
            _stream = new NetworkStream(_peer, ownsSocket: true);
            (byte first, _) = await ReadPacketAsync();
            if (first != 0x10)
            {
                throw new InvalidOperationException($"Expected CONNECT, got 0x{first:X2}.");
            }

            await SendAsync(connAckHex);
        }

        /// <summary>Reads one packet from the client: first byte and body.</summary>
        public async Task<(byte First, byte[] Body)> ReadPacketAsync()
        {
            using var timeout = new CancellationTokenSource(Timeout);
            byte[] one = new byte[1];
            await _stream!.ReadExactlyAsync(one, timeout.Token);
            byte first = one[0];
            int length = 0;
            int multiplier = 1;
            do
            {
                await _stream.ReadExactlyAsync(one, timeout.Token);
                length += (one[0] & 0x7F) * multiplier;
                multiplier *= 128;
            }
            while ((one[0] & 0x80) != 0);

            byte[] body = new byte[length];
            await _stream.ReadExactlyAsync(body, timeout.Token);
            return (first, body);
        }

        public async Task SendAsync(string hex)
        {
            await _stream!.WriteAsync(Hex.Parse(hex));
        }

        /// <summary>True when the client closed the connection (read returns end of stream).</summary>
        public async Task<bool> WaitForCloseAsync()
        {
            using var timeout = new CancellationTokenSource(Timeout);
            byte[] buffer = new byte[256];
            try
            {
                while (await _stream!.ReadAsync(buffer, timeout.Token) > 0)
                {
                }

                return true;
            }
            catch (System.IO.IOException)
            {
                return true;
            }
        }

        public ValueTask DisposeAsync()
        {
            _stream?.Dispose();
            _listener.Stop();
            return ValueTask.CompletedTask;
        }
    }
}
