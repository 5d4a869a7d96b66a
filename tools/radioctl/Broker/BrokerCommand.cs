using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using CommuneRadio.Mosquitto;

namespace CommuneRadio.Cli.Broker;

/// <summary>
/// <c>radioctl broker [--port N] [--secure [--from DIR [--ca-key FILE] | --fleet FILE]] [--data DIR]</c>: a local Mosquitto
/// for development, bound to 127.0.0.1, in the foreground until Ctrl+C (see <see cref="LocalBroker"/>).
/// <c>--national --fleet FILE</c> and <c>--province P --fleet FILE --bridge LINK</c> run the brokers of a federated fleet
/// (<see cref="FederatedBroker"/>, docs/scale.md).
/// <c>--secure --from DIR</c> serves exactly what <c>radioctl provision</c> wrote into DIR (CA, hashed passwords, ACL);
/// the other secure mode makes its own. A busy port is refused before anything is printed as running, and a
/// temporary directory is removed on every way out.
/// </summary>
public static class BrokerCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<int?> port = new("--port") { Description = "Port on 127.0.0.1 (default 1883, with --secure 8883)" };
        Option<bool> secure = new("--secure") { Description = "TLS only, per-station and per-issuer passwords, ACLs" };
        Option<DirectoryInfo?> from = new("--from") { Description = "With --secure: serve the CA, passwords and ACL of this provisioning directory (radioctl provision --out DIR)" };
        Option<FileInfo?> caKey = new("--ca-key") { Description = "With --from: private key of DIR/ca.pem (default DIR/ca.key; neither there = a development CA is made in DIR)" };
        Option<FileInfo?> fleetFile = new("--fleet") { Description = "Fleet file for --secure without --from (default: generate one into the data directory)" };
        Option<DirectoryInfo?> data = new("--data") { Description = "Directory for mosquitto.conf, ca.pem, credentials.json, log; fleet, CA and passwords found there are reused (default: a temporary directory, removed on exit)" };
        Option<bool> national = new("--national") { Description = "With --fleet: the national broker of a federated fleet; writes a bridge link file per province into DATA/bridges/ (docs/scale.md)" };
        Option<string?> province = new("--province") { Description = "With --fleet and --bridge: the broker of province P (slug, e.g. ha-tinh), bridged to the national broker" };
        Option<FileInfo?> bridge = new("--bridge") { Description = "With --province: the bridge link file the national broker wrote for P (DATA/bridges/P.json)" };
        Command command = new("broker", "Run a local Mosquitto configured for CommuneRadio until Ctrl+C");
        foreach (Option option in new Option[] { port, secure, from, caKey, fleetFile, data, national, province, bridge })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(
            new Request(parse.GetValue(port), parse.GetValue(secure), parse.GetValue(from), parse.GetValue(caKey), parse.GetValue(fleetFile), parse.GetValue(data))
            {
                National = parse.GetValue(national),
                Province = parse.GetValue(province),
                Bridge = parse.GetValue(bridge),
            },
            ct));
        return command;
    }

    private static async Task<int> RunAsync(Request request, CancellationToken ct)
    {
        if (FederationProblem(request) is { } problem)
        {
            Console.Error.WriteLine("radioctl broker: " + problem);
            return 1;
        }

        if (request.From is not null && (!request.Secure || request.Fleet is not null || request.Data is not null))
        {
            Console.Error.WriteLine("radioctl broker: --from DIR goes with --secure, and serves DIR as it is (no --fleet, no --data)");
            return 1;
        }

        if (request.CaKey is not null && request.From is null)
        {
            Console.Error.WriteLine("radioctl broker: --ca-key goes with --secure --from DIR");
            return 1;
        }

        bool temporary = request.Data is null && request.From is null;
        string directory = request.From?.FullName ?? request.Data?.FullName ?? Directory.CreateTempSubdirectory("radioctl-broker-").FullName;
        try
        {
            return await ServeAsync(request, directory, ct).ConfigureAwait(false);
        }
        finally
        {
            if (temporary)
            {
                Directory.Delete(directory, true);
            }
        }
    }

    private static async Task<int> ServeAsync(Request request, string directory, CancellationToken ct)
    {
        bool federated = request.National || request.Province is not null;
        int port = request.Port ?? (request.Secure || federated ? 8883 : 1883);
        MosquittoBroker broker;
        try
        {
            LocalBroker.EnsurePortFree(port);
            if (request.National)
            {
                broker = await FederatedBroker.StartNationalAsync(FleetFile.Load(request.Fleet!.FullName), port, directory, ct).ConfigureAwait(false);
            }
            else if (request.Province is not null)
            {
                BridgeLink link = BridgeLink.Load(request.Bridge!.FullName);
                broker = await FederatedBroker.StartProvincialAsync(FleetFile.Load(request.Fleet!.FullName), request.Province, link, port, directory, null, ct).ConfigureAwait(false);
            }
            else if (request.From is not null)
            {
                broker = await LocalBroker.StartProvisionedAsync(directory, port, request.CaKey?.FullName, ct).ConfigureAwait(false);
            }
            else if (request.Secure)
            {
                FleetFile fleet = LoadOrGenerate(request.Fleet, directory, port);
                broker = await LocalBroker.StartSecureAsync(fleet, port, directory, ct).ConfigureAwait(false);
            }
            else
            {
                broker = await LocalBroker.StartPlainAsync(port, directory, ct).ConfigureAwait(false);
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
            if (!broker.IsRunning)
            {
                Console.Error.WriteLine("radioctl broker: mosquitto exited at start" + Environment.NewLine + broker.ReadLog());
                return 1;
            }

            PrintBanner(request, directory, broker);
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

    private static void PrintBanner(Request request, string directory, MosquittoBroker broker)
    {
        if (request.National || request.Province is not null)
        {
            Console.WriteLine(request.National
                ? $"broker: national, mqtts://127.0.0.1:{broker.TlsPort} (TLS only; CA {Path.Combine(directory, "ca.pem")}; passwords {Path.Combine(directory, FleetCredentials.FileName)}; ACL {Path.Combine(directory, "acl")})"
                : $"broker: province {request.Province}, mqtts://127.0.0.1:{broker.TlsPort} (TLS only; CA {Path.Combine(directory, "ca.pem")}; passwords {Path.Combine(directory, FleetCredentials.FileName)}; ACL {Path.Combine(directory, "acl")}); bridged to {BridgeLink.Load(request.Bridge!.FullName).Address}");
            if (request.National)
            {
                Console.WriteLine($"bridges: {Path.Combine(directory, FederatedBroker.BridgesDirectory)} (one link file per province: radioctl broker --province P --fleet FILE --bridge {Path.Combine(directory, FederatedBroker.BridgesDirectory, "P.json")})");
            }

            Console.WriteLine($"files:  {directory} (mosquitto.conf, mosquitto.log, mosquitto.db{(request.Data is null ? "; removed on exit" : string.Empty)})");
            Console.WriteLine("Ctrl+C to stop.");
            return;
        }

        if (request.From is not null)
        {
            var layout = new ProvisionLayout(directory);
            Console.WriteLine($"broker: mqtts://127.0.0.1:{broker.TlsPort} (TLS only; CA {layout.Ca}; passwords {layout.MosquittoPasswords} = {layout.Credentials}; ACL {layout.MosquittoAcl})");
            Console.WriteLine($"try:    radioctl status --fleet {layout.Fleet} --keyring {layout.Keyring} --broker mqtts://127.0.0.1:{broker.TlsPort} --ca {layout.Ca} --credentials {layout.Credentials} --station ID");
            Console.WriteLine($"files:  {broker.WorkingDirectory} (mosquitto.conf, mosquitto.log; removed on exit)");
        }
        else
        {
            Console.WriteLine(request.Secure
                ? $"broker: mqtts://127.0.0.1:{broker.TlsPort} (TLS only; CA {Path.Combine(directory, "ca.pem")}; passwords {Path.Combine(directory, FleetCredentials.FileName)}; ACLs {Path.Combine(directory, "acl")})"
                : $"broker: mqtt://127.0.0.1:{broker.Port} (anonymous, loopback only)");
            Console.WriteLine($"files:  {directory} (mosquitto.conf, mosquitto.log{(request.Data is null ? "; removed on exit" : string.Empty)})");
        }

        Console.WriteLine("Ctrl+C to stop.");
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

    // Null when the federation options (if any) go together; otherwise what is wrong.
    private static string? FederationProblem(Request r)
    {
        if (!r.National && r.Province is null)
        {
            return r.Bridge is null ? null : "--bridge goes with --province P";
        }

        if (r.National && r.Province is not null)
        {
            return "--national and --province P are two different brokers: run one command for each";
        }

        if (r.Secure || r.From is not null || r.CaKey is not null)
        {
            return "--national and --province are always TLS with passwords and ACLs: no --secure, --from or --ca-key";
        }

        if (r.Fleet is null)
        {
            return "--national and --province need --fleet FILE (the whole fleet: every province's stations and the national issuers)";
        }

        if (r.Province is not null && r.Bridge is null)
        {
            return "--province P needs --bridge FILE, the link file the national broker wrote (its DATA/bridges/P.json)";
        }

        return r.National && r.Bridge is not null ? "--bridge goes with --province P, not --national" : null;
    }

    private sealed record Request(int? Port, bool Secure, DirectoryInfo? From, FileInfo? CaKey, FileInfo? Fleet, DirectoryInfo? Data)
    {
        public bool National { get; init; }

        public string? Province { get; init; }

        public FileInfo? Bridge { get; init; }
    }
}
