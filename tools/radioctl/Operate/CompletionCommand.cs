using System.CommandLine;
using System.Threading.Tasks;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl completion bash|zsh</c>: prints a shell function that completes radioctl's commands and options
/// by asking radioctl itself through System.CommandLine's <c>[suggest:POSITION] "LINE"</c> directive, so no
/// dotnet-suggest tool or registration is needed. <c>source &lt;(radioctl completion bash)</c> in ~/.bashrc.
/// </summary>
public static class CompletionCommand
{
    /// <summary>The bash script.</summary>
    public const string Bash =
        "_radioctl_complete() {\n" +
        "  local IFS=$'\\n'\n" +
        "  COMPREPLY=( $(compgen -W \"$(radioctl \"[suggest:${COMP_POINT}]\" \"${COMP_LINE}\" 2>/dev/null)\" -- \"${COMP_WORDS[COMP_CWORD]}\") )\n" +
        "}\n" +
        "complete -o default -F _radioctl_complete radioctl\n";

    /// <summary>The zsh script (bash completion through bashcompinit).</summary>
    public const string Zsh = "autoload -U +X bashcompinit && bashcompinit\n" + Bash;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        Argument<string> shell = new("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        Command command = new("completion", "Print a shell completion script for radioctl (bash or zsh)");
        command.Arguments.Add(shell);
        command.SetAction(parse =>
        {
            context.Output.Write(parse.GetValue(shell) == "zsh" ? Zsh : Bash);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
