using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Simulate;

/// <summary>
/// <c>radioctl simulate --stations N [--broker URL] [--fleet FILE]</c>: runs N stations in this process, each
/// with its own MQTT connection, ticked by one loop. Without --broker an embedded broker (MQTTnet) is started
/// and stopped on exit; <c>--broker mosquitto</c> starts a local Mosquitto instead. Ctrl+C (or --duration) is a clean shutdown: every station publishes its retained offline state and
/// disconnects, so the broker discards the wills.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<int?> stations = new("--stations") { Description = "Number of stations (default 20; with --fleet: the first N of the file)" };
        Option<string?> broker = new("--broker") { Description = "Broker: " + BrokerTarget.Choices };
        Option<FileInfo?> fleetFile = new("--fleet") { Description = "Fleet file (default: generate one, saved into the data directory)" };
        Option<FileInfo?> ca = new("--ca") { Description = "CA certificate (PEM) to trust for mqtts, e.g. the ca.pem of radioctl broker --secure" };
        Option<FileInfo?> credentials = new("--credentials") { Description = "credentials.json of radioctl broker --secure (user = station id)" };
        Option<DirectoryInfo?> data = new("--data") { Description = "Directory for per-station storage and the generated fleet (kept; default: a temporary directory removed at the end)" };
        Option<double> duration = new("--duration") { Description = "Stop after this many seconds (default 0 = until Ctrl+C)" };
        Option<string[]> badUpdate = new("--bad-update-version")
        {
            Description = "An application version that starts but never proves itself (no connection, no health), so an update to it is rolled back; repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        Command command = new("simulate", "Run many simulated stations against a broker, with a live view");
        foreach (Option option in new Option[] { stations, broker, fleetFile, ca, credentials, data, duration, badUpdate })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(stations), parse.GetValue(broker), parse.GetValue(fleetFile), parse.GetValue(ca), parse.GetValue(credentials),
            parse.GetValue(data), parse.GetValue(duration), parse.GetValue(badUpdate) ?? [], ct));
        return command;
    }

    private static async Task<int> RunAsync(int? count, string? brokerUrl, FileInfo? fleetFile, FileInfo? ca, FileInfo? credentials, DirectoryInfo? data, double duration, string[] badUpdate, CancellationToken ct)
    {
        using SimulationDirectory workspace = SimulationDirectory.For(data);
        string directory = workspace.Path;
        FleetFile fleet;
        StationConnections connections;
        try
        {
            fleet = fleetFile is not null ? FleetFile.Load(fleetFile.FullName) : FleetGenerator.Generate(count ?? 20);
            if (fleetFile is null)
            {
                string path = Path.Combine(directory, "fleet.json");
                fleet.Save(path);
                Console.WriteLine($"fleet: {fleet.Stations.Count} stations, {fleet.Issuers.Count} issuers, saved to {path}" +
                    (workspace.Temporary ? " (a temporary directory, removed when the simulation ends; --data DIR keeps it)" : string.Empty));
            }

            if (!BrokerTarget.IsValid(brokerUrl))
            {
                throw new FormatException($"--broker: expected {BrokerTarget.Choices}, not '{brokerUrl}'");
            }

            connections = IsLocal(brokerUrl) ? null! : new StationConnections(BrokerAddress.Parse(brokerUrl!), ca, credentials);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or System.Security.Cryptography.CryptographicException)
        {
            Console.Error.WriteLine("radioctl simulate: " + ex.Message);
            return 1;
        }

        BrokerTarget? local = null;
        try
        {
            if (IsLocal(brokerUrl))
            {
                local = await BrokerTarget.StartAsync(brokerUrl, ct).ConfigureAwait(false);
                connections = new StationConnections(local.Address, null, null);
            }

            return await RunFleetAsync(fleet, connections, count, Path.Combine(directory, "stations"), duration, local?.Description, badUpdate, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (LocalBroker.IsMissing(ex))
        {
            Console.Error.WriteLine(LocalBroker.MissingMosquitto);
            return 2;
        }
        finally
        {
            if (local is not null)
            {
                await local.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // The embedded broker (default) and 'mosquitto' are started here; a URL names a running broker.
    private static bool IsLocal(string? broker) => broker is null or "embedded" or "mosquitto";

    private static async Task<int> RunFleetAsync(FleetFile fleet, StationConnections connections, int? count, string storage, double duration, string? localBroker, string[] badUpdate, CancellationToken ct)
    {
        await using var simulated = new SimulatedFleet(fleet, connections.For, dataDirectory: storage, count: count, configure: (_, options) =>
        {
            foreach (string version in badUpdate)
            {
                options.BadUpdateVersions.Add(version);
            }
        });
        try
        {
            await simulated.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttException or System.Net.Sockets.SocketException or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            Console.Error.WriteLine($"radioctl simulate: cannot connect to {connections.Address}: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        string title = $"CommuneRadio simulator — {simulated.Stations.Count} stations on {connections.Address}{(localBroker is null ? string.Empty : $" ({localBroker})")} — Ctrl+C stops cleanly";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (duration > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(duration));
        }

        await FleetView.RunAsync(simulated, title, stop.Token).ConfigureAwait(false);
        Console.WriteLine($"simulate: stopping {simulated.Stations.Count} stations (offline state, then disconnect)…");
        await simulated.StopAsync().ConfigureAwait(false);
        Console.WriteLine($"simulate: stopped; scheduler ticks {simulated.Scheduler.Ticks}, tick errors {simulated.Scheduler.Errors}");
        return simulated.Scheduler.Errors == 0 ? 0 : 1;
    }
}
