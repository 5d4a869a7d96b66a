using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Host.Flash;

/// <summary>
/// Runs the installed nanoff (<c>dotnet tool install -g nanoff</c>) as a child process that writes to this
/// console. Looks on PATH, then in ~/.dotnet/tools (where global tools go when PATH was not updated).
/// </summary>
public sealed class ProcessNanoffRunner : INanoffRunner
{
    /// <summary>The executable found, or null when nanoff is not installed.</summary>
    public string? Executable { get; } = Find();

    /// <inheritdoc/>
    public bool IsAvailable() => Executable is not null;

    /// <inheritdoc/>
    public async Task<int> RunAsync(NanoffInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("nanoff is not installed")) { UseShellExecute = false };
        foreach (string argument in invocation.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("nanoff did not start");
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: leave no flasher running on the serial port.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }

    private static string? Find()
    {
        string name = OperatingSystem.IsWindows() ? "nanoff.exe" : "nanoff";
        var directories = new List<string>((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        directories.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        foreach (string directory in directories)
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
