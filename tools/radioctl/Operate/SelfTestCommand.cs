using System.CommandLine;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl selftest TARGET</c>: the wiring check (protocol §3.2 <c>relay.selftest</c>). Each station
/// drives every fitted line in turn with its amplifier and source 0 for a few seconds; proof of play shows
/// <c>selftest.l00</c>, <c>selftest.l01</c>, … started and ended. Refused as <c>busy</c> while anything plays.
/// </summary>
public static class SelfTestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Command command = new("selftest", "Wiring check: each station drives its speaker lines one by one (refused while a programme plays)");
        targets.AddTo(command);
        common.AddTo(command);
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context,
            parse,
            common,
            targets,
            (_, _) => new SendRequest("relay.selftest", "{}", false),
            null,
            null,
            ct));
        return command;
    }
}
