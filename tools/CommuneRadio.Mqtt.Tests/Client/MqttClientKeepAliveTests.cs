using System;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>
    /// Keep-alive logic driven by a manual clock against a scripted broker: no real waiting.
    /// KeepAlive 10 s gives a 2.5 s tick; PINGREQ goes out once idle for 7.5 s (keep-alive minus
    /// one tick) and a PINGRESP missing for 10 s more means a dead connection.
    /// </summary>
    [TestClass]
    public sealed class MqttClientKeepAliveTests
    {
        private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2.5);

        [TestMethod]
        public async Task KeepAlive_IdleThreeTicks_SendsPingReq()
        {
            await using var broker = new ScriptedBroker();
            var clock = new ManualTimeProvider();
            await using MqttClient client = await ConnectAsync(broker, clock);
            Task<(byte First, byte[] Body)> next = broker.ReadPacketAsync();

            await clock.AdvanceTicksAsync(Tick, 2);
            Assert.IsFalse(next.IsCompleted, "no ping before 7.5 s idle");
            await clock.AdvanceTicksAsync(Tick, 1);

            (byte first, byte[] body) = await next;
            Assert.AreEqual(0xC0, first);
            Assert.IsEmpty(body);
        }

        [TestMethod]
        public async Task KeepAlive_PingAnswered_StaysConnected()
        {
            await using var broker = new ScriptedBroker();
            var clock = new ManualTimeProvider();
            await using MqttClient client = await ConnectAsync(broker, clock);
            var states = new StateRecorder(client);
            var inbox = new MessageInbox(client);

            for (int ping = 0; ping < 4; ping++)
            {
                Task<(byte First, byte[] Body)> next = broker.ReadPacketAsync();
                await clock.AdvanceTicksAsync(Tick, 3);
                Assert.AreEqual(0xC0, (await next).First);

                // PINGRESP, then a QoS 0 PUBLISH to topic "p", "q", "r", "s": packets are handled in
                // order, so once the message is seen the PINGRESP was too.
                await broker.SendAsync($"D000" + "3003" + "0001" + $"{0x70 + ping:X2}");
                await inbox.WaitForAsync($"{(char)(0x70 + ping)}");
            }

            Assert.IsTrue(client.IsConnected);
            Assert.IsEmpty(states.Events);
        }

        [TestMethod]
        public async Task KeepAlive_PingNotAnswered_DisconnectsWithKeepAliveTimeout()
        {
            await using var broker = new ScriptedBroker();
            var clock = new ManualTimeProvider();
            await using MqttClient client = await ConnectAsync(broker, clock);
            var states = new StateRecorder(client);
            Task<(byte First, byte[] Body)> ping = broker.ReadPacketAsync();
            await clock.AdvanceTicksAsync(Tick, 3);
            Assert.AreEqual(0xC0, (await ping).First);

            await clock.AdvanceTicksAsync(Tick, 3);
            Assert.IsTrue(client.IsConnected, "7.5 s without PINGRESP is still within the keep-alive");
            clock.Advance(Tick);

            MqttConnectionStateChangedEventArgs lost = await states.WaitForAsync(MqttConnectionState.Disconnected, 1, TimeSpan.FromSeconds(10));
            Assert.AreEqual(MqttDisconnectReason.KeepAliveTimeout, lost.Reason);
            Assert.IsTrue(await broker.WaitForCloseAsync());
        }

        private static async Task<MqttClient> ConnectAsync(ScriptedBroker broker, ManualTimeProvider clock)
        {
            var client = new MqttClient();
            MqttClientOptions options = broker.ClientOptions("ka");
            options.KeepAlive = TimeSpan.FromSeconds(10);
            options.PublishRetryInterval = null;
            options.TimeProvider = clock;
            Task<MqttConnectResult> connect = client.ConnectAsync(options);
            await broker.AcceptAsync();
            await connect;
            return client;
        }
    }
}
