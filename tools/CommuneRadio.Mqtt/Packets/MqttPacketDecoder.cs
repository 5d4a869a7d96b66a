using System;
using System.Buffers.Binary;
using System.Text;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>
    /// Decodes the packets a broker sends to a client and refuses anything malformed with
    /// <see cref="MqttProtocolException"/> (the connection is then closed, as 3.1.1 section 4.8 asks).
    /// <code>
    /// CONNACK   20 02 | ack flags (only bit 0 = session present), return code 0..5
    /// PUBLISH   3f .. | f = dup 8 | qos 6 | retain 1; str topic, [u16 id if qos 1], payload to end
    /// PUBACK    40 02 | u16 packet id (non-zero)
    /// SUBACK    90 .. | u16 packet id, one code per filter: 00, 01, 02 or 80
    /// UNSUBACK  B0 02 | u16 packet id
    /// PINGRESP  D0 00
    /// </code>
    /// Worked examples:
    /// <c>20 02 01 00</c> = CONNACK session present, accepted;
    /// <c>90 03 00 07 80</c> = SUBACK id 7, filter refused;
    /// <c>36 ..</c> = PUBLISH with QoS 3: malformed; <c>62 02 00 01</c> = PUBREL: refused, this
    /// client never asks for QoS 2; <c>41 02 00 01</c> = PUBACK with reserved flag set: malformed.
    /// </summary>
    internal static class MqttPacketDecoder
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);

        /// <summary>
        /// Tries to decode one packet at the start of <paramref name="buffer"/>. Returns true and the
        /// packet with its total wire length, or false when more bytes are needed; then
        /// <paramref name="packetLength"/> is the total length once the header is known, else 0.
        /// </summary>
        public static bool TryDecode(ReadOnlySpan<byte> buffer, int maxPacketSize, out MqttPacket? packet, out int packetLength)
        {
            packet = null;
            packetLength = 0;
            if (buffer.Length < 2)
            {
                return false;
            }

            if (!MqttRemainingLength.TryRead(buffer.Slice(1), out int remaining, out int lengthSize))
            {
                return false;
            }

            long total = 1L + lengthSize + remaining;
            if (total > maxPacketSize)
            {
                throw new MqttProtocolException($"Incoming packet of {total} bytes exceeds the limit of {maxPacketSize} bytes.");
            }

            packetLength = (int)total;
            if (buffer.Length < packetLength)
            {
                return false;
            }

            packet = Decode(buffer[0], buffer.Slice(1 + lengthSize, remaining));
            return true;
        }

        private static MqttPacket Decode(byte first, ReadOnlySpan<byte> body)
        {
            var type = (MqttPacketType)(first >> 4);
            int flags = first & 0x0F;
            if (type != MqttPacketType.Publish && flags != 0)
            {
                throw new MqttProtocolException($"{type} with reserved flags 0x{flags:X1} set.");
            }

            switch (type)
            {
                case MqttPacketType.ConnAck:
                    ExpectLength(type, body, 2);
                    if ((body[0] & 0xFE) != 0 || body[1] > 5 || (body[1] != 0 && body[0] != 0))
                    {
                        throw new MqttProtocolException($"Malformed CONNACK {body[0]:X2} {body[1]:X2}.");
                    }

                    return new MqttConnAckPacket(body[0] == 1, (MqttConnectReturnCode)body[1]);
                case MqttPacketType.Publish:
                    return DecodePublish(flags, body);
                case MqttPacketType.PubAck:
                    return new MqttPubAckPacket(ReadIdOnly(type, body));
                case MqttPacketType.UnsubAck:
                    return new MqttUnsubAckPacket(ReadIdOnly(type, body));
                case MqttPacketType.SubAck:
                    return DecodeSubAck(body);
                case MqttPacketType.PingResp:
                    ExpectLength(type, body, 0);
                    return MqttEmptyPacket.PingResp;
                case MqttPacketType.PubRec:
                case MqttPacketType.PubRel:
                case MqttPacketType.PubComp:
                    throw new MqttProtocolException($"{type} received, but this client never uses QoS 2.");
                default:
                    throw new MqttProtocolException($"Packet type {(int)type} ({type}) is not sent by a server.");
            }
        }

        private static MqttPublishPacket DecodePublish(int flags, ReadOnlySpan<byte> body)
        {
            int qos = (flags >> 1) & 0x03;
            bool dup = (flags & 0x08) != 0;
            if (qos == 3)
            {
                throw new MqttProtocolException("PUBLISH with QoS 3.");
            }

            if (qos == 2)
            {
                throw new MqttProtocolException("PUBLISH with QoS 2 received, but this client never subscribes with QoS 2.");
            }

            if (qos == 0 && dup)
            {
                throw new MqttProtocolException("PUBLISH QoS 0 with DUP set.");
            }

            int pos = 0;
            string topic = ReadString(body, ref pos);
            if (topic.Length == 0 || topic.AsSpan().IndexOfAny('+', '#') >= 0)
            {
                throw new MqttProtocolException($"PUBLISH with invalid topic name '{topic}'.");
            }

            ushort packetId = 0;
            if (qos > 0)
            {
                packetId = ReadUInt16(body, ref pos);
                if (packetId == 0)
                {
                    throw new MqttProtocolException("PUBLISH QoS 1 with packet identifier 0.");
                }
            }

            byte[] payload = body.Slice(pos).ToArray();
            return new MqttPublishPacket(topic, payload, (MqttQualityOfService)qos, (flags & 0x01) != 0, dup, packetId);
        }

        private static MqttSubAckPacket DecodeSubAck(ReadOnlySpan<byte> body)
        {
            if (body.Length < 3)
            {
                throw new MqttProtocolException("SUBACK shorter than 3 bytes.");
            }

            ushort packetId = BinaryPrimitives.ReadUInt16BigEndian(body);
            var codes = new MqttSubscribeReturnCode[body.Length - 2];
            for (int i = 0; i < codes.Length; i++)
            {
                byte code = body[2 + i];
                if (code > 2 && code != 0x80)
                {
                    throw new MqttProtocolException($"SUBACK with invalid return code 0x{code:X2}.");
                }

                codes[i] = (MqttSubscribeReturnCode)code;
            }

            return new MqttSubAckPacket(packetId, codes);
        }

        private static ushort ReadIdOnly(MqttPacketType type, ReadOnlySpan<byte> body)
        {
            ExpectLength(type, body, 2);
            ushort id = BinaryPrimitives.ReadUInt16BigEndian(body);
            if (id == 0)
            {
                throw new MqttProtocolException($"{type} with packet identifier 0.");
            }

            return id;
        }

        private static void ExpectLength(MqttPacketType type, ReadOnlySpan<byte> body, int expected)
        {
            if (body.Length != expected)
            {
                throw new MqttProtocolException($"{type} with remaining length {body.Length}, expected {expected}.");
            }
        }

        private static ushort ReadUInt16(ReadOnlySpan<byte> body, ref int pos)
        {
            if (body.Length - pos < 2)
            {
                throw new MqttProtocolException("Packet ends inside a two-byte integer.");
            }

            ushort value = BinaryPrimitives.ReadUInt16BigEndian(body.Slice(pos));
            pos += 2;
            return value;
        }

        private static string ReadString(ReadOnlySpan<byte> body, ref int pos)
        {
            int length = ReadUInt16(body, ref pos);
            if (body.Length - pos < length)
            {
                throw new MqttProtocolException("String length exceeds the packet.");
            }

            try
            {
                string value = Utf8.GetString(body.Slice(pos, length));
                pos += length;
                return value;
            }
            catch (DecoderFallbackException ex)
            {
                throw new MqttProtocolException("String is not valid UTF-8.", ex);
            }
        }
    }
}
