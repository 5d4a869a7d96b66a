using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Cli.Tests.TestSupport;

/// <summary>
/// A network cable between a provincial broker's bridge and the national broker, for fault tests: a loopback TCP
/// forwarder on its own port that passes bytes both ways untouched (TLS goes through as it is). <see cref="Cut"/>
/// closes every connection through it and refuses new ones, as a lost uplink does; <see cref="Restore"/> listens
/// again on the same port.
/// </summary>
internal sealed class TcpLink : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    public TcpLink(int targetPort)
    {
        _target = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    /// <summary>The port to connect to instead of the target's.</summary>
    public int Port { get; }

    /// <summary>Connections accepted since it was made.</summary>
    public int Accepted { get; private set; }

    /// <summary>Closes every connection and stops listening.</summary>
    public void Cut()
    {
        _running?.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (TcpClient c in _open)
            {
                // A reset, not a graceful close: the bridge sees its link fail, as when a cable or route goes.
                c.Client?.LingerState = new LingerOption(true, 0);
                c.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Listens again (on the same port).</summary>
    public void Restore()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _running = new CancellationTokenSource();
        _ = AcceptAsync(listener, _running.Token);
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _target, ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            Accepted++;
            _ = PumpAsync(inbound, outbound, ct);
            _ = PumpAsync(outbound, inbound, ct);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        byte[] buffer = new byte[16384];
        try
        {
            NetworkStream source = from.GetStream();
            NetworkStream sink = to.GetStream();
            int n;
            while ((n = await source.ReadAsync(buffer, ct)) > 0)
            {
                await sink.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The link was cut or one side closed.
        }

        from.Dispose();
        to.Dispose();
    }
}
