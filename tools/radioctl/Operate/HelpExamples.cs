using System;
using System.Collections.Generic;
using System.CommandLine;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// One or two examples for each command's <c>--help</c>, kept in one table so they are read (and checked by a
/// test: every command of the tree has one) together. <see cref="Apply"/> appends them to the descriptions.
/// </summary>
public static class HelpExamples
{
    private static readonly Dictionary<string, string[]> ByPath = new(StringComparer.Ordinal)
    {
        ["schedule"] = new[] { "radioctl schedule add --commune an-binh --id morning-news --days daily --time 05:30 --duration 30m" },
        ["schedule add"] = new[]
        {
            "radioctl schedule add --commune an-binh --id morning-news --days daily --time 05:30 --duration 30m",
            "radioctl schedule add --commune \"An Bình\" --id vaccination --date 24/11/2026 --time 7h15 --duration 5m --class priority",
        },
        ["schedule remove"] = new[] { "radioctl schedule remove --commune an-binh --id morning-news" },
        ["schedule list"] = new[] { "radioctl schedule list --commune an-binh" },
        ["schedule sync"] = new[] { "radioctl schedule sync --commune an-binh --file an-binh-schedule.json" },
        ["play"] = new[] { "radioctl play --commune an-binh --duration 5m --lines 0,1" },
        ["stop"] = new[] { "radioctl stop --commune an-binh --programme c-20261123-0001" },
        ["selftest"] = new[] { "radioctl selftest --station ht-ab-001" },
        ["emergency"] = new[] { "radioctl emergency start --province ha-tinh --duration 20m --as prov.ha-tinh" },
        ["emergency start"] = new[] { "radioctl emergency start --province ha-tinh --duration 20m --source 1 --as prov.ha-tinh" },
        ["emergency stop"] = new[] { "radioctl emergency stop --province ha-tinh --as prov.ha-tinh" },
        ["status"] = new[] { "radioctl status --commune an-binh", "radioctl status --province ha-tinh --json | jq '.stations[] | select(.result == null) | .station'" },
        ["watch"] = new[] { "radioctl watch --commune an-binh --for 10m" },
        ["log"] = new[] { "radioctl log --commune an-binh --since 22/11/2026 --until 23/11/2026 --csv an-binh.csv", "radioctl log --commune an-binh --for 2m" },
        ["keys"] = new[] { "radioctl keys generate --issuer com.ha-tinh.an-binh --keyring an-binh.keyring.json" },
        ["keys generate"] = new[] { "radioctl keys generate --issuer com.ha-tinh.an-binh --keyring an-binh.keyring.json" },
        ["keys rotate"] = new[] { "radioctl keys rotate --issuer com.ha-tinh.an-binh --commune an-binh --as prov.ha-tinh" },
        ["update"] = new[] { "radioctl update push --image app-1.4.0 --version 1.4.0 --station ht-ab-001" },
        ["update push"] = new[]
        {
            "radioctl update push --image app-1.4.0 --version 1.4.0 --station ht-ab-001",
            "radioctl update push --image app-1.4.0 --version 1.4.0 --province ha-tinh --parallel 32 --json > push.json",
        },
        ["completion"] = new[] { "source <(radioctl completion bash)" },
        ["provision"] = new[] { "radioctl provision --inventory ha-tinh.csv --out prov-ha-tinh --ca ca.crt --dry-run" },
        ["flash"] = new[] { "radioctl flash --port /dev/ttyUSB0 --station ht-ab-001 --dir prov-ha-tinh --dry-run" },
        ["bench"] = new[] { "radioctl bench fanout --stations 200 --rounds 20" },
        ["bench fanout"] = new[] { "radioctl bench fanout --stations 200 --rounds 20 --json" },
        ["bench reconnect"] = new[] { "radioctl bench reconnect --stations 500 --down 5" },
        ["bench national"] = new[] { "radioctl bench national --provinces 3 --stations 1000 --rounds 5" },
        ["demo"] = new[] { "radioctl demo" },
        ["broker"] = new[]
        {
            "radioctl broker",
            "radioctl broker --national --fleet fleet.json --data national/",
            "radioctl broker --province ha-tinh --fleet fleet.json --bridge national/bridges/ha-tinh.json --data ha-tinh/ --port 8884",
        },
        ["simulate"] = new[] { "radioctl simulate --stations 100" },
        ["serve"] = new[] { "radioctl serve --fleet prov/fleet.json --ca prov/ca.pem --credentials prov/credentials.json --data server-data" },
        ["serve token"] = new[] { "radioctl serve token add --name an-binh-office --role commune --scope com.ha-tinh.an-binh" },
        ["serve token add"] = new[] { "radioctl serve token add --name an-binh-office --role commune --scope com.ha-tinh.an-binh --data server-data" },
        ["serve bench"] = new[] { "radioctl serve bench --stations 5000 --events 5000 --seconds 60" },
    };

    /// <summary>The examples of a command path ("schedule add"), or null.</summary>
    public static string[]? Of(string path) => ByPath.TryGetValue(path, out string[]? lines) ? lines : null;

    /// <summary>Appends "Examples:" to the description of <paramref name="command"/> and of every command under it.</summary>
    public static void Apply(Command command, string path = "")
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Of(path) is { } lines && command.Description?.Contains("Examples:", StringComparison.Ordinal) != true)
        {
            command.Description += Environment.NewLine + Environment.NewLine + "Examples:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", lines);
        }

        foreach (Command sub in command.Subcommands)
        {
            Apply(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name);
        }
    }
}
