using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt.Client;
using CommuneRadio.Mqtt.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    /// <summary>Many connections in one process: async I/O only, so the thread count stays flat.</summary>
    [TestClass]
    public sealed class MqttNetMqttClientScaleTests
    {
        private const int ClientCount = 1000;
        private const int MaxThreads = 100;

        [TestMethod]
        public async Task ConnectAsync_ThousandClients_AllReceiveBroadcastWithFewThreads()
        {
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
            var clients = new MqttNetMqttClient[ClientCount];
            var received = new TaskCompletionSource[ClientCount];
            var stopwatch = Stopwatch.StartNew();
            try
            {
                // At most 100 handshakes at once: the broker's listen backlog is finite and a SYN
                // dropped by a full backlog costs a one-second retransmission.
                using var gate = new SemaphoreSlim(100);
                await Task.WhenAll(Enumerable.Range(0, ClientCount).Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        received[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        var client = new MqttNetMqttClient();
                        TaskCompletionSource done = received[i];
                        client.MessageReceived += (_, e) => done.TrySetResult();
                        clients[i] = client;
                        await client.ConnectAsync(TestClients.Options(broker, $"station-{i:D4}"));
                        await client.SubscribeAsync("commune/broadcast");
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).WaitAsync(TimeSpan.FromSeconds(60));
                TimeSpan connectTime = stopwatch.Elapsed;

                await clients[0].PublishAsync("commune/broadcast", "all stations: test", MqttQualityOfService.AtLeastOnce);
                await Task.WhenAll(received.Select(r => r.Task)).WaitAsync(TimeSpan.FromSeconds(30));

                using Process self = Process.GetCurrentProcess();
                int threads = self.Threads.Count;
                Assert.IsTrue(clients.All(c => c.IsConnected));
                Assert.IsLessThan(MaxThreads, threads, $"{threads} threads for {ClientCount} connections (connected in {connectTime.TotalSeconds:F1} s)");
            }
            finally
            {
                await Task.WhenAll(clients.Where(c => c is not null).Select(c => c.AbortAsync()));
            }
        }
    }
}
