using System;
using System.Diagnostics;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Packaging;

/// <summary>
/// radioctl as the docs call it, a bare <c>radioctl</c>: packed as a dotnet tool (PackAsTool in radioctl.csproj)
/// from the build the tests already made (<c>dotnet pack --no-build</c>), installed into a temporary tool path
/// from that local package, and run.
/// </summary>
[TestClass]
public sealed class DotnetToolTests
{
    [TestMethod]
    public void PackAndInstall_LocalPackage_RadioctlRunsFromToolPath()
    {
        string dir = Directory.CreateTempSubdirectory("radioctl-tool-").FullName;
        try
        {
            string project = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "radioctl", "radioctl.csproj"));
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            Run(dir, "dotnet", "pack", project, "--no-build", "-c", configuration, "-o", Path.Combine(dir, "pkg"));
            Run(dir, "dotnet", "tool", "install", "CommuneRadio.Radioctl", "--tool-path", Path.Combine(dir, "tools"), "--add-source", Path.Combine(dir, "pkg"));

            string version = Run(dir, Path.Combine(dir, "tools", OperatingSystem.IsWindows() ? "radioctl.exe" : "radioctl"), "--version");
            string help = Run(dir, Path.Combine(dir, "tools", OperatingSystem.IsWindows() ? "radioctl.exe" : "radioctl"), "schedule", "--help");

            StringAssert.StartsWith(version.Trim(), "0.1.0");
            StringAssert.Contains(help, "radioctl schedule add");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static string Run(string dir, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };

        // A private package cache: an earlier install of the same version must not be reused.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(dir, "nuget");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.IsTrue(p.WaitForExit(180_000), $"{file} {string.Join(' ', args)} did not finish");
        Assert.AreEqual(0, p.ExitCode, $"{file} {string.Join(' ', args)}\n{output}\n{error.Result}");
        return output;
    }
}
