using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Broker;

/// <summary>The broker of demo and simulate: the embedded MQTTnet broker by default, real clients over loopback.</summary>
[TestClass]
public sealed class BrokerTargetTests
{
    [TestMethod]
    public async Task StartAsync_NoChoice_EmbeddedBrokerDeliversRetainedAndWill()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using BrokerTarget broker = await BrokerTarget.StartAsync(null, cts.Token);
        Assert.IsTrue(broker.IsLocal);
        Assert.AreEqual("127.0.0.1", broker.Address.Host);

        await using IMqttClient station = MqttClientFactory.Create();
        MqttClientOptions stationOptions = broker.CreateClientOptions("station-1");
        stationOptions.Will = new MqttLastWill("cr/v1/st/station-1/state", "{\"online\":false}"u8.ToArray(), MqttQualityOfService.AtLeastOnce, retain: true);
        await station.ConnectAsync(stationOptions, cts.Token);
        await station.PublishAsync("cr/v1/st/station-1/state", "{\"online\":true}", MqttQualityOfService.AtLeastOnce, retain: true, cts.Token);

        await using IMqttClient server = MqttClientFactory.Create();
        var states = new System.Collections.Concurrent.BlockingCollection<string>();
        server.MessageReceived += (_, e) => states.Add(Encoding.UTF8.GetString(e.Message.Payload));
        await server.ConnectAsync(broker.CreateClientOptions("server"), cts.Token);
        await server.SubscribeAsync("cr/v1/st/+/state", MqttQualityOfService.AtLeastOnce, cts.Token);
        Assert.AreEqual("{\"online\":true}", states.Take(cts.Token), "the retained state reaches a later subscriber");

        await station.AbortAsync();
        Assert.AreEqual("{\"online\":false}", states.Take(cts.Token), "a killed station's will is published");
    }

    [TestMethod]
    public async Task StartAsync_UnknownChoice_ThrowsFormatExceptionNamingTheChoices()
    {
        FormatException error = await Assert.ThrowsExactlyAsync<FormatException>(() => BrokerTarget.StartAsync("rabbit", CancellationToken.None));
        StringAssert.Contains(error.Message, "mosquitto");
        Assert.IsFalse(BrokerTarget.IsValid("rabbit"));
        Assert.IsTrue(BrokerTarget.IsValid("mqtt://127.0.0.1:1883"));
    }

    [TestMethod]
    public async Task StartAsync_Url_NamesThatBrokerWithoutStartingOne()
    {
        await using BrokerTarget broker = await BrokerTarget.StartAsync("mqtt://127.0.0.1:1999", CancellationToken.None);
        Assert.IsFalse(broker.IsLocal);
        Assert.AreEqual(1999, broker.Address.Port);
    }
}
