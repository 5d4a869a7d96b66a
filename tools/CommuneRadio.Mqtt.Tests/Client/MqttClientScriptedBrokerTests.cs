using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>Client behaviour against a scripted fake broker on loopback.</summary>
    [TestClass]
    public sealed class MqttClientScriptedBrokerTests
    {
        [TestMethod]
        public async Task SubscribeAsync_BrokerRefusesOneFilter_ReturnsFailureForIt()
        {
            await using var broker = new ScriptedBroker();
            await using var client = new MqttClient();
            Task<MqttConnectResult> connect = client.ConnectAsync(broker.ClientOptions("c"));
            await broker.AcceptAsync();
            await connect;

            Task<System.Collections.Generic.IReadOnlyList<MqttSubscribeReturnCode>> subscribe = client.SubscribeAsync(new[] { new MqttTopicSubscription("ok"), new MqttTopicSubscription("denied", MqttQualityOfService.AtLeastOnce) });
            (byte first, byte[] body) = await broker.ReadPacketAsync();
            Assert.AreEqual(0x82, first);
            await broker.SendAsync($"9004{body[0]:X2}{body[1]:X2}0080");

            var codes = await subscribe;
            Assert.AreEqual(MqttSubscribeReturnCode.GrantedQos0, codes[0]);
            Assert.AreEqual(MqttSubscribeReturnCode.Failure, codes[1]);
        }

        [TestMethod]
        public async Task ConnectAsync_ConnAckNotAuthorized_ThrowsRefusedWithCode()
        {
            await using var broker = new ScriptedBroker();
            await using var client = new MqttClient();
            Task<MqttConnectResult> connect = client.ConnectAsync(broker.ClientOptions("c"));
            await broker.AcceptAsync("20020005");

            var refused = await Assert.ThrowsExactlyAsync<MqttConnectionRefusedException>(() => connect);
            Assert.AreEqual(MqttConnectReturnCode.NotAuthorized, refused.ReturnCode);
        }

        [TestMethod]
        public async Task MessageReceived_Qos1_PubAckSentAfterHandlerReturns()
        {
            await using var broker = new ScriptedBroker();
            await using var client = new MqttClient();
            using var handlerEntered = new SemaphoreSlim(0);
            using var releaseHandler = new SemaphoreSlim(0);
            client.MessageReceived += (_, e) =>
            {
                handlerEntered.Release();
                releaseHandler.Wait(TimeSpan.FromSeconds(10));
            };
            Task<MqttConnectResult> connect = client.ConnectAsync(broker.ClientOptions("c"));
            await broker.AcceptAsync();
            await connect;

            // PUBLISH QoS 1, topic "t", packet id 0x0042, payload "x".
            await broker.SendAsync("3206" + "000174" + "0042" + "78");
            Assert.IsTrue(await handlerEntered.WaitAsync(TimeSpan.FromSeconds(10)));
            Task<(byte First, byte[] Body)> ack = broker.ReadPacketAsync();
            Assert.IsFalse(ack.IsCompleted);
            releaseHandler.Release();

            (byte first, byte[] body) = await ack;
            Assert.AreEqual(0x40, first);
            CollectionAssert.AreEqual(new byte[] { 0x00, 0x42 }, body);
        }

        [TestMethod]
        public async Task ReceiveLoop_MalformedPacket_DisconnectsWithProtocolError()
        {
            await using var broker = new ScriptedBroker();
            await using var client = new MqttClient();
            var states = new StateRecorder(client);
            Task<MqttConnectResult> connect = client.ConnectAsync(broker.ClientOptions("c"));
            await broker.AcceptAsync();
            await connect;

            await broker.SendAsync("36020000");

            MqttConnectionStateChangedEventArgs lost = await states.WaitForAsync(MqttConnectionState.Disconnected, 1, TimeSpan.FromSeconds(10));
            Assert.AreEqual(MqttDisconnectReason.ProtocolError, lost.Reason);
            Assert.IsInstanceOfType<MqttProtocolException>(lost.Exception);
            Assert.IsTrue(await broker.WaitForCloseAsync());
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public async Task PublishAsync_Qos1NoPubAck_ResentWithDupAfterRetryInterval()
        {
            await using var broker = new ScriptedBroker();
            await using var client = new MqttClient();
            var clock = new ManualTimeProvider();
            MqttClientOptions options = broker.ClientOptions("c");
            options.KeepAlive = TimeSpan.Zero;
            options.PublishRetryInterval = TimeSpan.FromSeconds(20);
            options.TimeProvider = clock;
            Task<MqttConnectResult> connect = client.ConnectAsync(options);
            await broker.AcceptAsync();
            await connect;

            Task publish = client.PublishAsync("t", "x", MqttQualityOfService.AtLeastOnce);
            (byte first, byte[] body) = await broker.ReadPacketAsync();
            Assert.AreEqual(0x32, first);
            Task<(byte First, byte[] Body)> next = broker.ReadPacketAsync();

            // Retry 20 s gives a 5 s tick: nothing after 15 s, the resend at 20 s.
            await clock.AdvanceTicksAsync(TimeSpan.FromSeconds(5), 3);
            Assert.IsFalse(next.IsCompleted);
            await clock.AdvanceTicksAsync(TimeSpan.FromSeconds(5), 1);
            (byte resent, byte[] resentBody) = await next;
            Assert.AreEqual(0x3A, resent, "the resend carries DUP");
            CollectionAssert.AreEqual(body, resentBody);
            Assert.IsFalse(publish.IsCompleted);

            await broker.SendAsync($"4002{body[3]:X2}{body[4]:X2}");
            await publish.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
