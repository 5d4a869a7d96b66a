using System.CommandLine;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl stop [--programme ID] TARGET</c>: stops that programme, or every non-emergency programme of
/// issuers at or below the signing issuer's level (protocol §3.2 <c>stop</c>).
/// </summary>
public static class StopCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Option<string?> programme = new("--programme") { Description = "Programme to stop: a schedule item id, or the id printed by play (default: all non-emergency)" };
        Command command = new("stop", "Stop a programme (or all non-emergency programmes) on a station or group");
        targets.AddTo(command);
        command.Options.Add(programme);
        common.AddTo(command);
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context,
            parse,
            common,
            targets,
            (_, _) =>
            {
                string? id = parse.GetValue(programme);
                return new SendRequest("stop", ArgsWriter.Object(w =>
                {
                    if (id is not null)
                    {
                        w.WriteString("programme", id);
                    }
                }), false);
            },
            null,
            null,
            ct));
        return command;
    }
}
