using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// The operator commands of radioctl (docs/operators.md) as one unit that can run in process: tests build it
/// with a <see cref="CliContext"/> over string writers and call <see cref="RunAsync"/>; Program.cs adds
/// <see cref="Commands"/> to the real command tree with <see cref="CliContext.System"/>.
/// </summary>
public static class RadioctlApp
{
    /// <summary>The operator commands, writing through <paramref name="context"/>.</summary>
    public static IEnumerable<Command> Commands(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return ScheduleCommand.Create(context);
        yield return PlayCommand.Create(context);
        yield return StopCommand.Create(context);
        yield return SelfTestCommand.Create(context);
        yield return EmergencyCommand.Create(context);
        yield return StatusCommand.Create(context);
        yield return WatchCommand.Create(context);
        yield return LogCommand.Create(context);
        yield return KeysCommand.Create(context);
        yield return Update.UpdateCommand.Create(context);
        yield return CompletionCommand.Create(context);
    }

    /// <summary>Parses and runs <paramref name="args"/> against the operator commands only; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        RootCommand root = new("radioctl (operator commands)");
        foreach (Command command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        HelpExamples.Apply(root);
        var invocation = new InvocationConfiguration { Output = context.Output, Error = context.Error };
        return CommandLineRun.InvokeAsync(root, args, invocation, cancellationToken);
    }
}
