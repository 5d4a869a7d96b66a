using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Packets;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Packets
{
    [TestClass]
    public sealed class MqttPacketReaderTests
    {
        [TestMethod]
        public async Task ReadAsync_OneByteChunks_ReassemblesEveryPacket()
        {
            byte[] wire = Hex.Parse("20020000" + "D000" + "9003000101" + "40020009");
            using var reader = new MqttPacketReader(new ChunkedReadStream(wire, 1), 1024);

            MqttPacketType[] types = new MqttPacketType[4];
            for (int i = 0; i < types.Length; i++)
            {
                types[i] = (await reader.ReadAsync(CancellationToken.None))!.Type;
            }

            CollectionAssert.AreEqual(new[] { MqttPacketType.ConnAck, MqttPacketType.PingResp, MqttPacketType.SubAck, MqttPacketType.PubAck }, types);
            Assert.IsNull(await reader.ReadAsync(CancellationToken.None));
        }

        [TestMethod]
        public async Task ReadAsync_PacketLargerThanInitialBuffer_GrowsBuffer()
        {
            byte[] payload = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
            byte[] wire = MqttPacketEncoder.Encode(new MqttPublishPacket("big", payload, MqttQualityOfService.AtMostOnce, false, false, 0));
            using var reader = new MqttPacketReader(new ChunkedReadStream(wire, 7000), 1024 * 1024);

            var publish = (MqttPublishPacket)(await reader.ReadAsync(CancellationToken.None))!;

            CollectionAssert.AreEqual(payload, publish.Payload.ToArray());
        }

        [TestMethod]
        public async Task ReadAsync_StreamEndsInsidePacket_ThrowsEndOfStream()
        {
            using var reader = new MqttPacketReader(new ChunkedReadStream(Hex.Parse("200200"), 2), 1024);

            await Assert.ThrowsExactlyAsync<EndOfStreamException>(async () => await reader.ReadAsync(CancellationToken.None));
        }

        [TestMethod]
        public async Task ReadAsync_EmptyStream_ReturnsNull()
        {
            using var reader = new MqttPacketReader(new ChunkedReadStream(Array.Empty<byte>(), 10), 1024);

            Assert.IsNull(await reader.ReadAsync(CancellationToken.None));
        }

        [TestMethod]
        public async Task ReadAsync_MalformedPacket_ThrowsProtocolException()
        {
            using var reader = new MqttPacketReader(new ChunkedReadStream(Hex.Parse("36020000"), 10), 1024);

            await Assert.ThrowsExactlyAsync<MqttProtocolException>(async () => await reader.ReadAsync(CancellationToken.None));
        }

        [TestMethod]
        public async Task ReadAsync_PacketOverLimit_ThrowsBeforeReadingBody()
        {
            var stream = new ChunkedReadStream(Hex.Parse("30FFFF03"), 64);
            using var reader = new MqttPacketReader(stream, 1024);

            await Assert.ThrowsExactlyAsync<MqttProtocolException>(async () => await reader.ReadAsync(CancellationToken.None));
        }
    }
}
