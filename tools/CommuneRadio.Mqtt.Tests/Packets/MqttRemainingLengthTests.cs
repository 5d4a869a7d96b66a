using System;
using CommuneRadio.Mqtt.Packets;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Packets
{
    [TestClass]
    public sealed class MqttRemainingLengthTests
    {
        [TestMethod]
        [DataRow(0, "00")]
        [DataRow(127, "7F")]
        [DataRow(128, "8001")]
        [DataRow(16383, "FF7F")]
        [DataRow(16384, "808001")]
        [DataRow(2097151, "FFFF7F")]
        [DataRow(2097152, "80808001")]
        [DataRow(268435455, "FFFFFF7F")]
        public void Write_BoundaryValue_ProducesSpecBytes(int value, string expected)
        {
            byte[] buffer = new byte[4];

            int size = MqttRemainingLength.Write(buffer, value);

            Assert.AreEqual(expected, Hex.Format(buffer.AsSpan(0, size)));
            Assert.AreEqual(size, MqttRemainingLength.GetSize(value));
        }

        [TestMethod]
        [DataRow("00", 0)]
        [DataRow("7F", 127)]
        [DataRow("8001", 128)]
        [DataRow("FF7F", 16383)]
        [DataRow("808001", 16384)]
        [DataRow("FFFFFF7F", 268435455)]
        public void TryRead_BoundaryBytes_ReturnsValueAndSize(string hex, int expected)
        {
            byte[] bytes = Hex.Parse(hex + "AA");

            bool complete = MqttRemainingLength.TryRead(bytes, out int value, out int size);

            Assert.IsTrue(complete);
            Assert.AreEqual(expected, value);
            Assert.AreEqual(hex.Length / 2, size);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("80")]
        [DataRow("FFFF")]
        [DataRow("FFFFFF")]
        public void TryRead_LastByteMissing_ReturnsFalse(string hex)
        {
            bool complete = MqttRemainingLength.TryRead(Hex.Parse(hex), out _, out _);

            Assert.IsFalse(complete);
        }

        [TestMethod]
        public void TryRead_FifthByteNeeded_ThrowsProtocolException()
        {
            byte[] bytes = Hex.Parse("FFFFFFFF01");

            Assert.ThrowsExactly<MqttProtocolException>(() => MqttRemainingLength.TryRead(bytes, out _, out _));
        }

        [TestMethod]
        public void GetSize_AboveMaximum_Throws()
        {
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MqttRemainingLength.GetSize(MqttRemainingLength.MaxValue + 1));
        }
    }
}
