using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Parses and runs a radioctl command line with short, named errors instead of System.CommandLine's default
/// (every error, a list of candidates and the whole help text, ~40 lines):
/// <code>
/// radioctl schedule ad ...      >> radioctl schedule: unknown 'ad'; did you mean add? (radioctl schedule --help)
/// radioctl play --comune x      >> radioctl play: unknown '--comune'; did you mean --commune? (radioctl play --help)
/// radioctl play                 >> radioctl play: Option '--duration' is required. (radioctl play --help)
/// </code>
/// Directives (<c>[suggest]</c> for shell completion) and <c>--help</c> run as the library defines them.
/// </summary>
public static class CommandLineRun
{
    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs it; returns the exit code.</summary>
    public static Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(invocation);
        ParseResult parse = root.Parse(args);
        if (parse.Action is not ParseErrorAction || parse.Errors.Count == 0)
        {
            return parse.InvokeAsync(invocation, cancellationToken);
        }

        TextWriter error = invocation.Error ?? Console.Error;
        string path = PathOf(parse);
        Command command = parse.CommandResult.Command;
        string? unmatched = parse.UnmatchedTokens.FirstOrDefault();
        if (unmatched is not null)
        {
            IEnumerable<string> candidates = command.Subcommands.Select(c => c.Name)
                .Concat(command.Options.SelectMany(o => o.Aliases.Append(o.Name)));
            error.WriteLine($"{path}: unknown '{unmatched}'{TargetOptions.Suggest(unmatched, candidates)} ({path} --help)");
            return Task.FromResult(ExitCodes.Error);
        }

        error.WriteLine($"{path}: {parse.Errors[0].Message} ({path} --help)");
        return Task.FromResult(ExitCodes.Error);
    }

    /// <summary>The full command as typed, e.g. "radioctl emergency stop" (the root is always called radioctl).</summary>
    public static string PathOf(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is not null; r = r.Parent)
        {
            if (r is CommandResult c && c.Parent is not null)
            {
                names.Insert(0, c.Command.Name);
            }
        }

        names.Insert(0, "radioctl");
        return string.Join(" ", names);
    }
}
