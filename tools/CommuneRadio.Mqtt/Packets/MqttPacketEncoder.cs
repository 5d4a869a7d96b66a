using System;
using System.Buffers.Binary;
using System.Text;

namespace CommuneRadio.Mqtt.Packets
{
    /// <summary>
    /// Encodes the packets a client sends. Wire format (MQTT 3.1.1, all integers big-endian,
    /// "str" = 2-byte length + UTF-8, "bin" = 2-byte length + bytes):
    /// <code>
    /// fixed header : [type(4 bits) flags(4 bits)] [remaining length 1..4 bytes, see MqttRemainingLength]
    /// CONNECT   10 : str "MQTT", level 04, flags(user 80|pass 40|will retain 20|will qos 18|will 04|clean 02),
    ///                keep-alive u16, str client id, [str will topic, bin will payload], [str user], [bin password]
    /// PUBLISH   3f : f = dup 8 | qos 6 | retain 1; str topic, [u16 packet id if qos > 0], payload to end
    /// PUBACK    40 : u16 packet id
    /// SUBSCRIBE 82 : u16 packet id, then per filter: str filter, qos byte
    /// UNSUB     A2 : u16 packet id, then per filter: str filter
    /// PINGREQ   C0 00      DISCONNECT E0 00
    /// </code>
    /// Worked example: PUBLISH QoS 1, topic "a/b", id 10, payload "hi" =
    /// <c>32 09 00 03 61 2F 62 00 0A 68 69</c>.
    /// </summary>
    internal static class MqttPacketEncoder
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);

        /// <summary>Encodes a packet into a new array of exactly its wire size.</summary>
        public static byte[] Encode(MqttPacket packet)
        {
            ArgumentNullException.ThrowIfNull(packet);
            return packet switch
            {
                MqttConnectPacket connect => EncodeConnect(connect),
                MqttPublishPacket publish => EncodePublish(publish),
                MqttPubAckPacket pubAck => EncodeIdOnly(0x40, pubAck.PacketId),
                MqttSubscribePacket subscribe => EncodeSubscribe(subscribe),
                MqttUnsubscribePacket unsubscribe => EncodeUnsubscribe(unsubscribe),
                MqttEmptyPacket empty => new byte[] { (byte)((int)empty.Type << 4), 0x00 },
                _ => throw new ArgumentException($"A client does not send {packet.Type} packets.", nameof(packet)),
            };
        }

        private static byte[] EncodeConnect(MqttConnectPacket p)
        {
            byte[] clientId = GetString(p.ClientId);
            byte[]? willTopic = p.Will is null ? null : GetString(p.Will.Topic);
            byte[]? username = p.Username is null ? null : GetString(p.Username);
            byte[]? password = p.Password is null ? null : GetString(p.Password);
            if (p.Will is not null)
            {
                CheckLength(p.Will.Payload.Length);
            }

            int length = 10 + 2 + clientId.Length;
            byte flags = p.CleanSession ? (byte)0x02 : (byte)0x00;
            if (p.Will is not null && willTopic is not null)
            {
                length += 2 + willTopic.Length + 2 + p.Will.Payload.Length;
                flags |= (byte)(0x04 | ((int)p.Will.QoS << 3) | (p.Will.Retain ? 0x20 : 0));
            }

            if (username is not null)
            {
                length += 2 + username.Length;
                flags |= 0x80;
            }

            if (password is not null)
            {
                length += 2 + password.Length;
                flags |= 0x40;
            }

            byte[] buffer = CreateBuffer(0x10, length, out int pos);
            pos = WriteBinary(buffer, pos, "MQTT"u8);
            buffer[pos++] = 4;
            buffer[pos++] = flags;
            pos = WriteUInt16(buffer, pos, p.KeepAliveSeconds);
            pos = WriteBinary(buffer, pos, clientId);
            if (p.Will is not null && willTopic is not null)
            {
                pos = WriteBinary(buffer, pos, willTopic);
                pos = WriteBinary(buffer, pos, p.Will.Payload.Span);
            }

            if (username is not null)
            {
                pos = WriteBinary(buffer, pos, username);
            }

            if (password is not null)
            {
                WriteBinary(buffer, pos, password);
            }

            return buffer;
        }

        private static byte[] EncodePublish(MqttPublishPacket p)
        {
            if (p.QoS != MqttQualityOfService.AtMostOnce && p.PacketId == 0)
            {
                throw new ArgumentException("A QoS 1 PUBLISH needs a non-zero packet identifier.", nameof(p));
            }

            byte[] topic = GetString(p.Topic);
            bool hasId = p.QoS != MqttQualityOfService.AtMostOnce;
            int length = 2 + topic.Length + (hasId ? 2 : 0) + p.Payload.Length;
            int first = 0x30 | ((int)p.QoS << 1) | (p.Retain ? 0x01 : 0) | (p.Dup && hasId ? 0x08 : 0);
            byte[] buffer = CreateBuffer((byte)first, length, out int pos);
            pos = WriteBinary(buffer, pos, topic);
            if (hasId)
            {
                pos = WriteUInt16(buffer, pos, p.PacketId);
            }

            p.Payload.Span.CopyTo(buffer.AsSpan(pos));
            return buffer;
        }

        private static byte[] EncodeSubscribe(MqttSubscribePacket p)
        {
            if (p.Subscriptions.Count == 0)
            {
                throw new ArgumentException("SUBSCRIBE needs at least one filter.", nameof(p));
            }

            byte[][] filters = new byte[p.Subscriptions.Count][];
            int length = 2;
            for (int i = 0; i < filters.Length; i++)
            {
                filters[i] = GetString(p.Subscriptions[i].Filter);
                length += 2 + filters[i].Length + 1;
            }

            byte[] buffer = CreateBuffer(0x82, length, out int pos);
            pos = WriteUInt16(buffer, pos, p.PacketId);
            for (int i = 0; i < filters.Length; i++)
            {
                pos = WriteBinary(buffer, pos, filters[i]);
                buffer[pos++] = (byte)p.Subscriptions[i].QoS;
            }

            return buffer;
        }

        private static byte[] EncodeUnsubscribe(MqttUnsubscribePacket p)
        {
            if (p.Filters.Count == 0)
            {
                throw new ArgumentException("UNSUBSCRIBE needs at least one filter.", nameof(p));
            }

            byte[][] filters = new byte[p.Filters.Count][];
            int length = 2;
            for (int i = 0; i < filters.Length; i++)
            {
                filters[i] = GetString(p.Filters[i]);
                length += 2 + filters[i].Length;
            }

            byte[] buffer = CreateBuffer(0xA2, length, out int pos);
            pos = WriteUInt16(buffer, pos, p.PacketId);
            foreach (byte[] filter in filters)
            {
                pos = WriteBinary(buffer, pos, filter);
            }

            return buffer;
        }

        private static byte[] EncodeIdOnly(byte first, ushort packetId)
        {
            byte[] buffer = CreateBuffer(first, 2, out int pos);
            WriteUInt16(buffer, pos, packetId);
            return buffer;
        }

        private static byte[] CreateBuffer(byte first, int remainingLength, out int position)
        {
            if (remainingLength > MqttRemainingLength.MaxValue)
            {
                throw new ArgumentException($"Packet too large: {remainingLength} bytes exceed the MQTT maximum of {MqttRemainingLength.MaxValue}.");
            }

            byte[] buffer = new byte[1 + MqttRemainingLength.GetSize(remainingLength) + remainingLength];
            buffer[0] = first;
            position = 1 + MqttRemainingLength.Write(buffer.AsSpan(1), remainingLength);
            return buffer;
        }

        private static byte[] GetString(string value)
        {
            byte[] bytes = Utf8.GetBytes(value);
            CheckLength(bytes.Length);
            return bytes;
        }

        private static void CheckLength(int length)
        {
            if (length > ushort.MaxValue)
            {
                throw new ArgumentException($"String or binary field too long: {length} bytes exceed {ushort.MaxValue}.");
            }
        }

        private static int WriteUInt16(byte[] buffer, int pos, ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(pos), value);
            return pos + 2;
        }

        private static int WriteBinary(byte[] buffer, int pos, ReadOnlySpan<byte> value)
        {
            pos = WriteUInt16(buffer, pos, (ushort)value.Length);
            value.CopyTo(buffer.AsSpan(pos));
            return pos + value.Length;
        }
    }
}
