using System.CommandLine;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl play --duration D [--class C] [--lines L] [--source N] TARGET</c>: plays now (protocol §3.2
/// <c>play</c>, no valid clock needed); the programme id is the command id, printed so <c>stop --programme</c>
/// can end it early.
/// </summary>
public static class PlayCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Option<string> duration = new("--duration") { Description = "How long: 90s, 5m, 1h (1 s to 3 h; emergency class 4 h)", Required = true };
        Option<string> broadcastClass = new("--class") { Description = "normal, priority or emergency", DefaultValueFactory = _ => "normal" };
        broadcastClass.AcceptOnlyFromAmong("normal", "priority", "emergency");
        Option<string?> lines = new("--lines") { Description = "Speaker lines, e.g. 0,1 (default: all fitted)" };
        Option<int> source = new("--source") { Description = "Audio source (0-based)", DefaultValueFactory = _ => 0 };
        Command command = new("play", "Play now on a station or group, for a duration");
        targets.AddTo(command);
        command.Options.Add(duration);
        command.Options.Add(broadcastClass);
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
                string cls = parse.GetValue(broadcastClass)!;
                int seconds = DurationText.Parse(parse.GetValue(duration)!, "--duration");
                int mask = LinesText.Parse(parse.GetValue(lines), target);
                string args = ArgsWriter.Object(w =>
                {
                    w.WriteString("class", cls);
                    w.WriteNumber("duration", seconds);
                    ArgsWriter.Lines(w, mask);
                    w.WriteNumber("source", parse.GetValue(source));
                });
                return new SendRequest("play", args, cls == "emergency", AwaitPlay: true);
            },
            null,
            (w, outcome) => w.WriteString("programme", outcome.Id),
            ct));
        return command;
    }
}
