using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Simulate;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;
using CommuneRadio.Server;
using CommuneRadio.Server.Auth;

namespace CommuneRadio.Cli.Serve;

/// <summary>
/// <c>radioctl serve --fleet F --keyring K [--data DIR | --postgres CONNSTRING] [--broker URL] [--ca F] [--credentials F] [--user NAME] [--listen URL]</c>:
/// the fleet server (docs/server.md) in the foreground until Ctrl+C; <c>radioctl serve token add --name N --role R
/// --scope G</c> adds an API token to <c>DIR/tokens.json</c> and prints its secret once.
/// </summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<FileInfo> fleet = new("--fleet") { Description = "Fleet file (stations, groups, broker)", DefaultValueFactory = _ => new FileInfo("fleet.json") };
        Option<FileInfo?> keyring = new("--keyring") { Description = "Issuer keys the server signs with (default: the fleet file's issuers)" };
        Option<DirectoryInfo> data = new("--data") { Description = "Database (fleet.db) and tokens.json", DefaultValueFactory = _ => new DirectoryInfo("server-data") };
        Option<string?> broker = new("--broker") { Description = "mqtt://host:port or mqtts://host:port (default: the fleet file's)" };
        Option<FileInfo?> ca = new("--ca") { Description = "CA to trust for mqtts (ca.pem of radioctl broker --secure)" };
        Option<FileInfo?> credentials = new("--credentials") { Description = "credentials.json holding the password of --user" };
        Option<string?> user = new("--user") { Description = "MQTT user of the server (default: the keyring's national issuer, whose ACL reads every station topic)" };
        Option<string> listen = new("--listen") { Description = "HTTP address", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        Option<int> buffer = new("--buffer") { Description = "Messages held in memory while the database is unavailable", DefaultValueFactory = _ => 100_000 };
        Option<string?> postgres = new("--postgres") { Description = "PostgreSQL instead of DATA/fleet.db: an Npgsql connection string (Host=…;Database=…;Username=…; the password in a Passfile)" };
        Command command = new("serve", "Fleet server: stores every station message (SQLite or PostgreSQL) and serves the HTTP API");
        foreach (Option option in new Option[] { fleet, keyring, data, postgres, broker, ca, credentials, user, listen, buffer })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(fleet)!, parse.GetValue(keyring), parse.GetValue(data)!, parse.GetValue(postgres), parse.GetValue(broker), parse.GetValue(ca), parse.GetValue(credentials), parse.GetValue(user),
            parse.GetValue(listen)!, parse.GetValue(buffer), ct));
        command.Subcommands.Add(TokenCommand(data));
        command.Subcommands.Add(BenchCommand());
        return command;
    }

    private static Command BenchCommand()
    {
        Option<int> stations = new("--stations") { Description = "Stations sending health every 60 s", DefaultValueFactory = _ => 5000 };
        Option<int> events = new("--events") { Description = "Events in the one-second burst", DefaultValueFactory = _ => 5000 };
        Option<int> seconds = new("--seconds") { Description = "How long to run on each database (real time)", DefaultValueFactory = _ => 60 };
        Option<int> perDay = new("--events-per-day") { Description = "Events per station-day assumed for the size estimate", DefaultValueFactory = _ => 12 };
        Option<string> database = new("--database") { Description = "sqlite, postgresql or both (one after the other, side by side)", DefaultValueFactory = _ => "both" };
        database.AcceptOnlyFromAmong("sqlite", "postgresql", "both");
        Option<string?> postgres = new("--postgres") { Description = "An empty PostgreSQL database to use (default: a throw-away cluster, PostgreSQL installed)" };
        Command bench = new("bench", "The store under a province's load, SQLite and PostgreSQL: p50/p99 store latency and size per station-day");
        foreach (Option option in new Option[] { stations, events, seconds, perDay, database, postgres })
        {
            bench.Options.Add(option);
        }

        bench.SetAction(async (parse, ct) =>
        {
            string which = parse.GetValue(database)!;
            string[] databases = which == "both" ? CommuneRadio.Server.Bench.StoreBenchmark.Databases.ToArray() : new[] { which };
            IReadOnlyList<CommuneRadio.Server.Bench.StoreBenchmarkResult> results;
            try
            {
                results = await CommuneRadio.Server.Bench.StoreBenchmark.RunAsync(
                    databases, parse.GetValue(postgres), parse.GetValue(stations), parse.GetValue(events), parse.GetValue(seconds), parse.GetValue(perDay), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or System.Data.Common.DbException)
            {
                Console.Error.WriteLine("radioctl serve bench: " + ex.Message);
                return 1;
            }

            foreach (string line in CommuneRadio.Server.Bench.StoreBenchmark.Report(results))
            {
                Console.WriteLine(line);
            }

            return results.All(r => r.StoredEverything) ? 0 : 2;
        });
        return bench;
    }

    private static string DatabaseName(DirectoryInfo data, string? postgres)
    {
        if (postgres is not { Length: > 0 })
        {
            return Path.Combine(data.FullName, "fleet.db");
        }

        // Never print the password a connection string may hold.
        var pg = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
        return $"PostgreSQL {pg.Database} on {pg.Host}:{pg.Port}";
    }

    private static Command TokenCommand(Option<DirectoryInfo> data)
    {
        Option<string> name = new("--name") { Description = "Token name (shown in the audit log)", Required = true };
        Option<string> role = new("--role") { Description = "commune, district, province or national", Required = true };
        Option<string> scope = new("--scope") { Description = "Group whose stations it reaches: com.P.C, x.NAME, prov.P, vn", DefaultValueFactory = _ => "vn" };
        Command add = new("add", "Add an API token to DATA/tokens.json and print its secret (shown once)");
        add.Options.Add(name);
        add.Options.Add(role);
        add.Options.Add(scope);
        add.Options.Add(data);
        add.SetAction(parse =>
        {
            string path = Path.Combine(parse.GetValue(data)!.FullName, "tokens.json");
            try
            {
                TokenFile tokens = TokenFile.Load(path);
                string secret = tokens.Add(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(scope)!);
                tokens.Save(path);
                TokenFile.Load(path);
                Console.WriteLine(secret);
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException)
            {
                Console.Error.WriteLine("radioctl serve token add: " + ex.Message);
                return 1;
            }
        });
        Command token = new("token", "API tokens of the fleet server");
        token.Subcommands.Add(add);
        return token;
    }

    private static async Task<int> RunAsync(
        FileInfo fleetFile, FileInfo? keyringFile, DirectoryInfo data, string? postgres, string? brokerUrl, FileInfo? ca, FileInfo? credentials, string? user, string listen, int buffer, CancellationToken ct)
    {
        FleetServer server;
        try
        {
            FleetFile fleet = FleetFile.Load(fleetFile.FullName);
            KeyringFile keyring = keyringFile is null ? KeyringFile.From(fleet.Issuers) : KeyringFile.Load(keyringFile.FullName);
            string mqttUser = user ?? keyring.Issuers.FirstOrDefault(i => i.Level == "national")?.Name ?? "radioctl-serve";
            MqttClientOptions options = new StationConnections(BrokerAddress.Parse(brokerUrl ?? fleet.Broker), ca, credentials).For(mqttUser);
            server = await FleetServer.StartAsync(
                new FleetServerOptions
                {
                    Fleet = fleet,
                    Keyring = keyring,
                    Tokens = TokenFile.Load(Path.Combine(data.FullName, "tokens.json")),
                    DataDirectory = data.FullName,
                    PostgresConnectionString = postgres,
                    Broker = options,
                    ClientId = "radioctl-serve-" + mqttUser,
                    Url = listen,
                    BufferCapacity = buffer,
                },
                ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException or MqttException or TimeoutException or System.Net.Sockets.SocketException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine("radioctl serve: " + ex.Message);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"radioctl serve: {server.Address} (web console: {server.Address}console/, API: docs/server.md), database {DatabaseName(data, postgres)}; Ctrl+C to stop");
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }
}
