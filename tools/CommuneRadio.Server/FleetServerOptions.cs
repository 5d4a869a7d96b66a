using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;
using CommuneRadio.Server.Auth;

namespace CommuneRadio.Server;

/// <summary>What <see cref="FleetServer"/> needs: the fleet, its issuer keys, tokens, database and broker.</summary>
public sealed class FleetServerOptions
{
    /// <summary>The fleet file (stations, groups, prefix).</summary>
    public FleetFile Fleet { get; set; } = new();

    /// <summary>The issuer keys the server signs with (never served).</summary>
    public KeyringFile Keyring { get; set; } = new();

    /// <summary>The API tokens.</summary>
    public TokenFile Tokens { get; set; } = new();

    /// <summary>Directory of the database (<c>fleet.db</c>, when <see cref="PostgresConnectionString"/> is null).</summary>
    public string DataDirectory { get; set; } = "server-data";

    /// <summary>A PostgreSQL database instead of SQLite: an Npgsql connection string (<c>Host=…;Database=…;Username=…</c>), or null.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Broker connection: address, TLS, the server's own user and password. The client id is forced to <see cref="ClientId"/>.</summary>
    public MqttClientOptions Broker { get; set; } = new();

    /// <summary>Fixed MQTT client id of the persistent session.</summary>
    public string ClientId { get; set; } = "radioctl-serve";

    /// <summary>HTTP listen address (loopback by default; port 0 picks a free one).</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Messages the write buffer holds while the database is unavailable.</summary>
    public int BufferCapacity { get; set; } = 100_000;
}
