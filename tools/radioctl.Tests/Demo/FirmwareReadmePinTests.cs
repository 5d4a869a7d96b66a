using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommuneRadio.Cli.Demo;
using CommuneRadio.Core.Relays;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Demo;

/// <summary>
/// Firmware/README.md's pin tables say what an engineer wires; they must match the firmware profiles
/// (Firmware/Config/*.json), the host's copies (<see cref="BoardProfiles"/>), the wiring diagrams (docs/*.svg) and —
/// for the simulation profile — what <c>radioctl demo --offline</c> prints.
/// </summary>
[TestClass]
public sealed class FirmwareReadmePinTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private static string Readme => File.ReadAllText(Path.Combine(Root, "Firmware", "README.md"));

    [TestMethod]
    [DataRow("devkit-4relay")]
    [DataRow("board-8relay")]
    public void WiringTable_Profile_MatchesConfigProfileAndDiagram(string profile)
    {
        List<(int Pin, string Input, string Function)> rows = WiringRows(profile);
        string[] expected = Functions(BoardProfiles.Layout(profile)).Select(f => $"{f.Pin} {f.Function}").ToArray();
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "Firmware", "Config", profile + ".json")));
        string[] fromConfig = FunctionsOf(config.RootElement.GetProperty("relays")).ToArray();
        string svg = File.ReadAllText(Path.Combine(Root, "docs", $"wiring-{profile}.svg"));

        CollectionAssert.AreEqual(expected, rows.Select(r => $"{r.Pin} {r.Function}").ToArray(), "README vs BoardProfiles");
        CollectionAssert.AreEqual(expected, fromConfig, "BoardProfiles vs Firmware/Config");
        foreach ((int pin, string input, string function) in rows)
        {
            StringAssert.Contains(svg, $"GPIO{pin} → {input}: {function}", "diagram");
        }
    }

    [TestMethod]
    public void SimulationTable_Relay8_IsWhatDemoOfflinePrints()
    {
        Match table = Regex.Match(Readme, @"\| GPIO \| relay8 \| relay4 \|\n\|[-| ]+\|\n((?:\|.*\|\n)+)");
        Assert.IsTrue(table.Success, "simulation table not found");
        var relay8 = new List<string>();
        var relay4 = new List<string>();
        foreach (string line in table.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Add(relay8, cells[0], cells[1]);
            Add(relay4, cells[0], cells[2]);
        }

        CollectionAssert.AreEquivalent(Functions(BoardProfiles.Layout(BoardProfiles.Relay8)).Select(f => $"{f.Pin} {f.Function}").ToArray(), relay8);
        CollectionAssert.AreEquivalent(Functions(BoardProfiles.Layout(BoardProfiles.Relay4)).Select(f => $"{f.Pin} {f.Function}").ToArray(), relay4);

        // What the demo prints: "line0 on (GPIO16 low)" — output name and pin of every relay write.
        DemoResult demo = new DemoScenario().Run();
        var printed = demo.Relays.Select(r => $"{r.Write.Pin} {Name(r.Output)}").Distinct().ToArray();
        CollectionAssert.AreEquivalent(relay8.Select(r => Regex.Replace(r, @" \(amplifier \d\)$", string.Empty)).ToArray(), printed);
    }

    private static void Add(List<string> list, string gpio, string cell)
    {
        if (cell != "—")
        {
            list.Add($"{gpio} {cell}");
        }
    }

    private static string Name(string output) => Regex.Replace(output, @"^(amp|line|src)(\d)$", m => (m.Groups[1].Value switch { "amp" => "amplifier", "line" => "line", _ => "source" }) + " " + m.Groups[2].Value);

    private static List<(int Pin, string Input, string Function)> WiringRows(string profile)
    {
        string section = Readme[Readme.IndexOf($"### Wiring — {profile}", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n#", 10, StringComparison.Ordinal)];
        var rows = new List<(int, string, string)>();
        foreach (Match m in Regex.Matches(section, @"^\| (\d+) \| (IN\d) \| ([^|]+?) \| active-low \|$", RegexOptions.Multiline))
        {
            rows.Add((int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value.Replace(" power", string.Empty, StringComparison.Ordinal)));
        }

        Assert.IsTrue(rows.Count >= 4, $"no wiring rows for {profile}");
        return rows;
    }

    private static IEnumerable<(int Pin, string Function)> Functions(RelayLayout layout)
    {
        for (int i = 0; i < layout.Amplifiers.Length; i++)
        {
            yield return (layout.Amplifiers[i].Pin, $"amplifier {i}");
        }

        for (int i = 0; i < layout.Lines.Length; i++)
        {
            yield return (layout.Lines[i].Pin, $"line {i} (amplifier {layout.Lines[i].Amplifier})");
        }

        for (int i = 0; i < layout.Sources.Length; i++)
        {
            yield return (layout.Sources[i].Pin, $"source {i}");
        }
    }

    private static IEnumerable<string> FunctionsOf(JsonElement relays)
    {
        int i = 0;
        foreach (JsonElement a in relays.GetProperty("amplifiers").EnumerateArray())
        {
            yield return $"{a.GetProperty("pin").GetInt32()} amplifier {i++}";
        }

        i = 0;
        foreach (JsonElement l in relays.GetProperty("lines").EnumerateArray())
        {
            yield return $"{l.GetProperty("pin").GetInt32()} line {i++} (amplifier {l.GetProperty("amplifier").GetInt32()})";
        }

        i = 0;
        foreach (JsonElement s in relays.GetProperty("sources").EnumerateArray())
        {
            yield return $"{s.GetProperty("pin").GetInt32()} source {i++}";
        }
    }
}
