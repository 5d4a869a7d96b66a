using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using Spectre.Console;

namespace CommuneRadio.Cli.Demo;

/// <summary>
/// <c>radioctl demo</c>: the README's main job. By default the live demo (<see cref="LiveDemoScenario"/>: a broker
/// inside radioctl, or <c>--broker mosquitto</c> / a URL, 20 simulated stations, a scheduled announcement and an emergency over real MQTT, ~25 s);
/// <c>--offline</c> runs the scripted commune morning of one station in fake time (<see cref="DemoScenario"/>).
/// Both print a one-line summary last and exit 0 only when every station behaved.
/// </summary>
public static class DemoCommand
{
    /// <summary>Stations in the live demo.</summary>
    public const int Stations = 20;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<bool> quiet = new("--quiet") { Description = "Print only the one-line summary" };
        Option<bool> offline = new("--offline") { Description = "Run the in-process scripted morning of one station in fake time (no broker)" };
        Option<string?> broker = new("--broker") { Description = "Broker: " + BrokerTarget.Choices };
        Command command = new("demo", "Embedded broker (or --broker) + 20 simulated stations: a scheduled announcement, an emergency that preempts it, what each station did");
        command.Options.Add(quiet);
        command.Options.Add(offline);
        command.Options.Add(broker);
        command.SetAction((parse, ct) => parse.GetValue(offline)
            ? Task.FromResult(RunOffline(parse.GetValue(quiet)))
            : RunLiveAsync(parse.GetValue(quiet), parse.GetValue(broker), ct));
        return command;
    }

    private static int RunOffline(bool quiet)
    {
        DemoResult result = new DemoScenario().Run();
        if (!quiet)
        {
            DemoReport.Print(AnsiConsole.Console, result);
        }

        Console.WriteLine(result.Summary);
        return result.Ok ? 0 : 1;
    }

    private static async Task<int> RunLiveAsync(bool quiet, string? broker, CancellationToken ct)
    {
        if (!BrokerTarget.IsValid(broker))
        {
            Console.Error.WriteLine($"radioctl demo: --broker: expected {BrokerTarget.Choices}, not '{broker}'");
            return 1;
        }

        var scenario = new LiveDemoScenario(Stations, quiet ? _ => { } : Console.WriteLine, broker);
        LiveDemoResult result;
        try
        {
            result = await scenario.RunAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (LocalBroker.IsMissing(ex))
        {
            Console.Error.WriteLine(LocalBroker.MissingMosquitto);
            Console.WriteLine("demo: FAILED: mosquitto is not installed (apt-get install -y mosquitto); without --broker mosquitto the demo runs on its embedded broker");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("demo: cancelled");
            return 1;
        }

        if (!quiet)
        {
            LiveDemoReport.Print(AnsiConsole.Console, result);
        }

        Console.WriteLine(result.Summary);
        return result.Ok ? 0 : 1;
    }
}
