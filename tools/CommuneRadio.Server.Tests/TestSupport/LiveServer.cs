using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mosquitto;
using CommuneRadio.Server.Auth;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.TestSupport;

/// <summary>
/// A Mosquitto on a free loopback port (unlimited queue per session, so a burst to a dead server waits there),
/// a generated fleet of one province and two communes running as simulated stations, and the fleet server on a
/// free HTTP port over a new database (SQLite in a temporary directory, or PostgreSQL on the run's temporary cluster),
/// with one token per role (two communes). A missing mosquitto fails the test.
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly List<HttpClient> _clients = new();

    private LiveServer(MosquittoBroker broker, FleetFile fleet, TestDatabase database)
    {
        Broker = broker;
        Fleet = fleet;
        Database = database;
        Stations = new SimulatedFleet(fleet, _ => broker.CreateClientOptions());
    }

    public MosquittoBroker Broker { get; }

    public FleetFile Fleet { get; }

    public TestDatabase Database { get; }

    public SimulatedFleet Stations { get; }

    public FleetServer Server { get; private set; } = null!;

    public TokenFile Tokens { get; } = new();

    public FleetIssuer CommuneA => Fleet.Issuers.Where(i => i.Level == "commune").OrderBy(i => i.Name, StringComparer.Ordinal).First();

    public FleetIssuer CommuneB => Fleet.Issuers.Where(i => i.Level == "commune").OrderBy(i => i.Name, StringComparer.Ordinal).Last();

    public FleetIssuer Province => Fleet.Issuers.First(i => i.Level == "province");

    /// <summary>Starts broker, server (on a new database of kind <paramref name="database"/>: sqlite or postgresql) and stations.</summary>
    /// <param name="stations">Stations of the generated fleet (two communes of one province).</param>
    /// <param name="startStations">Whether to start them and wait until the server has them online.</param>
    /// <param name="database">sqlite or postgresql.</param>
    /// <param name="configure">Changes to the generated fleet file before anything starts (names, coordinates).</param>
    public static async Task<LiveServer> StartAsync(int stations = 4, bool startStations = true, string database = "sqlite", Action<FleetFile>? configure = null)
    {
        TestDatabase db = await TestDatabase.CreateAsync(database);
        MosquittoBroker broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { ExtraConfiguration = "max_queued_messages 0\nmax_inflight_messages 100" });
        FleetFile fleet = FleetGenerator.Generate(stations, communes: 2, provinces: 1, broker: $"mqtt://127.0.0.1:{broker.Port}");
        configure?.Invoke(fleet);
        var live = new LiveServer(broker, fleet, db);
        live.AddToken("national", ApiToken.National, "vn");
        live.AddToken("province", ApiToken.Province, live.Province.Name);
        live.AddToken("commune-a", ApiToken.Commune, live.CommuneA.Name);
        live.AddToken("commune-b", ApiToken.Commune, live.CommuneB.Name);
        // An engineer whose district is commune A's stations (the generated fleet has no district groups).
        live.AddToken("district-a", ApiToken.District, live.CommuneA.Name);
        await live.StartServerAsync();
        if (startStations)
        {
            await live.Stations.StartAsync();
            await live.WaitAsync(async () => (await live.StationsAsync("national")).Count(s => s.GetProperty("online").ValueKind == JsonValueKind.True) == stations, "every station online in the server's database");
        }

        return live;
    }

    public async Task StartServerAsync()
    {
        var options = new FleetServerOptions
        {
            Fleet = Fleet,
            Keyring = KeyringFile.From(Fleet.Issuers),
            Tokens = Tokens,
            Broker = Broker.CreateClientOptions(),
            ClientId = "test-fleet-server",
            Url = "http://127.0.0.1:0",
        };
        Database.Apply(options);
        Server = await FleetServer.StartAsync(options);
    }

    /// <summary>The secret of one of the tokens made at start (national, province, commune-a, commune-b, district-a).</summary>
    public string Secret(string token) => _secrets[token];

    public HttpClient Http(string? token)
    {
        var client = new HttpClient { BaseAddress = Server.Address, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _secrets[token]);
        }

        _clients.Add(client);
        return client;
    }

    public async Task<List<JsonElement>> StationsAsync(string token) =>
        (await Http(token).GetFromJsonAsync<List<JsonElement>>("/api/stations"))!;

    public async Task<List<JsonElement>> EventsAsync(string token, string query = "") =>
        (await Http(token).GetFromJsonAsync<List<JsonElement>>("/api/events" + query))!;

    public async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"timed out after {seconds} s waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }

    public List<string> MembersOf(FleetIssuer commune) =>
        Fleet.Stations.Where(s => Array.IndexOf(s.Groups, commune.Name) >= 0).Select(s => s.Id).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (HttpClient c in _clients)
        {
            c.Dispose();
        }

        await Stations.DisposeAsync();
        await Server.DisposeAsync();
        await Broker.DisposeAsync();
        Database.Dispose();
    }

    private void AddToken(string name, string role, string scope) => _secrets[name] = Tokens.Add(name, role, scope);
}
