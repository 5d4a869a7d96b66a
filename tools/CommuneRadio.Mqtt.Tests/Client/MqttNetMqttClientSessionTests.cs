using System;
using System.Text;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>Last will and persistent sessions against a real Mosquitto.</summary>
    [TestClass]
    public sealed class MqttNetMqttClientSessionTests
    {
        private static readonly MqttLastWill Will = new MqttLastWill("radio/9/status", Encoding.UTF8.GetBytes("offline"), MqttQualityOfService.AtLeastOnce, retain: true);

        [TestMethod]
        public async Task AbortAsync_WithWill_BrokerPublishesWill()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient observer = await TestClients.ConnectAsync(broker, "observer");
            var inbox = new MessageInbox(observer);
            await observer.SubscribeAsync("radio/+/status", MqttQualityOfService.AtLeastOnce);
            await using MqttNetMqttClient station = await TestClients.ConnectAsync(broker, "station9", o => o.Will = Will);
            var states = new StateRecorder(station);

            await station.AbortAsync();

            MqttReceivedMessage will = await inbox.WaitForAsync("radio/9/status");
            Assert.AreEqual("offline", will.GetPayloadText());
            Assert.AreEqual(MqttQualityOfService.AtLeastOnce, will.QoS);
            Assert.AreEqual(MqttDisconnectReason.ClientAborted, states.Events[0].Reason);
            Assert.IsFalse(station.IsConnected);
        }

        [TestMethod]
        public async Task DisconnectAsync_WithWill_WillNotPublished()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient observer = await TestClients.ConnectAsync(broker, "observer");
            var inbox = new MessageInbox(observer);
            await observer.SubscribeAsync("radio/+/status", MqttQualityOfService.AtLeastOnce);
            MqttNetMqttClient station = await TestClients.ConnectAsync(broker, "station9", o => o.Will = Will);

            // DisconnectAsync returns after the broker closed the socket, so a will would already
            // be on its way; the marker published afterwards proves nothing came before it.
            await station.DisconnectAsync();
            await observer.PublishAsync("radio/marker/status", "marker", MqttQualityOfService.AtLeastOnce);

            await inbox.WaitForAsync("radio/marker/status");
            Assert.AreEqual(1, inbox.Messages.Count, "only the marker, no will");
            await station.DisposeAsync();
        }

        [TestMethod]
        public async Task ConnectAsync_PersistentSession_ReceivesQos1QueuedWhileOffline()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            Action<MqttClientOptions> persistent = o => o.CleanSession = false;
            await using var station = new MqttNetMqttClient();
            MqttConnectResult first = await station.ConnectAsync(TestClients.Options(broker, "persistent-station", persistent));
            Assert.IsFalse(first.SessionPresent);
            await station.SubscribeAsync("radio/5/cmd", MqttQualityOfService.AtLeastOnce);
            await station.DisconnectAsync();

            await using (MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub"))
            {
                for (int i = 0; i < 3; i++)
                {
                    await publisher.PublishAsync("radio/5/cmd", $"cmd{i}", MqttQualityOfService.AtLeastOnce);
                }
            }

            var inbox = new MessageInbox(station);
            MqttConnectResult second = await station.ConnectAsync(TestClients.Options(broker, "persistent-station", persistent));

            Assert.IsTrue(second.SessionPresent);
            await inbox.WaitForAsync(m => m.GetPayloadText() == "cmd2");
            CollectionAssert.AreEqual(new[] { "cmd0", "cmd1", "cmd2" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(inbox.Messages, m => m.GetPayloadText())));
            Assert.IsTrue(System.Linq.Enumerable.All(inbox.Messages, m => m.QoS == MqttQualityOfService.AtLeastOnce));
        }

        [TestMethod]
        public async Task ConnectAsync_CleanSessionAfterPersistent_NoSessionPresentAndNothingQueued()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using var station = new MqttNetMqttClient();
            await station.ConnectAsync(TestClients.Options(broker, "station", o => o.CleanSession = false));
            await station.SubscribeAsync("q", MqttQualityOfService.AtLeastOnce);
            await station.DisconnectAsync();
            await using (MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub"))
            {
                await publisher.PublishAsync("q", "queued", MqttQualityOfService.AtLeastOnce);
            }

            var inbox = new MessageInbox(station);
            MqttConnectResult result = await station.ConnectAsync(TestClients.Options(broker, "station"));
            await station.SubscribeAsync("marker");
            await station.PublishAsync("marker", "m");

            Assert.IsFalse(result.SessionPresent);
            await inbox.WaitForAsync("marker");
            Assert.AreEqual(1, inbox.Messages.Count);
        }
    }
}
