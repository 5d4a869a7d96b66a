using System.CommandLine;
using CommuneRadio.Cli.Demo;

namespace CommuneRadio.Cli;

/// <summary>Entry point: builds the command tree and runs the command.</summary>
public static class Program
{
    /// <summary>Runs radioctl.</summary>
    public static int Main(string[] args)
    {
        RootCommand root = new("radioctl — schedule, broadcast to and watch CommuneRadio stations");
        root.Subcommands.Add(DemoCommand.Create());
        return root.Parse(args).Invoke();
    }
}
