using System;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>Publish and subscribe against a real Mosquitto on 127.0.0.1.</summary>
    [TestClass]
    public sealed class MqttNetMqttClientTests
    {
        [TestMethod]
        public async Task PublishAsync_Qos0_SubscriberReceivesMessage()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient subscriber = await TestClients.ConnectAsync(broker, "sub");
            await using MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub");
            var inbox = new MessageInbox(subscriber);
            Assert.AreEqual(MqttSubscribeReturnCode.GrantedQos0, await subscriber.SubscribeAsync("radio/1/status"));

            await publisher.PublishAsync("radio/1/status", "on");

            MqttReceivedMessage message = await inbox.WaitForAsync("radio/1/status");
            Assert.AreEqual("on", message.GetPayloadText());
            Assert.AreEqual(MqttQualityOfService.AtMostOnce, message.QoS);
            Assert.IsFalse(message.Retain);
            Assert.IsFalse(message.Dup);
        }

        [TestMethod]
        public async Task PublishAsync_Qos1_CompletesOnPubAckAndDeliversQos1()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient subscriber = await TestClients.ConnectAsync(broker, "sub");
            await using MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub");
            var inbox = new MessageInbox(subscriber);
            Assert.AreEqual(MqttSubscribeReturnCode.GrantedQos1, await subscriber.SubscribeAsync("radio/+/cmd", MqttQualityOfService.AtLeastOnce));

            byte[] payload = new byte[] { 0, 1, 2, 255 };
            await publisher.PublishAsync("radio/7/cmd", payload, MqttQualityOfService.AtLeastOnce).WaitAsync(MessageInbox.DefaultTimeout);

            MqttReceivedMessage message = await inbox.WaitForAsync("radio/7/cmd");
            CollectionAssert.AreEqual(payload, message.Payload);
            Assert.AreEqual(MqttQualityOfService.AtLeastOnce, message.QoS);
        }

        [TestMethod]
        public async Task PublishAsync_ManyQos1_AllAcknowledgedInOrder()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient subscriber = await TestClients.ConnectAsync(broker, "sub");
            await using MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub");
            var inbox = new MessageInbox(subscriber);
            await subscriber.SubscribeAsync("seq", MqttQualityOfService.AtLeastOnce);

            var sends = new Task[200];
            for (int i = 0; i < sends.Length; i++)
            {
                sends[i] = publisher.PublishAsync("seq", i.ToString(System.Globalization.CultureInfo.InvariantCulture), MqttQualityOfService.AtLeastOnce);
            }

            await Task.WhenAll(sends).WaitAsync(MessageInbox.DefaultTimeout);
            await inbox.WaitForAsync(m => m.GetPayloadText() == "199");
            for (int i = 0; i < 200; i++)
            {
                Assert.AreEqual(i.ToString(System.Globalization.CultureInfo.InvariantCulture), inbox.Messages[i].GetPayloadText());
            }
        }

        [TestMethod]
        public async Task SubscribeAsync_RetainedMessageExists_NewSubscriberGetsRetainTrue()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub");
            await publisher.PublishAsync("radio/1/config", "volume=7", MqttQualityOfService.AtLeastOnce, retain: true);
            await using MqttNetMqttClient subscriber = await TestClients.ConnectAsync(broker, "late");
            var inbox = new MessageInbox(subscriber);

            await subscriber.SubscribeAsync("radio/1/config", MqttQualityOfService.AtLeastOnce);

            MqttReceivedMessage retained = await inbox.WaitForAsync("radio/1/config");
            Assert.IsTrue(retained.Retain);
            Assert.AreEqual("volume=7", retained.GetPayloadText());

            // A live publication to an existing subscriber carries Retain=false even when retained.
            await publisher.PublishAsync("radio/1/config", "volume=8", MqttQualityOfService.AtLeastOnce, retain: true);
            MqttReceivedMessage live = await inbox.WaitForAsync(m => m.GetPayloadText() == "volume=8");
            Assert.IsFalse(live.Retain);
        }

        [TestMethod]
        public async Task SubscribeAsync_WildcardFilters_ReceiveOnlyMatchingTopics()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient subscriber = await TestClients.ConnectAsync(broker, "sub");
            await using MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub");
            var inbox = new MessageInbox(subscriber);
            var codes = await subscriber.SubscribeAsync(new[]
            {
                new MqttTopicSubscription("sensor/+/temp", MqttQualityOfService.AtLeastOnce),
                new MqttTopicSubscription("alarm/#"),
                new MqttTopicSubscription("done"),
            });
            CollectionAssert.AreEqual(new[] { MqttSubscribeReturnCode.GrantedQos1, MqttSubscribeReturnCode.GrantedQos0, MqttSubscribeReturnCode.GrantedQos0 }, new[] { codes[0], codes[1], codes[2] });

            foreach (string topic in new[] { "sensor/7/temp", "sensor/7/8/temp", "sensor/7/hum", "alarm", "alarm/fire/zone1", "alarms/x", "done" })
            {
                await publisher.PublishAsync(topic, topic, MqttQualityOfService.AtLeastOnce);
            }

            await inbox.WaitForAsync("done");
            CollectionAssert.AreEqual(new[] { "sensor/7/temp", "alarm", "alarm/fire/zone1", "done" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(inbox.Messages, m => m.Topic)));
        }

        [TestMethod]
        public async Task UnsubscribeAsync_AfterUnack_NoFurtherMessages()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient subscriber = await TestClients.ConnectAsync(broker, "sub");
            await using MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub");
            var inbox = new MessageInbox(subscriber);
            await subscriber.SubscribeAsync("a", MqttQualityOfService.AtLeastOnce);
            await subscriber.SubscribeAsync("marker", MqttQualityOfService.AtLeastOnce);

            await subscriber.UnsubscribeAsync("a");
            await publisher.PublishAsync("a", "late", MqttQualityOfService.AtLeastOnce);
            await publisher.PublishAsync("marker", "m", MqttQualityOfService.AtLeastOnce);

            // Messages from one publisher keep their order, so "late" would come before the marker.
            await inbox.WaitForAsync("marker");
            Assert.AreEqual(1, inbox.Messages.Count);
        }

        [TestMethod]
        public async Task SubscribeAsync_AclDeniesRead_MessagesNotDelivered()
        {
            // Mosquitto 2.0 grants the SUBACK and filters at delivery; the 0x80 path is covered
            // against a scripted broker in MqttClientScriptedBrokerTests.
            var options = new MosquittoBrokerOptions { AllowAnonymous = false, AclFileContent = "user station\ntopic readwrite radio/#\n" };
            options.Users["station"] = "s3cret";
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(options);
            await using MqttNetMqttClient client = await TestClients.ConnectAsync(broker, "st", o =>
            {
                o.Username = "station";
                o.Password = "s3cret";
            });
            var inbox = new MessageInbox(client);
            await client.SubscribeAsync("#", MqttQualityOfService.AtLeastOnce);

            await client.PublishAsync("admin/secrets", "x", MqttQualityOfService.AtLeastOnce);
            await client.PublishAsync("radio/marker", "m", MqttQualityOfService.AtLeastOnce);

            await inbox.WaitForAsync("radio/marker");
            Assert.AreEqual(1, inbox.Messages.Count);
        }

        [TestMethod]
        public async Task PublishAsync_NeverConnected_ThrowsNotConnected()
        {
            await using var client = new MqttNetMqttClient();

            await Assert.ThrowsExactlyAsync<MqttNotConnectedException>(() => client.PublishAsync("a", "b"));
            await Assert.ThrowsExactlyAsync<MqttNotConnectedException>(() => client.PublishAsync("a", "b", MqttQualityOfService.AtLeastOnce));
            await Assert.ThrowsExactlyAsync<MqttNotConnectedException>(() => client.SubscribeAsync("a"));
        }

        [TestMethod]
        public async Task PublishAsync_WildcardTopic_ThrowsArgumentException()
        {
            await using var client = new MqttNetMqttClient();

            await Assert.ThrowsExactlyAsync<ArgumentException>(() => client.PublishAsync("a/+", Encoding.UTF8.GetBytes("x")));
        }

        [TestMethod]
        public async Task ConnectAsync_NothingListening_ThrowsSocketException()
        {
            int port;
            await using (MosquittoBroker broker = await MosquittoBroker.StartAsync())
            {
                port = broker.Port;
            }

            await using var client = new MqttNetMqttClient();
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(new MqttClientOptions { Host = "127.0.0.1", Port = port }));
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public async Task ConnectAsync_Twice_ThrowsInvalidOperation()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient client = await TestClients.ConnectAsync(broker, "twice");

            await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => client.ConnectAsync(TestClients.Options(broker, "twice")));
        }
    }
}
