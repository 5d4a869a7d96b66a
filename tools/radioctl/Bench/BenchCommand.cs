using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// <c>radioctl bench fanout|reconnect|national</c>: fleet benchmarks against a local Mosquitto (docs/benchmarks.md). They
/// print figures; the exit code is 0 when everything was delivered (latency targets are reported, not enforced),
/// 1 otherwise, 2 when Mosquitto is missing.
/// </summary>
public static class BenchCommand
{
    /// <summary>Creates the command and its subcommands.</summary>
    public static Command Create()
    {
        Command bench = new("bench", "Fleet benchmarks on a local Mosquitto: emergency fan-out, broker restart");
        bench.Subcommands.Add(Fanout());
        bench.Subcommands.Add(Reconnect());
        bench.Subcommands.Add(National());
        return bench;
    }

    private static Command Fanout()
    {
        Option<int> stations = new("--stations") { Description = "Simulated stations (and bare clients)", DefaultValueFactory = _ => 1000 };
        Option<int> rounds = new("--rounds") { Description = "Measured emergencies", DefaultValueFactory = _ => 5 };
        Option<int> warmup = new("--warmup") { Description = "Unmeasured rounds first, on each side", DefaultValueFactory = _ => 1 };
        Option<bool> json = new("--json") { Description = "Print one JSON object (progress goes to stderr)" };
        Command command = new("fanout", "N stations running the Core, one group emergency per round: publish → relays on, → result; against N bare MQTT clients");
        foreach (Option option in new Option[] { stations, rounds, warmup, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            var benchmark = new FanoutBenchmark(parse.GetValue(stations), parse.GetValue(rounds), Progress(asJson)) { Warmup = parse.GetValue(warmup) };
            return RunAsync(async () =>
            {
                FanoutResult r = await benchmark.RunAsync(ct).ConfigureAwait(false);
                Console.WriteLine(asJson ? r.ToJson() : r.ToString());
                return r.Ok;
            });
        });
        return command;
    }

    private static Command National()
    {
        Option<int> provinces = new("--provinces") { Description = "Provincial brokers (separate mosquitto processes), each bridged to the national one", DefaultValueFactory = _ => 3 };
        Option<int> stations = new("--stations") { Description = "Simulated stations spread over the provinces (and as many bare clients)", DefaultValueFactory = _ => 1000 };
        Option<int> rounds = new("--rounds") { Description = "Measured national emergencies", DefaultValueFactory = _ => 5 };
        Option<int> warmup = new("--warmup") { Description = "Unmeasured rounds first, on each side", DefaultValueFactory = _ => 1 };
        Option<bool> json = new("--json") { Description = "Print one JSON object (progress goes to stderr)" };
        Command command = new("national", "A national emergency through Mosquitto bridges to K provincial brokers: publish → relays on, → result at the national sender; against bare clients behind the same bridges");
        foreach (Option option in new Option[] { provinces, stations, rounds, warmup, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            int k = parse.GetValue(provinces);
            int n = parse.GetValue(stations);
            if (k < 1 || n < k || parse.GetValue(rounds) < 1)
            {
                Console.Error.WriteLine("bench national: --provinces K >= 1, --stations N >= K and --rounds >= 1");
                return Task.FromResult(1);
            }

            var benchmark = new NationalBenchmark(k, n, parse.GetValue(rounds), Progress(asJson)) { Warmup = parse.GetValue(warmup) };
            return RunAsync(async () =>
            {
                NationalResult r = await benchmark.RunAsync(ct).ConfigureAwait(false);
                Console.WriteLine(asJson ? r.ToJson() : r.ToString());
                return r.Ok;
            });
        });
        return command;
    }

    private static Command Reconnect()
    {
        Option<int> stations = new("--stations") { Description = "Simulated stations", DefaultValueFactory = _ => 1000 };
        Option<double> down = new("--down") { Description = "Seconds the broker stays down (default 0: restarted at once)" };
        Option<bool> json = new("--json") { Description = "Print one JSON object (progress goes to stderr)" };
        Command command = new("reconnect", "Kill and restart the broker under N stations: time until all are back and subscribed, peak connection rate");
        foreach (Option option in new Option[] { stations, down, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            var benchmark = new ReconnectBenchmark(parse.GetValue(stations), Progress(asJson)) { DownSeconds = parse.GetValue(down) };
            return RunAsync(async () =>
            {
                ReconnectResult r = await benchmark.RunAsync(ct).ConfigureAwait(false);
                Console.WriteLine(asJson ? r.ToJson() : r.ToString());
                return r.Ok;
            });
        });
        return command;
    }

    // With --json stdout carries only the object, so progress goes to stderr.
    private static Action<string> Progress(bool json) =>
        line => (json ? Console.Error : Console.Out).WriteLine($"{DateTime.Now:HH:mm:ss.fff}  {line}");

    private static async Task<int> RunAsync(Func<Task<bool>> run)
    {
        try
        {
            return await run().ConfigureAwait(false) ? 0 : 1;
        }
        catch (Exception ex) when (LocalBroker.IsMissing(ex))
        {
            Console.Error.WriteLine(LocalBroker.MissingMosquitto);
            return 2;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("bench: cancelled");
            return 1;
        }
    }
}
