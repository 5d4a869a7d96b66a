using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>
    /// Reads whole packets from a stream. An idle connection holds no buffer: it waits with a
    /// zero-byte read and rents from the shared pool only while bytes are pending, which keeps
    /// 10,000 mostly idle simulated stations cheap.
    /// </summary>
    internal sealed class MqttPacketReader : IDisposable
    {
        private const int InitialBufferSize = 512;
        private readonly Stream _stream;
        private readonly int _maxPacketSize;
        private byte[]? _buffer;
        private int _start;
        private int _count;

        public MqttPacketReader(Stream stream, int maxPacketSize)
        {
            _stream = stream;
            _maxPacketSize = maxPacketSize;
        }

        /// <summary>
        /// Reads the next packet; null when the stream ends cleanly between packets. Throws
        /// <see cref="EndOfStreamException"/> when it ends inside a packet.
        /// </summary>
        public async ValueTask<MqttPacket?> ReadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                int needed = 0;
                if (_count > 0)
                {
                    if (MqttPacketDecoder.TryDecode(_buffer.AsSpan(_start, _count), _maxPacketSize, out MqttPacket? packet, out int length))
                    {
                        _start += length;
                        _count -= length;
                        if (_count == 0)
                        {
                            ReleaseBuffer();
                        }

                        return packet;
                    }

                    needed = length;
                }
                else
                {
                    await _stream.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                }

                byte[] buffer = EnsureSpace(needed);
                int read = await _stream.ReadAsync(buffer.AsMemory(_start + _count), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (_count == 0)
                    {
                        ReleaseBuffer();
                        return null;
                    }

                    throw new EndOfStreamException("The connection closed in the middle of a packet.");
                }

                _count += read;
            }
        }

        public void Dispose() => ReleaseBuffer();

        // Makes room after the pending bytes; "needed" is the full packet length when known.
        private byte[] EnsureSpace(int needed)
        {
            if (_buffer is null)
            {
                _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(InitialBufferSize, needed));
                _start = 0;
                return _buffer;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _count);
                _start = 0;
            }

            if (needed > _buffer.Length || _count == _buffer.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
                Buffer.BlockCopy(_buffer, 0, larger, 0, _count);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return _buffer;
        }

        private void ReleaseBuffer()
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }

            _start = 0;
            _count = 0;
        }
    }
}
