using System;
using System.Security.Authentication;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>Keep-alive, dead-connection detection, reconnect and credentials against real Mosquitto.</summary>
    [TestClass]
    public sealed class MqttNetMqttClientConnectionTests
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

        [TestMethod]
        public async Task KeepAlive_IdleForThreeIntervals_StaysConnected()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient client = await TestClients.ConnectAsync(broker, "idle", o =>
            {
                o.KeepAlive = TimeSpan.FromSeconds(1);
                o.Reconnect.Enabled = false;
            });
            var states = new StateRecorder(client);
            var inbox = new MessageInbox(client);
            await client.SubscribeAsync("echo");

            // Mosquitto drops a client silent for 1.5 keep-alive intervals; only PINGREQ keeps it.
            await Assert.ThrowsExactlyAsync<TimeoutException>(() => states.WaitForAsync(MqttConnectionState.Disconnected, 1, TimeSpan.FromSeconds(3.5)));

            Assert.IsTrue(client.IsConnected);
            await client.PublishAsync("echo", "still here");
            await inbox.WaitForAsync("echo");
        }

        [TestMethod]
        public async Task KeepAlive_PathGoesSilent_DisconnectsWithKeepAliveTimeout()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            using var proxy = new FreezableTcpProxy(broker.Port);
            await using MqttNetMqttClient client = await TestClients.ConnectAsync(broker, "frozen", o =>
            {
                o.Port = proxy.Port;
                o.KeepAlive = TimeSpan.FromSeconds(1);
                o.Reconnect.Enabled = false;
            });
            var states = new StateRecorder(client);

            proxy.Freeze();

            MqttConnectionStateChangedEventArgs lost = await states.WaitForAsync(MqttConnectionState.Disconnected, 1, Wait);
            Assert.AreEqual(MqttDisconnectReason.KeepAliveTimeout, lost.Reason);
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public async Task Reconnect_BrokerRestarted_ReconnectsAndResubscribes()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient station = await TestClients.ConnectAsync(broker, "station");
            var states = new StateRecorder(station);
            var inbox = new MessageInbox(station);
            await station.SubscribeAsync("radio/1/cmd", MqttQualityOfService.AtLeastOnce);

            await broker.RestartAsync();

            MqttConnectionStateChangedEventArgs lost = await states.WaitForAsync(MqttConnectionState.Disconnected, 1, Wait);
            Assert.AreEqual(MqttDisconnectReason.ConnectionLost, lost.Reason);
            MqttConnectionStateChangedEventArgs back = await states.WaitForAsync(MqttConnectionState.Connected, 1, Wait);
            Assert.IsFalse(back.SessionPresent, "the restarted broker has no stored session");
            Assert.IsTrue(station.IsConnected);

            // Connected is raised after the SUBACK of the resubscription, so this must arrive.
            await using MqttNetMqttClient publisher = await TestClients.ConnectAsync(broker, "pub");
            await publisher.PublishAsync("radio/1/cmd", "play", MqttQualityOfService.AtLeastOnce);
            Assert.AreEqual("play", (await inbox.WaitForAsync("radio/1/cmd")).GetPayloadText());
        }

        [TestMethod]
        public async Task PublishAsync_Qos1WhileBrokerDown_CompletesAfterReconnect()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient station = await TestClients.ConnectAsync(broker, "station");
            var states = new StateRecorder(station);
            await broker.StopAsync();
            await states.WaitForAsync(MqttConnectionState.Disconnected, 1, Wait);

            Task publish = station.PublishAsync("radio/1/proof", "played", MqttQualityOfService.AtLeastOnce, retain: true);
            await Assert.ThrowsExactlyAsync<MqttNotConnectedException>(() => station.PublishAsync("radio/1/live", "x"));
            Assert.IsFalse(publish.IsCompleted);
            await broker.RestartAsync();

            await publish.WaitAsync(Wait);
            await using MqttNetMqttClient reader = await TestClients.ConnectAsync(broker, "reader");
            var inbox = new MessageInbox(reader);
            await reader.SubscribeAsync("radio/1/proof");
            Assert.AreEqual("played", (await inbox.WaitForAsync("radio/1/proof")).GetPayloadText());
        }

        [TestMethod]
        public async Task DisconnectAsync_WhileReconnecting_StopsReconnecting()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            await using MqttNetMqttClient station = await TestClients.ConnectAsync(broker, "station");
            var states = new StateRecorder(station);
            await broker.StopAsync();
            await states.WaitForAsync(MqttConnectionState.Disconnected, 1, Wait);
            Task pending = station.PublishAsync("t", "x", MqttQualityOfService.AtLeastOnce);

            await station.DisconnectAsync();
            await broker.RestartAsync();

            await Assert.ThrowsExactlyAsync<MqttNotConnectedException>(() => pending);
            await Assert.ThrowsExactlyAsync<TimeoutException>(() => states.WaitForAsync(MqttConnectionState.Connected, 1, TimeSpan.FromSeconds(1.5)));
            Assert.IsFalse(station.IsConnected);
        }

        [TestMethod]
        public async Task ConnectAsync_CorrectPassword_Connects()
        {
            await using MosquittoBroker broker = await StartWithUserAsync();
            await using var client = new MqttNetMqttClient();

            await client.ConnectAsync(TestClients.Options(broker, "u1", o =>
            {
                o.Username = "station";
                o.Password = "s3cret";
            }));

            Assert.IsTrue(client.IsConnected);
        }

        [TestMethod]
        public async Task ConnectAsync_WrongPassword_ThrowsRefusedException()
        {
            await using MosquittoBroker broker = await StartWithUserAsync();
            await using var client = new MqttNetMqttClient();

            var refused = await Assert.ThrowsExactlyAsync<MqttConnectionRefusedException>(() => client.ConnectAsync(TestClients.Options(broker, "u1", o =>
            {
                o.Username = "station";
                o.Password = "wrong";
            })));

            Assert.AreEqual(MqttConnectReturnCode.NotAuthorized, refused.ReturnCode, refused.Message);
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public async Task ConnectAsync_AnonymousWhenNotAllowed_ThrowsRefusedException()
        {
            await using MosquittoBroker broker = await StartWithUserAsync();
            await using var client = new MqttNetMqttClient();

            var refused = await Assert.ThrowsExactlyAsync<MqttConnectionRefusedException>(() => client.ConnectAsync(TestClients.Options(broker, "anon")));

            Assert.AreEqual(MqttConnectReturnCode.NotAuthorized, refused.ReturnCode, refused.Message);
        }

        private static Task<MosquittoBroker> StartWithUserAsync()
        {
            var options = new MosquittoBrokerOptions { AllowAnonymous = false };
            options.Users["station"] = "s3cret";
            return MosquittoBroker.StartAsync(options);
        }
    }
}
