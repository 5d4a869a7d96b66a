using System;
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
    /// One TCP or TLS connection: serialized writes, the packet reader, and the timestamps the
    /// keep-alive loop needs. It holds no thread: reads and writes are async socket operations.
    /// </summary>
    internal sealed class MqttConnection : IDisposable
    {
        private readonly Socket _socket;
        private readonly Stream _stream;
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private readonly CancellationTokenSource _closing = new CancellationTokenSource();
        private readonly TimeProvider _time;
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
        /// Writes one encoded packet. The caller's token can only cancel the wait for the write
        /// lock: a packet half written would corrupt the stream for every later packet.
        /// </summary>
        public async Task SendAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _stream.WriteAsync(packet, _closing.Token).ConfigureAwait(false);
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
