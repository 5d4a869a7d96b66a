using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mosquitto.Tests
{
    [TestClass]
    public sealed class MosquittoBrokerTests
    {
        [TestMethod]
        public async Task StartAsync_Default_ListensOnLoopbackOnlyAndStopsOnDispose()
        {
            MosquittoBroker broker = await MosquittoBroker.StartAsync();
            int port = broker.Port;
            string directory = broker.WorkingDirectory;

            Assert.IsTrue(broker.IsRunning);
            Assert.IsTrue(await CanConnectAsync(port));
            StringAssert.Contains(File.ReadAllText(broker.ConfigurationPath), $"listener {port} 127.0.0.1");
            Assert.IsNull(broker.TlsPort);

            broker.Dispose();

            Assert.IsFalse(broker.IsRunning);
            Assert.IsFalse(await CanConnectAsync(port));
            Assert.IsFalse(Directory.Exists(directory));
        }

        [TestMethod]
        public async Task StartAsync_WithTls_WritesPemFilesIssuedByCa()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { EnableTls = true });

            Assert.IsNotNull(broker.TlsPort);
            Assert.AreNotEqual(broker.Port, broker.TlsPort);
            using X509Certificate2 server = X509Certificate2.CreateFromPemFile(Path.Combine(broker.WorkingDirectory, "server.pem"), Path.Combine(broker.WorkingDirectory, "server.key"));
            Assert.AreEqual(broker.CertificateAuthority!.Certificate.Subject, server.Issuer);
            Assert.IsTrue(server.MatchesHostname("127.0.0.1"));
            Assert.IsTrue(server.MatchesHostname("localhost"));
        }

        [TestMethod]
        public async Task RestartAsync_AfterStop_ListensOnSamePort()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            int port = broker.Port;

            await broker.StopAsync();
            Assert.IsFalse(await CanConnectAsync(port));
            await broker.RestartAsync();

            Assert.AreEqual(port, broker.Port);
            Assert.IsTrue(await CanConnectAsync(port));
        }

        [TestMethod]
        public async Task StartAsync_BadExtraConfiguration_ThrowsWithLog()
        {
            var options = new MosquittoBrokerOptions { ExtraConfiguration = "this_is_not_an_option 1" };

            var error = await Assert.ThrowsExactlyAsync<MosquittoStartException>(() => MosquittoBroker.StartAsync(options));

            StringAssert.Contains(error.Message, "this_is_not_an_option");
        }

        [TestMethod]
        public void FindExecutable_Missing_ThrowsFileNotFoundWithInstallHint()
        {
            var error = Assert.ThrowsExactly<FileNotFoundException>(() => MosquittoBroker.FindExecutable("no-such-mosquitto-binary", "/nonexistent"));

            StringAssert.Contains(error.Message, "apt-get install mosquitto");
        }

        private static async Task<bool> CanConnectAsync(int port)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
