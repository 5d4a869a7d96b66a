using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mosquitto;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// <c>radioctl broker [--port N] [--secure] [--fleet FILE] [--data DIR]</c>: a local Mosquitto for development,
/// bound to 127.0.0.1, in the foreground until Ctrl+C (see <see cref="LocalBroker"/> for plain and secure mode).
/// </summary>
public static class BrokerCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<int?> port = new("--port") { Description = "Port on 127.0.0.1 (default 1883, with --secure 8883)" };
        Option<bool> secure = new("--secure") { Description = "TLS only, per-station and per-issuer passwords, ACLs from the fleet file" };
        Option<FileInfo?> fleetFile = new("--fleet") { Description = "Fleet file for --secure (default: generate one into the data directory)" };
        Option<DirectoryInfo?> data = new("--data") { Description = "Directory for mosquitto.conf, ca.pem, credentials.json, log; fleet, CA and passwords found there are reused (default: a new temporary directory)" };
        Command command = new("broker", "Run a local Mosquitto configured for CommuneRadio until Ctrl+C");
        command.Options.Add(port);
        command.Options.Add(secure);
        command.Options.Add(fleetFile);
        command.Options.Add(data);
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(port), parse.GetValue(secure), parse.GetValue(fleetFile), parse.GetValue(data), ct));
        return command;
    }

    private static async Task<int> RunAsync(int? port, bool secure, FileInfo? fleetFile, DirectoryInfo? data, CancellationToken ct)
    {
        string directory = data?.FullName ?? Directory.CreateTempSubdirectory("radioctl-broker-").FullName;
        MosquittoBroker broker;
        try
        {
            if (secure)
            {
                FleetFile fleet = LoadOrGenerate(fleetFile, directory, port ?? 8883);
                broker = await LocalBroker.StartSecureAsync(fleet, port ?? 8883, directory, ct).ConfigureAwait(false);
            }
            else
            {
                broker = await LocalBroker.StartPlainAsync(port ?? 1883, directory, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (LocalBroker.IsMissing(ex))
        {
            Console.Error.WriteLine(LocalBroker.MissingMosquitto);
            return 2;
        }
        catch (Exception ex) when (ex is InvalidDataException or MosquittoStartException or TimeoutException or IOException or System.Security.Cryptography.CryptographicException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine("radioctl broker: " + ex.Message);
            return 1;
        }

        using (broker)
        {
            Console.WriteLine(secure
                ? $"broker: mqtts://127.0.0.1:{broker.TlsPort} (TLS only; CA {Path.Combine(directory, "ca.pem")}; passwords {Path.Combine(directory, FleetCredentials.FileName)}; ACLs {Path.Combine(directory, "acl")})"
                : $"broker: mqtt://127.0.0.1:{broker.Port} (anonymous, loopback only)");
            Console.WriteLine($"files:  {directory} (mosquitto.conf, mosquitto.log)");
            Console.WriteLine("Ctrl+C to stop.");
            try
            {
                while (broker.IsRunning)
                {
                    await Task.Delay(500, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("broker: stopped");
                return 0;
            }

            Console.Error.WriteLine("radioctl broker: mosquitto exited" + Environment.NewLine + broker.ReadLog());
            return 1;
        }
    }

    private static FleetFile LoadOrGenerate(FileInfo? fleetFile, string directory, int port)
    {
        if (fleetFile is not null)
        {
            return FleetFile.Load(fleetFile.FullName);
        }

        // A data directory from an earlier run keeps its fleet, so the stations and operators it was handed to still fit.
        string path = Path.Combine(directory, "fleet.json");
        if (File.Exists(path))
        {
            FleetFile kept = FleetFile.Load(path);
            Console.WriteLine($"fleet:  {kept.Stations.Count} stations and {kept.Issuers.Count} issuers from {path}");
            return kept;
        }

        FleetFile fleet = FleetGenerator.Generate(20, broker: $"mqtts://127.0.0.1:{port}");
        fleet.Save(path);
        Console.WriteLine($"fleet:  generated {fleet.Stations.Count} stations and {fleet.Issuers.Count} issuers into {path}");
        return fleet;
    }
}
