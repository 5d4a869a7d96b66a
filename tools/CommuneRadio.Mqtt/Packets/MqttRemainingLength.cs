using System;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>
    /// The fixed header's "remaining length": 7 bits per byte, least significant group first, high
    /// bit set when another byte follows, at most 4 bytes (MQTT 3.1.1 section 2.2.3).
    /// <code>
    ///         0 = 00
    ///       127 = 7F
    ///       128 = 80 01
    ///     16383 = FF 7F
    ///     16384 = 80 80 01
    ///   2097151 = FF FF 7F
    ///   2097152 = 80 80 80 01
    /// 268435455 = FF FF FF 7F   (the maximum)
    /// FF FF FF FF ..           = malformed (a fifth byte would be needed)
    /// </code>
    /// </summary>
    internal static class MqttRemainingLength
    {
        /// <summary>Largest encodable remaining length.</summary>
        public const int MaxValue = 268_435_455;

        /// <summary>Number of bytes needed to encode <paramref name="value"/>.</summary>
        public static int GetSize(int value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
            return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
        }

        /// <summary>Writes <paramref name="value"/> and returns the number of bytes written.</summary>
        public static int Write(Span<byte> destination, int value)
        {
            int size = GetSize(value);
            for (int i = 0; i < size; i++)
            {
                byte digit = (byte)(value % 128);
                value /= 128;
                destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
            }

            return size;
        }

        /// <summary>
        /// Reads a remaining length. Returns false when <paramref name="source"/> ends before the
        /// last length byte; throws <see cref="MqttProtocolException"/> when more than 4 bytes are used.
        /// </summary>
        public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int size)
        {
            value = 0;
            int multiplier = 1;
            for (int i = 0; i < 4; i++)
            {
                if (i >= source.Length)
                {
                    size = 0;
                    value = 0;
                    return false;
                }

                byte b = source[i];
                value += (b & 0x7F) * multiplier;
                if ((b & 0x80) == 0)
                {
                    size = i + 1;
                    return true;
                }

                multiplier *= 128;
            }

            throw new MqttProtocolException("Malformed remaining length: more than 4 bytes.");
        }
    }
}
