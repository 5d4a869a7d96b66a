using System;
using System.IO;
using System.Runtime.InteropServices;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// Where the running .NET lives: the dotnet host, the shared framework and the SDK's C# compiler.
    /// Found from the runtime this test runs on, so no PATH or environment variable is needed.
    /// </summary>
    internal static class DotnetSdk
    {
        private static readonly Lazy<string> SdkDirectory = new Lazy<string>(FindSdkDirectory);

        /// <summary>The shared framework directory (…/shared/Microsoft.NETCore.App/10.0.x/).</summary>
        public static string RuntimeDirectory => RuntimeEnvironment.GetRuntimeDirectory();

        /// <summary>The dotnet installation root: three levels above the shared framework directory.</summary>
        public static string Root => Path.GetFullPath(Path.Combine(RuntimeDirectory, "..", "..", ".."));

        /// <summary>The dotnet host executable.</summary>
        public static string Host
        {
            get
            {
                string host = Path.Combine(Root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                if (!File.Exists(host))
                {
                    throw new FileNotFoundException("No dotnet host beside the running runtime", host);
                }

                return host;
            }
        }

        /// <summary>The SDK's csc.dll, run with <c>dotnet exec</c>.</summary>
        public static string CscPath
        {
            get
            {
                string csc = Path.Combine(SdkDirectory.Value, "Roslyn", "bincore", "csc.dll");
                if (!File.Exists(csc))
                {
                    throw new FileNotFoundException("The SDK has no C# compiler where expected", csc);
                }

                return csc;
            }
        }

        /// <summary>The SDK that `dotnet` picks in the repository (global.json respected).</summary>
        private static string FindSdkDirectory()
        {
            ProcessResult version = ProcessRunner.Run(Host, new[] { "--version" }, RepoPaths.Root, TimeSpan.FromMinutes(1));
            if (version.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet --version failed:" + Environment.NewLine + version.Output);
            }

            string[] lines = version.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Path.Combine(Root, "sdk", lines[lines.Length - 1]);
        }
    }
}
