using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.TestSupport;

/// <summary>
/// A federated fleet on loopback, as <c>radioctl broker --national</c> and <c>--province P</c> generate it: a national
/// Mosquitto and one per province (TLS, passwords, ACLs, persistent sessions), each province bridged to the national
/// broker through its own <see cref="TcpLink"/> so one uplink can be cut; the fleet's stations on their province's
/// broker, and a national sender (<see cref="FleetObserver"/> logged in as the national issuer). A missing mosquitto
/// fails the test.
/// </summary>
internal sealed class Federation : IAsyncDisposable
{
    private readonly string _root;
    private readonly List<X509Certificate2> _cas = new();

    private Federation(FleetFile fleet, string root)
    {
        Fleet = fleet;
        _root = root;
    }

    public FleetFile Fleet { get; }

    public MosquittoBroker National { get; private set; } = null!;

    public Dictionary<string, MosquittoBroker> Provinces { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TcpLink> Links { get; } = new(StringComparer.Ordinal);

    public SimulatedFleet Stations { get; private set; } = null!;

    /// <summary>The national issuer's observer on the national broker: sends, and sees every result that comes up.</summary>
    public FleetObserver Sender { get; private set; } = null!;

    public string NationalDirectory => Path.Combine(_root, "national");

    public string ProvinceDirectory(string province) => Path.Combine(_root, province);

    public static async Task<Federation> StartAsync(FleetFile fleet, BridgeTiming timing, CancellationToken ct, Action<FleetStation, SimulatedStationOptions>? configure = null)
    {
        var federation = new Federation(fleet, Directory.CreateTempSubdirectory("radioctl-tests-federation-").FullName);
        try
        {
            federation.National = await FederatedBroker.StartNationalAsync(fleet, null, federation.NationalDirectory, ct);
            foreach (string province in FleetFederation.Provinces(fleet))
            {
                var link = new TcpLink(federation.National.TlsPort!.Value);
                federation.Links[province] = link;
                BridgeLink handOver = BridgeLink.Load(FederatedBroker.LinkPath(federation.NationalDirectory, province));
                handOver.Address = $"mqtts://127.0.0.1:{link.Port}";
                federation.Provinces[province] = await FederatedBroker.StartProvincialAsync(fleet, province, handOver, null, federation.ProvinceDirectory(province), timing, ct);
            }

            federation.Sender = new FleetObserver(fleet.Prefix);
            await federation.Sender.StartAsync(federation.NationalClient(FleetGenerator.NationalIssuer, "test-national-sender"), ct);
            await federation.WaitBridgesAsync(TimeSpan.FromSeconds(20), ct);
            federation.Stations = new SimulatedFleet(fleet, s => federation.ProvinceClient(s.Province, s.Id), configure: configure);
            await federation.Stations.StartAsync(cancellationToken: ct);
            await federation.WaitAsync(o => fleet.Stations.All(s => o.Online.GetValueOrDefault(s.Id)), TimeSpan.FromSeconds(20), "every station online, seen at the national broker", ct);
            return federation;
        }
        catch
        {
            await federation.DisposeAsync();
            throw;
        }
    }

    public string[] StationsOf(string province) => Fleet.Stations.Where(s => s.Province == province).Select(s => s.Id).ToArray();

    /// <summary>Client options for <paramref name="user"/> on the national broker (TLS against its CA, its password).</summary>
    public MqttClientOptions NationalClient(string user, string? clientId = null) => Client(NationalDirectory, National, user, clientId);

    /// <summary>Client options for <paramref name="user"/> on a provincial broker.</summary>
    public MqttClientOptions ProvinceClient(string province, string user, string? clientId = null) =>
        Client(ProvinceDirectory(province), Provinces[province], user, clientId);

    /// <summary>Waits until every province's bridge says it is connected (its retained notification at the national broker is "1").</summary>
    public Task WaitBridgesAsync(TimeSpan timeout, CancellationToken ct) => WaitBridgeStatesAsync(FleetFederation.Provinces(Fleet), true, timeout, ct);

    /// <summary>
    /// Waits until the national broker shows each of <paramref name="provinces"/> bridged ("1") or lost ("0": the will
    /// of the bridge's connection, published when the national broker sees it go).
    /// </summary>
    public async Task WaitBridgeStatesAsync(IReadOnlyList<string> provinces, bool connected, TimeSpan timeout, CancellationToken ct)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using IMqttClient watcher = MqttClientFactory.Create();
        watcher.MessageReceived += (_, e) =>
        {
            lock (state)
            {
                state[e.Message.Topic] = e.Message.Payload.Length == 1 && e.Message.Payload[0] == (byte)'1';
                if (provinces.All(p => state.TryGetValue(FleetFederation.NotificationTopic(p), out bool up) && up == connected))
                {
                    all.TrySetResult();
                }
            }
        };
        await watcher.ConnectAsync(NationalClient(FleetGenerator.NationalIssuer, "test-bridge-watcher-" + Guid.NewGuid().ToString("N")[..8]), ct);
        await watcher.SubscribeAsync(new[] { new MqttTopicSubscription("$SYS/broker/connection/+/state", MqttQualityOfService.AtLeastOnce) }, ct);
        try
        {
            await all.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            lock (state)
            {
                Assert.Fail($"bridges of {string.Join(", ", provinces)} not {(connected ? "connected" : "lost")} within {timeout.TotalSeconds} s: {string.Join(", ", state.Select(kv => kv.Key + "=" + kv.Value))}{Environment.NewLine}{string.Join(Environment.NewLine, Provinces.Select(p => p.Key + ": " + Tail(p.Value.ReadLog())))}");
            }
        }
    }

    public async Task WaitAsync(Func<FleetObserver, bool> condition, TimeSpan timeout, string what, CancellationToken ct)
    {
        if (!await Sender.WaitUntilAsync(condition, timeout, ct))
        {
            Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting for: {what}");
        }
    }

    // Every broker is killed even when something before it throws: a leaked mosquitto outlives the test run.
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Stations is not null)
            {
                await Stations.DisposeAsync();
            }

            if (Sender is not null)
            {
                await Sender.DisposeAsync();
            }

            foreach (TcpLink link in Links.Values)
            {
                await link.DisposeAsync();
            }
        }
        finally
        {
            foreach (MosquittoBroker broker in Provinces.Values)
            {
                broker.Dispose();
            }

            National?.Dispose();
            foreach (X509Certificate2 ca in _cas)
            {
                ca.Dispose();
            }

            Directory.Delete(_root, true);
        }
    }

    private static string Tail(string log) => log.Length > 1500 ? log[^1500..] : log;

    private MqttClientOptions Client(string directory, MosquittoBroker broker, string user, string? clientId)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, "ca.pem")));
        lock (_cas)
        {
            _cas.Add(ca);
        }

        return new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.TlsPort!.Value,
            ClientId = clientId ?? user,
            Username = user,
            Password = FleetCredentials.Load(Path.Combine(directory, FleetCredentials.FileName))[user],
            Tls = new MqttTlsOptions { Enabled = true, CaCertificate = ca },
        };
    }

    /// <summary>
    /// Publishes a command to g/vn at the national broker as the per-province copies it must be sent as (stations hold
    /// per-province keys); returns the first copy (every copy has its id).
    /// </summary>
    public async Task<SignedCommand> PublishNationalAsync(CommandIssuer national, string cmd, string args, CancellationToken ct)
    {
        IReadOnlyList<AddressedCommand> copies = national.CreateAll("g/vn", cmd, args);
        foreach (AddressedCommand copy in copies)
        {
            await Sender.PublishAsync(copy.Command, ct);
        }

        return copies[0].Command;
    }
}
