using System;
using System.CommandLine;
using System.Threading.Tasks;
using CommuneRadio.Cli.Bench;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Cli.Demo;
using CommuneRadio.Cli.Flash;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Cli.Provision;
using CommuneRadio.Cli.Serve;
using CommuneRadio.Cli.Simulate;

namespace CommuneRadio.Cli;

/// <summary>Entry point: builds the command tree and runs the command.</summary>
public static class Program
{
    /// <summary>Runs radioctl.</summary>
    public static async Task<int> Main(string[] args)
    {
        RootCommand root = BuildRoot();

        // Ctrl+C cancels the command's token; a clean shutdown of thousands of stations (offline state, then
        // DISCONNECT each) needs longer than the library's default 2 s before it gives up waiting.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        return await CommandLineRun.InvokeAsync(root, args, invocation).ConfigureAwait(false);
    }

    /// <summary>The whole command tree, with the examples of every command's help.</summary>
    public static RootCommand BuildRoot()
    {
        RootCommand root = new("radioctl — schedule, broadcast to and watch CommuneRadio stations");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BrokerCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        foreach (Command operatorCommand in RadioctlApp.Commands(CliContext.System))
        {
            root.Subcommands.Add(operatorCommand);
        }

        root.Subcommands.Add(ProvisionCommand.Create());
        root.Subcommands.Add(FlashCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        HelpExamples.Apply(root);
        return root;
    }
}
