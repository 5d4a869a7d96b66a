using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt.Tests.TestSupport
{
    /// <summary>
    /// A loopback TCP relay to a broker that can "freeze": it stops passing bytes but keeps both
    /// sockets open, which is what a dead network path looks like to a client. Only keep-alive can
    /// notice that.
    /// </summary>
    internal sealed class FreezableTcpProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly int _targetPort;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<Socket> _sockets = new List<Socket>();
        private volatile bool _frozen;

        public FreezableTcpProxy(int targetPort)
        {
            _targetPort = targetPort;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }

        public void Freeze() => _frozen = true;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_sockets)
            {
                foreach (Socket socket in _sockets)
                {
                    socket.Dispose();
                }
            }
        }

        private async Task AcceptLoopAsync()
        {
            try
            {
                while (true)
                {
                    Socket client = await _listener.AcceptSocketAsync(_stop.Token);
                    var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                    lock (_sockets)
                    {
                        _sockets.Add(client);
                        _sockets.Add(server);
                    }

                    _ = PumpAsync(client, server);
                    _ = PumpAsync(server, client);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Proxy disposed.
            }
        }

        private async Task PumpAsync(Socket from, Socket to)
        {
            byte[] buffer = new byte[4096];
            try
            {
                while (true)
                {
                    int read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        to.Shutdown(SocketShutdown.Send);
                        return;
                    }

                    if (_frozen)
                    {
                        // Swallow: the peer keeps its socket but hears nothing any more.
                        continue;
                    }

                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Connection or proxy closed.
            }
        }
    }
}
