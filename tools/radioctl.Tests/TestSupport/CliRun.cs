namespace CommuneRadio.Cli.Tests.TestSupport;

/// <summary>What one in-process radioctl run returned and wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
