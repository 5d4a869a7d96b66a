using System;
using System.Text;
using CommuneRadio.Mqtt.Packets;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Packets
{
    [TestClass]
    public sealed class MqttPacketEncoderTests
    {
        [TestMethod]
        public void Encode_PublishQos1_MatchesWorkedExample()
        {
            var packet = new MqttPublishPacket("a/b", Encoding.ASCII.GetBytes("hi"), MqttQualityOfService.AtLeastOnce, false, false, 10);

            byte[] bytes = MqttPacketEncoder.Encode(packet);

            Assert.AreEqual("32090003612F62000A6869", Hex.Format(bytes));
        }

        [TestMethod]
        public void Encode_PublishQos0RetainWithDup_HasNoPacketIdAndNoDup()
        {
            var packet = new MqttPublishPacket("t", new byte[] { 0x01 }, MqttQualityOfService.AtMostOnce, true, true, 0);

            byte[] bytes = MqttPacketEncoder.Encode(packet);

            Assert.AreEqual("3104" + "000174" + "01", Hex.Format(bytes));
        }

        [TestMethod]
        public void Encode_PublishDupQos1_SetsDupBit()
        {
            var packet = new MqttPublishPacket("t", ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtLeastOnce, false, true, 1);

            byte[] bytes = MqttPacketEncoder.Encode(packet);

            Assert.AreEqual(0x3A, bytes[0]);
        }

        [TestMethod]
        public void Encode_Publish200BytePayload_UsesTwoByteRemainingLength()
        {
            var packet = new MqttPublishPacket("t", new byte[200], MqttQualityOfService.AtMostOnce, false, false, 0);

            byte[] bytes = MqttPacketEncoder.Encode(packet);

            // remaining = 2 + 1 + 200 = 203 = 0xCB 0x01
            Assert.AreEqual("30CB01", Hex.Format(bytes.AsSpan(0, 3)));
            Assert.AreEqual(3 + 203, bytes.Length);
        }

        [TestMethod]
        public void Encode_ConnectWithAllFields_MatchesSpecLayout()
        {
            var packet = new MqttConnectPacket("c1", 60, true)
            {
                Username = "u",
                Password = "p",
                Will = new MqttLastWill("w", Encoding.ASCII.GetBytes("x"), MqttQualityOfService.AtLeastOnce, true),
            };

            byte[] bytes = MqttPacketEncoder.Encode(packet);

            // flags: user 80 | pass 40 | will retain 20 | will qos1 08 | will 04 | clean 02 = EE
            Assert.AreEqual(
                "101A" + "00044D515454" + "04" + "EE" + "003C" + "00026331" + "000177" + "000178" + "000175" + "000170",
                Hex.Format(bytes));
        }

        [TestMethod]
        public void Encode_ConnectMinimal_OnlyCleanSessionFlag()
        {
            byte[] bytes = MqttPacketEncoder.Encode(new MqttConnectPacket("a", 0, true));

            Assert.AreEqual("100D" + "00044D515454" + "04" + "02" + "0000" + "000161", Hex.Format(bytes));
        }

        [TestMethod]
        public void Encode_Subscribe_HasReservedFlagsAndQosBytes()
        {
            var packet = new MqttSubscribePacket(7, new[] { new MqttTopicSubscription("a/+", MqttQualityOfService.AtLeastOnce), new MqttTopicSubscription("#") });

            byte[] bytes = MqttPacketEncoder.Encode(packet);

            Assert.AreEqual("820C0007" + "0003612F2B01" + "00012300", Hex.Format(bytes));
        }

        [TestMethod]
        public void Encode_Unsubscribe_HasReservedFlags()
        {
            byte[] bytes = MqttPacketEncoder.Encode(new MqttUnsubscribePacket(2, new[] { "a" }));

            Assert.AreEqual("A205" + "0002" + "000161", Hex.Format(bytes));
        }

        [TestMethod]
        public void Encode_FixedPackets_AreTwoBytes()
        {
            Assert.AreEqual("C000", Hex.Format(MqttPacketEncoder.Encode(MqttEmptyPacket.PingReq)));
            Assert.AreEqual("E000", Hex.Format(MqttPacketEncoder.Encode(MqttEmptyPacket.Disconnect)));
            Assert.AreEqual("40020102", Hex.Format(MqttPacketEncoder.Encode(new MqttPubAckPacket(0x0102))));
        }

        [TestMethod]
        public void Encode_TopicLongerThan65535Bytes_Throws()
        {
            var packet = new MqttPublishPacket(new string('a', 65536), ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtMostOnce, false, false, 0);

            Assert.ThrowsExactly<ArgumentException>(() => MqttPacketEncoder.Encode(packet));
        }

        [TestMethod]
        public void Encode_Qos1WithoutPacketId_Throws()
        {
            var packet = new MqttPublishPacket("t", ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtLeastOnce, false, false, 0);

            Assert.ThrowsExactly<ArgumentException>(() => MqttPacketEncoder.Encode(packet));
        }
    }
}
