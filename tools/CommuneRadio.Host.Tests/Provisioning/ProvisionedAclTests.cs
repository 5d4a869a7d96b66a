using System.Threading.Tasks;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

/// <summary>
/// The generated credentials and ACL in a real Mosquitto (127.0.0.1, anonymous off). Mosquitto 2.0.11 grants a
/// subscription its ACL denies and filters at delivery, and acknowledges a denied QoS 1 publish without
/// delivering it, so every test asserts non-delivery: the forbidden message is published (and acknowledged)
/// first, then an allowed control message to the same subscriber; once the control arrives, the forbidden one
/// would have arrived before it (Mosquitto handles messages in order).
/// </summary>
[TestClass]
public sealed class ProvisionedAclTests
{
    [TestMethod]
    public async Task StationA_SubscribedToStationBCommands_ReceivesOnlyItsOwn()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync();
        string p = live.Prefix;
        ProvisionedBroker.Probe a = await live.ConnectAsync("ht-ab-001", $"{p}/st/ht-ab-001/cmd", $"{p}/st/ht-ab-002/cmd", $"{p}/st/+/cmd");
        ProvisionedBroker.Probe b = await live.ConnectAsync("ht-ab-002", $"{p}/st/ht-ab-002/cmd");
        ProvisionedBroker.Probe national = await live.ConnectAsync("vn");

        await national.PublishAsync($"{p}/st/ht-ab-002/cmd", "for-b");
        await national.PublishAsync($"{p}/st/ht-ab-001/cmd", "for-a");

        await a.WaitForAsync("for-a");
        await b.WaitForAsync("for-b");
        Assert.IsFalse(a.Got("for-b"), "station A read station B's command");
    }

    [TestMethod]
    public async Task StationA_PublishesAsStationB_NotDelivered()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync();
        string p = live.Prefix;
        ProvisionedBroker.Probe server = await live.ConnectAsync("vn", $"{p}/st/+/result", $"{p}/st/+/state", $"{p}/st/+/config");
        ProvisionedBroker.Probe b = await live.ConnectAsync("ht-ab-002", $"{p}/st/ht-ab-002/cmd");
        ProvisionedBroker.Probe a = await live.ConnectAsync("ht-ab-001");

        await a.PublishAsync($"{p}/st/ht-ab-002/result", "forged-result");
        await a.PublishAsync($"{p}/st/ht-ab-002/state", "forged-state");
        await a.PublishAsync($"{p}/st/ht-ab-002/cmd", "forged-command");
        await a.PublishAsync($"{p}/st/ht-ab-001/config", "a-config");
        await b.PublishAsync($"{p}/st/ht-ab-002/result", "b-result");

        await server.WaitForAsync("a-config");
        await server.WaitForAsync("b-result");
        Assert.IsFalse(server.Got("forged-result"), "A published a result as B");
        Assert.IsFalse(server.Got("forged-state"), "A published B's state");
        await Task.Delay(200);
        Assert.IsFalse(b.Got("forged-command"), "a station published a command");
    }

    [TestMethod]
    public async Task CommuneOperator_PublishesToAnotherCommune_NotDelivered()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync();
        string p = live.Prefix;
        ProvisionedBroker.Probe kyAnhStation = await live.ConnectAsync("ht-ka-001", $"{p}/g/com.ha-tinh.ky-anh/cmd", $"{p}/st/ht-ka-001/cmd");
        ProvisionedBroker.Probe anBinhStation = await live.ConnectAsync("ht-ab-001", $"{p}/g/com.ha-tinh.an-binh/cmd", $"{p}/st/ht-ab-001/cmd");
        ProvisionedBroker.Probe anBinh = await live.ConnectAsync("com.ha-tinh.an-binh");
        ProvisionedBroker.Probe kyAnh = await live.ConnectAsync("com.ha-tinh.ky-anh");

        await anBinh.PublishAsync($"{p}/g/com.ha-tinh.ky-anh/cmd", "foreign-group");
        await anBinh.PublishAsync($"{p}/st/ht-ka-001/cmd", "foreign-station");
        await anBinh.PublishAsync($"{p}/g/prov.ha-tinh/cmd", "province-group");
        await kyAnh.PublishAsync($"{p}/g/com.ha-tinh.ky-anh/cmd", "own-group");
        await anBinh.PublishAsync($"{p}/st/ht-ab-001/cmd", "own-station");

        await kyAnhStation.WaitForAsync("own-group");
        await anBinhStation.WaitForAsync("own-station");
        Assert.IsFalse(kyAnhStation.Got("foreign-group"), "An Binh's operator reached Ky Anh's group");
        Assert.IsFalse(kyAnhStation.Got("foreign-station"), "An Binh's operator reached a Ky Anh station");
    }

    [TestMethod]
    public async Task StationIssuer_PublishesToAnotherStationOrItsGroup_NotDelivered()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync();
        string p = live.Prefix;
        ProvisionedBroker.Probe b = await live.ConnectAsync("ht-ab-002", $"{p}/st/ht-ab-002/cmd", $"{p}/g/com.ha-tinh.an-binh/cmd");
        ProvisionedBroker.Probe a = await live.ConnectAsync("ht-ab-001", $"{p}/st/ht-ab-001/cmd");
        ProvisionedBroker.Probe engineer = await live.ConnectAsync("st.ht-ab-001");

        await engineer.PublishAsync($"{p}/st/ht-ab-002/cmd", "other-station");
        await engineer.PublishAsync($"{p}/g/com.ha-tinh.an-binh/cmd", "whole-commune");
        await engineer.PublishAsync($"{p}/st/ht-ab-001/cmd", "own-station");

        await a.WaitForAsync("own-station");
        await Task.Delay(200);
        Assert.IsFalse(b.Got("other-station"));
        Assert.IsFalse(b.Got("whole-commune"));
    }

    [TestMethod]
    public async Task HashedPasswordFile_RightPasswordConnectsWrongIsRefused()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync(hashedPasswordFile: true);
        string p = live.Prefix;
        ProvisionedBroker.Probe a = await live.ConnectAsync("ht-ab-001", $"{p}/st/ht-ab-001/cmd");
        ProvisionedBroker.Probe national = await live.ConnectAsync("vn");

        await national.PublishAsync($"{p}/st/ht-ab-001/cmd", "hello");
        await a.WaitForAsync("hello");

        await using var intruder = MqttClientFactory.Create();
        await Assert.ThrowsAsync<MqttConnectionRefusedException>(() => intruder.ConnectAsync(live.Login("ht-ab-001", "not-the-password")));
    }
}
