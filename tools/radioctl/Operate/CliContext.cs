using System;
using System.IO;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Where the operator commands write and what they read from the environment, so tests can run them in
/// process: standard output (tables, or the one JSON document of <c>--json</c>), standard error (errors and
/// progress), and environment variables (<c>RADIOCTL_FLEET</c>, <c>RADIOCTL_KEYRING</c>, …).
/// </summary>
public sealed class CliContext
{
    /// <summary>Creates a context writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="interactive">True on a terminal: live progress bars and colours.</param>
    /// <param name="environment">Environment lookup (null = the process environment).</param>
    public CliContext(TextWriter output, TextWriter error, bool interactive, Func<string, string?>? environment = null)
    {
        Output = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        Interactive = interactive;
        Environment = environment ?? global::System.Environment.GetEnvironmentVariable;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Piped output has no terminal width: $COLUMNS when a script sets it (tables then fit it), else 160.
            Console.Profile.Width = int.TryParse(Environment("COLUMNS"), out int columns) && columns >= 40 ? columns : 160;
        }

        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    /// <summary>The process's console (interactive when standard output and error are terminals).</summary>
    public static CliContext System => new(
        global::System.Console.Out,
        global::System.Console.Error,
        !global::System.Console.IsOutputRedirected && !global::System.Console.IsErrorRedirected);

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>True on a terminal.</summary>
    public bool Interactive { get; }

    /// <summary>Environment lookup.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>Spectre console on standard output (tables).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Spectre console on standard error (progress, so <c>--json</c> output stays one document).</summary>
    public IAnsiConsole ErrorConsole { get; }
}
