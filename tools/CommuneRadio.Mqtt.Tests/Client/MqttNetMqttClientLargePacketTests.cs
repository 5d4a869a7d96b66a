using System;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>
    /// Large packets against a real Mosquitto. The adapter has no receive limit of its own (MQTT 3.1.1 has no way to
    /// announce one): a large message is delivered whole and acknowledged like any other, so it never costs the
    /// connection — the broker's max_packet_size is where the size is limited (docs/protocol.md §7).
    /// </summary>
    [TestClass]
    public sealed class MqttNetMqttClientLargePacketTests
    {
        [TestMethod]
        public async Task MessageReceived_OneMebibyteQos1_DeliveredWholeOnceAndAcknowledged()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            MqttNetMqttClient receiver = await TestClients.ConnectAsync(broker, "receiver", o => o.CleanSession = false);
            var states = new StateRecorder(receiver);
            var inbox = new MessageInbox(receiver);
            await receiver.SubscribeAsync("radio/big", MqttQualityOfService.AtLeastOnce);
            await using MqttNetMqttClient sender = await TestClients.ConnectAsync(broker, "sender");
            byte[] payload = new byte[1024 * 1024];
            new Random(7).NextBytes(payload);

            await sender.PublishAsync("radio/big", payload, MqttQualityOfService.AtLeastOnce);
            MqttReceivedMessage message = await inbox.WaitForAsync("radio/big");

            CollectionAssert.AreEqual(payload, message.Payload);
            Assert.IsTrue(receiver.IsConnected);
            Assert.AreEqual(0, states.Events.Count, "the connection changed state");

            // Acknowledged: the persistent session holds nothing to redeliver after a reconnect.
            await receiver.DisconnectAsync();
            await using MqttNetMqttClient again = await TestClients.ConnectAsync(broker, "receiver", o => o.CleanSession = false);
            var later = new MessageInbox(again);
            await sender.PublishAsync("radio/marker", "marker", MqttQualityOfService.AtLeastOnce);
            await again.SubscribeAsync("radio/marker", MqttQualityOfService.AtLeastOnce);
            await sender.PublishAsync("radio/marker", "marker", MqttQualityOfService.AtLeastOnce);
            await later.WaitForAsync("radio/marker");
            Assert.IsFalse(later.Messages.Any(m => m.Topic == "radio/big"), "the large message was redelivered: it had not been acknowledged");
            await receiver.DisposeAsync();
        }

        [TestMethod]
        public async Task PublishAsync_Qos0OverBrokerMaxPacketSize_ThrowsNotConnected()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MaxPacketSize = 4096 });
            await using MqttNetMqttClient sender = await TestClients.ConnectAsync(broker, "sender", o => o.Reconnect.Enabled = false);

            // The broker closes the connection while the packet is being written; whichever of MQTTnet's errors
            // comes first (broken pipe, or its send cancelled by the receive loop), the contract's exception is thrown.
            await Assert.ThrowsExactlyAsync<MqttNotConnectedException>(() => sender.PublishAsync("radio/big", new byte[1024 * 1024], MqttQualityOfService.AtMostOnce));
        }
    }
}
