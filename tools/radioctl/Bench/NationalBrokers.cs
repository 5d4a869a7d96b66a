using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Bench;

/// <summary>The brokers of <c>bench national</c>: the national one and one per province, all stopped together.</summary>
public sealed class NationalBrokers : IAsyncDisposable
{
    /// <summary>The national broker (plain listener for senders, TLS listener for bridges).</summary>
    public BenchBroker National { get; set; } = null!;

    /// <summary>Provincial brokers by province slug.</summary>
    public Dictionary<string, BenchBroker> Provinces { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits until the national broker holds a retained "1" on every province's bridge notification topic; throws
    /// <see cref="TimeoutException"/> after 30 s naming the provinces still missing.
    /// </summary>
    public async Task WaitBridgesAsync(IReadOnlyList<string> provinces, CancellationToken ct)
    {
        var up = new HashSet<string>(StringComparer.Ordinal);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using IMqttClient watcher = MqttClientFactory.Create();
        watcher.MessageReceived += (_, e) =>
        {
            lock (up)
            {
                if (e.Message.Payload.Length == 1 && e.Message.Payload[0] == (byte)'1')
                {
                    up.Add(e.Message.Topic);
                }

                if (provinces.All(p => up.Contains(FleetFederation.NotificationTopic(p))))
                {
                    all.TrySetResult();
                }
            }
        };
        await watcher.ConnectAsync(National.Mosquitto.CreateClientOptions("bench-bridge-watcher"), ct).ConfigureAwait(false);
        await watcher.SubscribeAsync(new[] { new MqttTopicSubscription("$SYS/broker/connection/+/state", MqttQualityOfService.AtLeastOnce) }, ct).ConfigureAwait(false);
        try
        {
            await all.Task.WaitAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (up)
            {
                throw new TimeoutException($"bridges not connected within 30 s: {string.Join(", ", provinces.Where(p => !up.Contains(FleetFederation.NotificationTopic(p))))}");
            }
        }
    }

    /// <summary>Kills every broker and removes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (BenchBroker broker in Provinces.Values)
        {
            await broker.DisposeAsync().ConfigureAwait(false);
        }

        if (National is not null)
        {
            await National.DisposeAsync().ConfigureAwait(false);
        }
    }
}
