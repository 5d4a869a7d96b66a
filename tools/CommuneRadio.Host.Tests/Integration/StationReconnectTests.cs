using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>
/// A simulated station losing a real Mosquitto: it must back off by the runtime's ReconnectPolicy (as the device does)
/// and publish its retained configuration report again once back. While the broker is down a plain TCP listener on its
/// port counts the station's connection attempts (it accepts and closes each, so an attempt fails at once).
/// </summary>
[TestClass]
public sealed class StationReconnectTests
{
    [TestMethod]
    public async Task BrokerKilled_StationBacksOffByReconnectPolicy_ThenRepublishesRetainedConfigReport()
    {
        await using LiveFleet live = await LiveFleet.StartAsync(1, startStations: false, recordClients: true);
        await live.StartStationsAsync();
        SimulatedStation station = live.Stations.Stations[0];
        RecordingMqttClient client = live.Recorders[station.Id];
        string configTopic = $"{live.Fleet.Prefix}/st/{station.Id}/config";
        var reports = new ReportWatcher(configTopic);
        await reports.StartAsync(live.Broker.CreateClientOptions("test-config-watcher"));
        Assert.IsTrue(await reports.WaitForAsync(1, TimeSpan.FromSeconds(5)), "no retained config report after the first connect");
        Assert.IsTrue(reports.FirstRetained, "a subscriber arriving later gets the report retained");

        int requested = station.Runtime.Attempts;
        int before = client.Snapshot(client.AttemptStarts).Length;
        long kill = Stopwatch.GetTimestamp();
        client.Origin = kill;
        await live.Broker.StopAsync();
        List<double> network = await CountAttemptsAsync(live.Broker.Port, station.Id, kill, TimeSpan.FromSeconds(12));
        double[] lost = client.Snapshot(client.Losses);
        double[] starts = client.Snapshot(client.AttemptStarts).Skip(before).ToArray();
        double[] failed = client.Snapshot(client.FailedAttemptEnds);
        Console.WriteLine($"lost at {Ms(lost)}; attempts at {Ms(starts)} (listener: {Ms(network)}); failed at {Ms(failed)} ms after the kill");

        // The backoff is counted from the moment the runtime sees the loss or the failure, at its next 250 ms pass:
        // after the n-th failure the next attempt waits 1 s to min(5 min, 2^n s) (ReconnectPolicy 1 s – 5 min).
        Assert.AreEqual(1, lost.Length, "one loss");
        Assert.IsTrue(starts.Length >= 2, $"only {starts.Length} attempts in 12 s");
        for (int n = 1; n <= starts.Length; n++)
        {
            double from = n == 1 ? lost[0] : failed[n - 2];
            double wait = starts[n - 1] - from;
            double cap = Math.Min(300_000, 1000 << Math.Min(n, 20));
            Assert.IsTrue(wait >= 1000 && wait <= cap + 300, $"attempt {n}: {wait:F0} ms after the previous failure; the policy allows 1000–{cap} (+ one pass)");
        }

        // One network connection per runtime request: the client does not reconnect on its own.
        Assert.AreEqual(station.Runtime.Attempts - requested, starts.Length);
        Assert.IsTrue(network.Count == starts.Length || network.Count == starts.Length - 1, $"the listener saw {network.Count} of {starts.Length} attempts");
        Assert.IsFalse(station.Endpoint.Connected, "marked disconnected while the broker is away");

        await live.Broker.RestartAsync();
        Assert.IsTrue(await reports.WaitForAsync(2, TimeSpan.FromSeconds(40)), "no config report after the reconnect");
        Assert.IsTrue(station.Endpoint.Connected);
        Assert.AreEqual(1L, station.View().Reconnects);
        await reports.DisposeAsync();
    }

    private static string Ms(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));

    // Milliseconds from the kill to each connection whose CONNECT names the station (the test's own observers
    // reconnect by themselves too). The CONNECT packet follows the TCP handshake at once; its client id is plain text.
    private static async Task<List<double>> CountAttemptsAsync(int port, string clientId, long kill, TimeSpan window)
    {
        byte[] id = System.Text.Encoding.UTF8.GetBytes(clientId);
        var times = new List<double>();
        var checks = new List<Task>();
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        using var stop = new CancellationTokenSource(window - Stopwatch.GetElapsedTime(kill));
        try
        {
            while (true)
            {
                Socket s = await listener.AcceptSocketAsync(stop.Token);
                double at = Stopwatch.GetElapsedTime(kill).TotalMilliseconds;

                // Checked beside the accept loop: another client's CONNECT must not delay the next accept.
                checks.Add(Task.Run(async () =>
                {
                    using (s)
                    {
                        if (await NamesAsync(s, id))
                        {
                            lock (times)
                            {
                                times.Add(at);
                            }
                        }
                    }
                }));
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            listener.Stop();
        }

        await Task.WhenAll(checks);
        times.Sort();
        return times;
    }

    private static async Task<bool> NamesAsync(Socket socket, byte[] id)
    {
        var buffer = new byte[512];
        int length = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            while (length < buffer.Length && buffer.AsSpan(0, length).IndexOf(id) < 0)
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, timeout.Token);
                if (n == 0)
                {
                    break;
                }

                length += n;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
        }

        return buffer.AsSpan(0, length).IndexOf(id) >= 0;
    }

    // Counts the messages on one topic and whether the first came retained.
    private sealed class ReportWatcher : IAsyncDisposable
    {
        private readonly string _topic;
        private readonly IMqttClient _client = MqttClientFactory.Create();
        private int _count;

        public ReportWatcher(string topic) => _topic = topic;

        public bool FirstRetained { get; private set; }

        public async Task StartAsync(MqttClientOptions options)
        {
            _client.MessageReceived += (_, e) =>
            {
                if (e.Message.Topic == _topic && Interlocked.Increment(ref _count) == 1)
                {
                    FirstRetained = e.Message.Retain;
                }
            };
            await _client.ConnectAsync(options);
            await _client.SubscribeAsync(_topic, MqttQualityOfService.AtLeastOnce);
        }

        public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref _count) < count && clock.Elapsed < timeout)
            {
                await Task.Delay(50);
            }

            return Volatile.Read(ref _count) >= count;
        }

        public ValueTask DisposeAsync() => _client.DisposeAsync();
    }
}
