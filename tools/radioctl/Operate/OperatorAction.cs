using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Runs an operator command's body with one error convention: an <see cref="OperatorException"/> (bad
/// arguments, unknown target, missing key, unreachable broker) prints "radioctl emergency stop: …" (the full
/// command) on standard error and
/// exits 1; Ctrl+C exits 1 with "cancelled".
/// </summary>
public static class OperatorAction
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void Set(Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await body(parse, ct).ConfigureAwait(false);
            }
            catch (OperatorException ex)
            {
                await context.Error.WriteLineAsync($"{CommandLineRun.PathOf(parse)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync($"{CommandLineRun.PathOf(parse)}: cancelled").ConfigureAwait(false);
                return ExitCodes.Error;
            }
        });
    }
}
