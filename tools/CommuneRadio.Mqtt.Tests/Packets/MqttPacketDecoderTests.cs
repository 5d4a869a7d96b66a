using System;
using System.Text;
using CommuneRadio.Mqtt.Packets;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Packets
{
    [TestClass]
    public sealed class MqttPacketDecoderTests
    {
        private const int Limit = 1024 * 1024;

        [TestMethod]
        public void TryDecode_ConnAckSessionPresent_ReturnsAccepted()
        {
            var packet = (MqttConnAckPacket)Decode("20020100");

            Assert.IsTrue(packet.SessionPresent);
            Assert.AreEqual(MqttConnectReturnCode.Accepted, packet.ReturnCode);
        }

        [TestMethod]
        public void TryDecode_ConnAckRefused_ReturnsCode()
        {
            var packet = (MqttConnAckPacket)Decode("20020005");

            Assert.AreEqual(MqttConnectReturnCode.NotAuthorized, packet.ReturnCode);
        }

        [TestMethod]
        public void TryDecode_SubAckWithFailure_ReturnsCodesInOrder()
        {
            var packet = (MqttSubAckPacket)Decode("9004000701" + "80");

            Assert.AreEqual(7, packet.PacketId);
            CollectionAssert.AreEqual(new[] { MqttSubscribeReturnCode.GrantedQos1, MqttSubscribeReturnCode.Failure }, new[] { packet.ReturnCodes[0], packet.ReturnCodes[1] });
        }

        [TestMethod]
        public void TryDecode_PublishEncodedByEncoder_RoundTrips()
        {
            byte[] payload = new byte[300];
            payload[299] = 0x42;
            byte[] wire = MqttPacketEncoder.Encode(new MqttPublishPacket("sensor/7/temp", payload, MqttQualityOfService.AtLeastOnce, true, true, 513));

            bool complete = MqttPacketDecoder.TryDecode(wire, Limit, out MqttPacket? decoded, out int length);

            Assert.IsTrue(complete);
            Assert.AreEqual(wire.Length, length);
            var publish = (MqttPublishPacket)decoded!;
            Assert.AreEqual("sensor/7/temp", publish.Topic);
            Assert.AreEqual(MqttQualityOfService.AtLeastOnce, publish.QoS);
            Assert.IsTrue(publish.Retain);
            Assert.IsTrue(publish.Dup);
            Assert.AreEqual(513, publish.PacketId);
            CollectionAssert.AreEqual(payload, publish.Payload.ToArray());
        }

        [TestMethod]
        public void TryDecode_PingRespAndAcks_Decode()
        {
            Assert.AreSame(MqttEmptyPacket.PingResp, Decode("D000"));
            Assert.AreEqual(0x0102, ((MqttPubAckPacket)Decode("40020102")).PacketId);
            Assert.AreEqual(3, ((MqttUnsubAckPacket)Decode("B0020003")).PacketId);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("30")]
        [DataRow("3080")]
        [DataRow("300500")]
        public void TryDecode_Incomplete_ReturnsFalse(string hex)
        {
            bool complete = MqttPacketDecoder.TryDecode(Hex.Parse(hex), Limit, out MqttPacket? packet, out _);

            Assert.IsFalse(complete);
            Assert.IsNull(packet);
        }

        [TestMethod]
        public void TryDecode_HeaderKnownBodyMissing_ReportsTotalLength()
        {
            MqttPacketDecoder.TryDecode(Hex.Parse("30CB01"), Limit, out _, out int length);

            Assert.AreEqual(3 + 203, length);
        }

        [TestMethod]
        [DataRow("36020000", "QoS 3")]
        [DataRow("3405000174" + "0001", "QoS 2 publish")]
        [DataRow("38030001" + "74", "QoS 0 with DUP")]
        [DataRow("3205000161" + "0000", "QoS 1 packet id 0")]
        [DataRow("300400012B" + "00", "wildcard in topic")]
        [DataRow("300300FF" + "74", "topic longer than packet")]
        [DataRow("30030001" + "FF", "invalid UTF-8")]
        [DataRow("41020001", "PUBACK reserved flag")]
        [DataRow("40030001" + "00", "PUBACK length 3")]
        [DataRow("40020000", "PUBACK packet id 0")]
        [DataRow("200100", "CONNACK length 1")]
        [DataRow("20020006", "CONNACK return code 6")]
        [DataRow("20020105", "CONNACK session present with refusal")]
        [DataRow("20020200", "CONNACK reserved ack flag")]
        [DataRow("9003000703", "SUBACK code 3")]
        [DataRow("90020007", "SUBACK without codes")]
        [DataRow("D00100", "PINGRESP with body")]
        [DataRow("62020001", "PUBREL")]
        [DataRow("C000", "PINGREQ from server")]
        [DataRow("100100", "CONNECT from server")]
        [DataRow("0000", "reserved type 0")]
        [DataRow("F000", "reserved type 15")]
        [DataRow("30FFFFFFFF01", "five-byte remaining length")]
        public void TryDecode_Malformed_ThrowsProtocolException(string hex, string why)
        {
            byte[] bytes = Hex.Parse(hex);

            Assert.ThrowsExactly<MqttProtocolException>(() => MqttPacketDecoder.TryDecode(bytes, Limit, out _, out _), why);
        }

        [TestMethod]
        public void TryDecode_LargerThanLimit_ThrowsProtocolException()
        {
            byte[] header = Hex.Parse("30CB01");

            Assert.ThrowsExactly<MqttProtocolException>(() => MqttPacketDecoder.TryDecode(header, 100, out _, out _));
        }

        [TestMethod]
        public void TryDecode_TwoPacketsInBuffer_ConsumesOnlyFirst()
        {
            byte[] bytes = Hex.Parse("D000" + "40020001");

            MqttPacketDecoder.TryDecode(bytes, Limit, out MqttPacket? packet, out int length);

            Assert.AreEqual(MqttPacketType.PingResp, packet!.Type);
            Assert.AreEqual(2, length);
        }

        [TestMethod]
        public void TryDecode_Utf8Topic_Decodes()
        {
            byte[] topic = Encoding.UTF8.GetBytes("café/é");
            byte[] wire = MqttPacketEncoder.Encode(new MqttPublishPacket("café/é", ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtMostOnce, false, false, 0));

            var publish = (MqttPublishPacket)Decode(Hex.Format(wire));

            Assert.AreEqual("café/é", publish.Topic);
            Assert.AreEqual(topic.Length + 4, wire.Length);
        }

        private static MqttPacket Decode(string hex)
        {
            byte[] bytes = Hex.Parse(hex);
            Assert.IsTrue(MqttPacketDecoder.TryDecode(bytes, Limit, out MqttPacket? packet, out int length));
            Assert.AreEqual(bytes.Length, length);
            return packet!;
        }
    }
}
