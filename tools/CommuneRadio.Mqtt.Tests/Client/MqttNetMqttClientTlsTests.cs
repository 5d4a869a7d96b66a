using System;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>TLS with a pinned CA (and client certificates) against Mosquitto's TLS listener.</summary>
    [TestClass]
    public sealed class MqttNetMqttClientTlsTests
    {
        [TestMethod]
        public async Task ConnectAsync_TlsWithBrokerCa_PublishesAndReceives()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { EnableTls = true });
            await using var client = new MqttNetMqttClient();
            var inbox = new MessageInbox(client);

            await client.ConnectAsync(broker.CreateClientOptions("tls", useTls: true));
            await client.SubscribeAsync("secure/#", MqttQualityOfService.AtLeastOnce);
            await client.PublishAsync("secure/1", "hello", MqttQualityOfService.AtLeastOnce);

            Assert.AreEqual("hello", (await inbox.WaitForAsync("secure/1")).GetPayloadText());
        }

        [TestMethod]
        public async Task ConnectAsync_TlsWithWrongCa_ThrowsAuthenticationException()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { EnableTls = true });
            using TestCertificateAuthority otherCa = TestCertificateAuthority.Create("Some Other CA");
            MqttClientOptions options = broker.CreateClientOptions("tls", useTls: true);
            options.Tls.CaCertificate = otherCa.Certificate;
            await using var client = new MqttNetMqttClient();

            await Assert.ThrowsExactlyAsync<AuthenticationException>(() => client.ConnectAsync(options));
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public async Task ConnectAsync_TlsTargetHostNotInCertificate_RefusedUnlessAllowed()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { EnableTls = true });
            MqttClientOptions options = broker.CreateClientOptions("tls", useTls: true);
            options.Tls.TargetHost = "station.example";
            await using var strict = new MqttNetMqttClient();
            await Assert.ThrowsExactlyAsync<AuthenticationException>(() => strict.ConnectAsync(options));

            options.Tls.AllowHostnameMismatch = true;
            await using var lenient = new MqttNetMqttClient();
            await lenient.ConnectAsync(options);

            Assert.IsTrue(lenient.IsConnected);
        }

        [TestMethod]
        public async Task ConnectAsync_TlsLocalhostName_MatchesDnsSan()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { EnableTls = true });
            MqttClientOptions options = broker.CreateClientOptions("tls", useTls: true);
            options.Tls.TargetHost = "localhost";
            await using var client = new MqttNetMqttClient();

            await client.ConnectAsync(options);

            Assert.IsTrue(client.IsConnected);
        }

        [TestMethod]
        public async Task ConnectAsync_ClientCertificateRequired_ConnectsOnlyWithCertificate()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { EnableTls = true, RequireClientCertificate = true });
            using X509Certificate2 certificate = broker.CertificateAuthority!.CreateClientCertificate("station-3");
            MqttClientOptions options = broker.CreateClientOptions("station-3", useTls: true);
            options.Tls.ClientCertificate = certificate;
            await using var withCertificate = new MqttNetMqttClient();

            await withCertificate.ConnectAsync(options);
            Assert.IsTrue(withCertificate.IsConnected);

            // Without a certificate the broker ends the handshake; how that surfaces depends on the
            // TLS version (handshake alert, or a reset right after it: a socket error), never as a connection.
            await using var withoutCertificate = new MqttNetMqttClient();
            Exception error = await Assert.ThrowsAsync<Exception>(() => withoutCertificate.ConnectAsync(broker.CreateClientOptions("anon", useTls: true)));
            Assert.IsTrue(error is AuthenticationException or System.IO.IOException or System.Net.Sockets.SocketException or MqttException, error.ToString());
            Assert.IsFalse(withoutCertificate.IsConnected);
        }
    }
}
