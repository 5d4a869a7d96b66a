using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Operate;

/// <summary>What a new user meets first: help, typos, error prefixes, completion.</summary>
[TestClass]
public sealed class HelpTests
{
    private static OperatorWorkspace NewWorkspace() =>
        new(FleetGenerator.Generate(4, communes: 2, provinces: 1, broker: "mqtt://127.0.0.1:1"));

    [TestMethod]
    public void BuildRoot_EveryCommand_HelpHasAnExample()
    {
        var missing = new List<string>();
        void Walk(Command c, string path)
        {
            if (c is not RootCommand && c.Description?.Contains("Examples:\n  radioctl", StringComparison.Ordinal) != true
                && c.Description?.Contains("Examples:" + Environment.NewLine + "  ", StringComparison.Ordinal) != true)
            {
                missing.Add(path);
            }

            foreach (Command s in c.Subcommands)
            {
                Walk(s, (path + " " + s.Name).Trim());
            }
        }

        Walk(Program.BuildRoot(), string.Empty);

        Assert.AreEqual(string.Empty, string.Join(", ", missing), "commands without an example");
    }

    [TestMethod]
    public async Task Typo_OneLineWithOneSuggestion()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("schedule", "ad", "--id", "x");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.AreEqual("radioctl schedule: unknown 'ad'; did you mean add? (radioctl schedule --help)", run.Error.Trim());
    }

    [TestMethod]
    public async Task EmergencyStop_Error_PrefixNamesTheFullCommand()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("emergency", "stop", "--station", "nope");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.StartsWith(run.Error, "radioctl emergency stop: unknown station 'nope'");
    }

    [TestMethod]
    [DataRow("keys generate --as vn")]
    [DataRow("keys generate --broker mqtt://127.0.0.1:1")]
    [DataRow("watch --timeout 5s --for 1s")]
    public async Task OptionThatDoesNothing_IsNotOffered(string line)
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync(line.Split(' '));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "unknown '");
    }

    [TestMethod]
    public async Task Play_TimeoutZero_Refused()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("play", "--commune", "an-binh", "--duration", "5s", "--timeout", "0");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--timeout must be at least 1 s");
    }

    [TestMethod]
    public async Task PlayHelp_TargetOptions_MarkedExactlyOneOf()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("play", "--help");

        StringAssert.Contains(run.Output, "[target: exactly one of --station, --commune, --province, --group]");
        StringAssert.Contains(run.Output, "Examples:");
    }

    [TestMethod]
    public async Task SuggestDirective_PartialSubcommand_CompletesIt()
    {
        using OperatorWorkspace w = NewWorkspace();

        CliRun run = await w.RunAsync("[suggest:19]", "radioctl schedule a");

        StringAssert.Contains(run.Output, "add");
        Assert.IsFalse(run.Output.Contains("remove", StringComparison.Ordinal), run.Output);
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void CompletionBash_SourcedInBash_CompletesFromRadioctl()
    {
        string dir = Directory.CreateTempSubdirectory("radioctl-completion-").FullName;
        try
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "radioctl.dll");
            string shim = Path.Combine(dir, "radioctl");
            File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet '{dll}' \"$@\"\n");
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string script = "source <(radioctl completion bash); COMP_LINE='radioctl play --com'; COMP_POINT=19; COMP_WORDS=(radioctl play --com); COMP_CWORD=2; _radioctl_complete; echo \"[${COMPREPLY[*]}]\"";
            var start = new ProcessStartInfo("bash", new[] { "-c", script }) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["PATH"] = dir + ":" + Environment.GetEnvironmentVariable("PATH");
            using Process p = Process.Start(start)!;
            string output = p.StandardOutput.ReadToEnd();
            string error = p.StandardError.ReadToEnd();
            Assert.IsTrue(p.WaitForExit(60_000), "bash did not finish");

            Assert.AreEqual("[--commune]", output.Trim(), error);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
