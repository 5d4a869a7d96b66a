using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>What a finished child process returned: its exit code and stdout and stderr interleaved.</summary>
    internal sealed class ProcessResult
    {
        public ProcessResult(int exitCode, string output)
        {
            ExitCode = exitCode;
            Output = output;
        }

        public int ExitCode { get; }

        public string Output { get; }
    }

    /// <summary>Runs a child process to completion within a time limit, capturing its output.</summary>
    internal static class ProcessRunner
    {
        /// <summary>
        /// Runs <paramref name="fileName"/> and waits for it; kills the whole process tree and throws
        /// <see cref="TimeoutException"/> with the output so far when it overruns <paramref name="timeout"/>.
        /// </summary>
        public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            DataReceivedEventHandler append = (sender, e) =>
            {
                if (e.Data != null)
                {
                    lock (output)
                    {
                        output.AppendLine(e.Data);
                    }
                }
            };
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException(fileName + " " + string.Join(" ", start.ArgumentList) + " ran longer than " + timeout + ":" + Environment.NewLine + Snapshot(output));
            }

            // The parameterless wait also drains the asynchronous output readers.
            process.WaitForExit();
            return new ProcessResult(process.ExitCode, Snapshot(output));
        }

        private static string Snapshot(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
