using System.CommandLine;
using Spectre.Console;

namespace CommuneRadio.Cli.Demo;

/// <summary>
/// <c>radioctl demo</c>: the README's main job. Today it runs a scripted day of one station in-process
/// (fake time, the very Core that ships on the device) and prints what the relays did.
/// </summary>
public static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<bool> quiet = new("--quiet") { Description = "Print only the one-line summary" };
        Command command = new("demo", "Run a scripted commune day (schedule, emergency, power cut) and print the relay timeline");
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            DemoScenario scenario = new();
            DemoResult result = scenario.Run();
            if (!parse.GetValue(quiet))
            {
                DemoReport.Print(AnsiConsole.Console, result);
            }

            System.Console.WriteLine(result.Summary);
            return result.Ok ? 0 : 1;
        });
        return command;
    }
}
