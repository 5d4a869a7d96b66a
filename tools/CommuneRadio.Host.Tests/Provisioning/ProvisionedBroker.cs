using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using CommuneRadio.Mqtt;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

/// <summary>
/// A provisioning directory (three stations, two communes of Ha Tinh, or another inventory) and a real Mosquitto on a free loopback port
/// with exactly its credentials, ACL and limits, anonymous access off. <see cref="ConnectAsync"/> logs in as a station or
/// an issuer and records what it receives. A missing mosquitto fails the test.
/// </summary>
internal sealed class ProvisionedBroker : IAsyncDisposable
{
    private readonly List<Probe> _probes = new();

    private ProvisionedBroker(string directory, MosquittoBroker broker)
    {
        Directory = directory;
        Broker = broker;
        Layout = new ProvisionLayout(directory);
        Fleet = FleetFile.Load(Layout.Fleet);
        Credentials = FleetCredentials.Load(Layout.Credentials);
    }

    public string Directory { get; }

    public MosquittoBroker Broker { get; }

    public ProvisionLayout Layout { get; }

    public FleetFile Fleet { get; }

    public Dictionary<string, string> Credentials { get; }

    public string Prefix => Fleet.Prefix;

    /// <summary>Provisions, then starts Mosquitto with the generated users and ACL (or the hashed password file).</summary>
    public static async Task<ProvisionedBroker> StartAsync(bool hashedPasswordFile = false, string? inventory = null)
    {
        string directory = ProvisionTestData.NewDirectory();
        Provisioner.Run(new ProvisionOptions { InventoryText = inventory ?? ProvisionTestData.ThreeStations(), Directory = directory });
        var layout = new ProvisionLayout(directory);
        var options = new MosquittoBrokerOptions
        {
            AllowAnonymous = false,
            AclFileContent = File.ReadAllText(layout.MosquittoAcl),
            ExtraConfiguration = File.ReadAllText(layout.MosquittoLimits),
        };
        if (hashedPasswordFile)
        {
            options.ExtraConfiguration += "password_file " + layout.MosquittoPasswords + "\n";
        }
        else
        {
            foreach (KeyValuePair<string, string> user in FleetCredentials.Load(layout.Credentials))
            {
                options.Users.Add(user.Key, user.Value);
            }
        }

        MosquittoBroker broker = await MosquittoBroker.StartAsync(options);
        return new ProvisionedBroker(directory, broker);
    }

    /// <summary>Client options for <paramref name="user"/> with the given (default: its provisioned) password.</summary>
    public MqttClientOptions Login(string user, string? password = null)
    {
        MqttClientOptions options = Broker.CreateClientOptions(user + "-" + Guid.NewGuid().ToString("N")[..6]);
        options.Username = user;
        options.Password = password ?? Credentials[user];
        options.Reconnect.Enabled = false;
        return options;
    }

    /// <summary>Connects as <paramref name="user"/> and subscribes to <paramref name="filters"/> (QoS 1).</summary>
    public Task<Probe> ConnectAsync(string user, params string[] filters) => ConnectWithAsync(user, Credentials[user], filters);

    /// <summary>Connects as <paramref name="user"/> with <paramref name="password"/> (e.g. from a role's credentials file) and subscribes.</summary>
    public async Task<Probe> ConnectWithAsync(string user, string password, params string[] filters)
    {
        var probe = new Probe(user);
        await probe.Client.ConnectAsync(Login(user, password));
        foreach (string filter in filters)
        {
            await probe.Client.SubscribeAsync(filter, MqttQualityOfService.AtLeastOnce);
        }

        _probes.Add(probe);
        return probe;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (Probe probe in _probes)
        {
            await probe.Client.DisposeAsync();
        }

        Broker.Dispose();
        ProvisionTestData.Delete(Directory);
    }

    /// <summary>One logged-in client and the messages it received.</summary>
    internal sealed class Probe
    {
        public Probe(string user)
        {
            User = user;
            Client.MessageReceived += (_, e) => Received.Enqueue((e.Message.Topic, e.Message.GetPayloadText()));
        }

        public string User { get; }

        public IMqttClient Client { get; } = MqttClientFactory.Create();

        public ConcurrentQueue<(string Topic, string Payload)> Received { get; } = new();

        public bool Got(string payload) => Received.Any(m => m.Payload == payload);

        /// <summary>Publishes at QoS 1: the broker has handled it (delivered or dropped by the ACL) when this returns.</summary>
        public Task PublishAsync(string topic, string payload) =>
            Client.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce);

        public async Task WaitForAsync(string payload)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(5);
            while (!Got(payload))
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"{User} did not receive '{payload}'; received: {string.Join(", ", Received.Select(m => m.Topic + " " + m.Payload))}");
                }

                await Task.Delay(20);
            }
        }
    }
}
