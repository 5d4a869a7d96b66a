using System.CommandLine;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl emergency start|stop TARGET</c> (TARGET may also be given as <c>--scope st/ID|g/GROUP</c>):
/// an emergency at once for every station of the scope, overriding everything (protocol §3.2
/// <c>emergency.start</c>, scope = the addressee); <c>stop</c> ends it. Needs a key with the emergency right.
/// </summary>
public static class EmergencyCommand
{
    /// <summary>Creates the command with its two subcommands.</summary>
    public static Command Create(CliContext context)
    {
        Command command = new("emergency", "Start or stop an emergency broadcast for a station, commune, province or group");
        command.Subcommands.Add(Start(context));
        command.Subcommands.Add(Stop(context));
        return command;
    }

    private static Command Start(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions(withScope: true);
        Option<string> duration = new("--duration") { Description = "How long: 90s, 10m, 1h (1 s to 4 h)", DefaultValueFactory = _ => "10m" };
        Option<string?> lines = new("--lines") { Description = "Speaker lines, e.g. 0,1 (default: all fitted)" };
        Option<int> source = new("--source") { Description = "Audio source (0-based)", DefaultValueFactory = _ => 0 };
        Command command = new("start", "Start an emergency now: it preempts everything in the scope");
        targets.AddTo(command);
        command.Options.Add(duration);
        command.Options.Add(lines);
        command.Options.Add(source);
        common.AddTo(command);
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context,
            parse,
            common,
            targets,
            (_, target) =>
            {
                int seconds = DurationText.Parse(parse.GetValue(duration)!, "--duration");
                int mask = LinesText.Parse(parse.GetValue(lines), target);
                return new SendRequest("emergency.start", ArgsWriter.Object(w =>
                {
                    w.WriteNumber("duration", seconds);
                    ArgsWriter.Lines(w, mask);
                    w.WriteNumber("source", parse.GetValue(source));
                }), true, AwaitPlay: true);
            },
            null,
            (w, outcome) => w.WriteString("programme", outcome.Id),
            ct));
        return command;
    }

    private static Command Stop(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions(withScope: true);
        Command command = new("stop", "Stop the emergency of the scope");
        targets.AddTo(command);
        common.AddTo(command);
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context, parse, common, targets, (_, _) => new SendRequest("emergency.stop", "{}", true), null, null, ct));
        return command;
    }
}
