using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary>
/// radioctl never publishes a command retained (protocol §1), checked on a real Mosquitto: after commands to a group,
/// to stations directly (a key that reaches the members but not the group) and to one station, a client that
/// subscribes afresh to every topic gets the stations' retained state and config, and no retained command. (A live
/// subscriber cannot tell: MQTT 3.1.1 clears the retain flag on delivery to an established subscription.)
/// </summary>
[TestClass]
public sealed class RetainedCommandTests
{
    [TestMethod]
    public async Task Commands_GroupSplitAndStation_NothingRetainedOnCommandTopics()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        string station = live.AnBinh[0];
        foreach (string[] args in new[]
        {
            new[] { "status", "--commune", "an-binh" },
            new[] { "status", "--commune", "an-binh", "--as", "prov.ha-tinh" },
            new[] { "play", "--duration", "3s", "--station", station },
            new[] { "stop", "--station", station },
        })
        {
            CliRun run = await live.Workspace.RunAsync(args);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
        }

        await using IMqttClient fresh = MqttClientFactory.Create();
        var retained = new ConcurrentQueue<string>();
        fresh.MessageReceived += (_, e) =>
        {
            if (e.Message.Retain)
            {
                retained.Enqueue(e.Message.Topic);
            }
        };
        await fresh.ConnectAsync(live.Broker.CreateClientOptions("retained-probe"));
        await fresh.SubscribeAsync(live.Fleet.Prefix + "/#", MqttQualityOfService.AtLeastOnce);
        DateTime deadline = DateTime.UtcNow.AddSeconds(5);
        while (retained.Count(t => t.EndsWith("/state", StringComparison.Ordinal)) < live.Fleet.Stations.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(300);
        Assert.AreEqual(live.Fleet.Stations.Count, retained.Count(t => t.EndsWith("/state", StringComparison.Ordinal)), "the probe did not get the retained states: " + string.Join(", ", retained));
        string[] commands = retained.Where(t => t.EndsWith("/cmd", StringComparison.Ordinal)).ToArray();
        Assert.AreEqual(0, commands.Length, "retained commands left on the broker: " + string.Join(", ", commands));
    }
}
