using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Packets;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// One TCP or TLS connection: serialized writes (optionally batched into one write), the packet
    /// reader, and the timestamps the keep-alive loop needs. It holds no thread: reads and writes are async socket operations.
    /// </summary>
    internal sealed class MqttConnection : IDisposable
    {
        private readonly Socket _socket;
        private readonly Stream _stream;
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private readonly CancellationTokenSource _closing = new CancellationTokenSource();
        private readonly TimeProvider _time;
        private readonly List<ReadOnlyMemory<byte>> _batch = new List<ReadOnlyMemory<byte>>();
        private bool _batching;
        private int _closed;
        private long _lastSent;
        private long _pingSentAt;
        private int _pingOutstanding;

        private MqttConnection(Socket socket, Stream stream, int maxPacketSize, TimeProvider time)
        {
            _socket = socket;
            _stream = stream;
            _time = time;
            _lastSent = time.GetTimestamp();
            Reader = new MqttPacketReader(stream, maxPacketSize);
        }

        public MqttPacketReader Reader { get; }

        /// <summary>Cancelled when the connection closes for any reason.</summary>
        public CancellationToken Closing => _closing.Token;

        /// <summary>Why the connection was closed by this side; ConnectionLost when the peer closed it.</summary>
        public MqttDisconnectReason CloseReason { get; private set; } = MqttDisconnectReason.ConnectionLost;

        /// <summary>The receive loop of this connection, once started.</summary>
        public Task ReceiveLoop { get; set; } = Task.CompletedTask;

        public long LastSentTimestamp => Interlocked.Read(ref _lastSent);

        public bool PingOutstanding => Volatile.Read(ref _pingOutstanding) != 0;

        public long PingSentTimestamp => Interlocked.Read(ref _pingSentAt);

        /// <summary>Opens TCP (and TLS when enabled). Throws on network or certificate failure.</summary>
        public static async Task<MqttConnection> OpenAsync(MqttClientOptions options, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            Stream? stream = null;
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
                stream = new NetworkStream(socket, ownsSocket: false);
                if (options.Tls.Enabled)
                {
                    MqttTlsOptions tls = options.Tls;
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    stream = ssl;
                    var authentication = new SslClientAuthenticationOptions
                    {
                        TargetHost = tls.TargetHost ?? options.Host,
                        EnabledSslProtocols = tls.EnabledProtocols,
                        RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                            MqttServerCertificateValidator.Validate(tls, certificate, chain, errors),
                    };
                    if (tls.ClientCertificate is not null)
                    {
                        authentication.ClientCertificates = new X509CertificateCollection { tls.ClientCertificate };
                    }

                    await ssl.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
                }

                return new MqttConnection(socket, stream, options.MaxIncomingPacketSize, options.TimeProvider);
            }
            catch
            {
                stream?.Dispose();
                socket.Dispose();
                throw;
            }
        }

        /// <summary>
        /// From now on packets are collected instead of written, until <see cref="EndBatchAsync"/> writes them all
        /// at once. The receive loop opens a batch around the handlers of an incoming PUBLISH: what they publish
        /// in answer and the PUBACK then leave in one write (one system call, one wake-up of the broker) instead
        /// of one each. Packets sent from other threads meanwhile join the batch, so the order of sends is kept.
        /// </summary>
        public void BeginBatch()
        {
            lock (_batch)
            {
                _batching = true;
            }
        }

        /// <summary>Writes what was collected since <see cref="BeginBatch"/> and ends the batch.</summary>
        public Task EndBatchAsync() => WriteAsync(ReadOnlyMemory<byte>.Empty, true, CancellationToken.None);

        /// <summary>
        /// Writes one encoded packet, or adds it to the open batch (then the task is already complete and a
        /// failure shows when the batch is written, closing the connection). <paramref name="immediate"/> writes
        /// it now, after anything batched: for DISCONNECT, which must be on the wire before the socket shuts.
        /// The caller's token can only cancel the wait for the write lock: a packet half written would corrupt
        /// the stream for every later packet.
        /// </summary>
        public Task SendAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken, bool immediate = false)
        {
            if (!immediate)
            {
                lock (_batch)
                {
                    if (_batching)
                    {
                        if (Volatile.Read(ref _closed) != 0)
                        {
                            throw new MqttNotConnectedException("The connection is closed.");
                        }

                        _batch.Add(packet);
                        return Task.CompletedTask;
                    }
                }
            }

            return WriteAsync(packet, false, cancellationToken);
        }

        // Under the write lock: anything batched first (it was sent earlier), then the packet, in one write.
        private async Task WriteAsync(ReadOnlyMemory<byte> packet, bool endBatch, CancellationToken cancellationToken)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ReadOnlyMemory<byte> data = packet;
                lock (_batch)
                {
                    _batching &= !endBatch;
                    if (_batch.Count > 0)
                    {
                        data = Concatenate(_batch, packet);
                        _batch.Clear();
                    }
                }

                if (data.IsEmpty)
                {
                    return;
                }

                await _stream.WriteAsync(data, _closing.Token).ConfigureAwait(false);
                await _stream.FlushAsync(_closing.Token).ConfigureAwait(false);
                Interlocked.Exchange(ref _lastSent, _time.GetTimestamp());
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
            {
                Close(MqttDisconnectReason.ConnectionLost);
                throw new MqttNotConnectedException("The connection closed while sending.", ex);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private static ReadOnlyMemory<byte> Concatenate(List<ReadOnlyMemory<byte>> packets, ReadOnlyMemory<byte> last)
        {
            if (packets.Count == 1 && last.IsEmpty)
            {
                return packets[0];
            }

            int length = last.Length;
            foreach (ReadOnlyMemory<byte> p in packets)
            {
                length += p.Length;
            }

            byte[] all = new byte[length];
            int at = 0;
            foreach (ReadOnlyMemory<byte> p in packets)
            {
                p.Span.CopyTo(all.AsSpan(at));
                at += p.Length;
            }

            last.Span.CopyTo(all.AsSpan(at));
            return all;
        }

        public void MarkPingSent(long timestamp)
        {
            Interlocked.Exchange(ref _pingSentAt, timestamp);
            Volatile.Write(ref _pingOutstanding, 1);
        }

        public void MarkPingResponse() => Volatile.Write(ref _pingOutstanding, 0);

        /// <summary>
        /// Graceful end after DISCONNECT: TLS close_notify, then FIN, then a short wait for the
        /// broker to close, so the DISCONNECT is read before any reset could discard it.
        /// </summary>
        public async Task ShutdownAsync(TimeSpan wait)
        {
            try
            {
                if (_stream is SslStream ssl)
                {
                    await ssl.ShutdownAsync().WaitAsync(wait).ConfigureAwait(false);
                }

                _socket.Shutdown(SocketShutdown.Send);
                await ReceiveLoop.WaitAsync(wait).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or TimeoutException or InvalidOperationException)
            {
                // Best effort: the socket is closed right after either way.
            }
        }

        /// <summary>Closes the socket at once (no DISCONNECT). The first reason given wins.</summary>
        public void Close(MqttDisconnectReason reason)
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
            {
                return;
            }

            CloseReason = reason;
            _closing.Cancel();
            _stream.Dispose();
            _socket.Dispose();
        }

        public void Dispose() => Close(MqttDisconnectReason.ConnectionLost);
    }
}
