using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Fleet;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Operate;

[TestClass]
public sealed class LogReportTests
{
    private static PlayRecord Event(string station, long seq, long at, string kind = "started") =>
        new(station, seq, kind, "news", "normal", "none", at, true, at + 100);

    [TestMethod]
    public void Find_JumpInOneStation_ReportsTheMissingNumbers()
    {
        var events = new List<PlayRecord> { Event("a", 10, 1000), Event("a", 11, 2000), Event("b", 3, 2500), Event("a", 15, 3000), Event("b", 4, 3500) };

        List<SequenceGap> gaps = SequenceGap.Find(events);

        Assert.AreEqual(1, gaps.Count);
        Assert.AreEqual(new SequenceGap("a", 12, 14, 2000, 3000), gaps[0]);
        Assert.AreEqual(3, gaps[0].Count);
    }

    [TestMethod]
    public void Find_CountRestartsAndDuplicates_NoGap()
    {
        var events = new List<PlayRecord> { Event("a", 40, 1000), Event("a", 41, 2000), Event("a", 41, 2000), Event("a", 1, 5000), Event("a", 2, 6000) };

        Assert.AreEqual(0, SequenceGap.Find(events).Count);
    }

    [TestMethod]
    public void WriteCsv_Events_HeaderAndLocalTime()
    {
        using var writer = new StringWriter();

        LogReport.WriteCsv(writer, new[] { Event("ht-ab-001", 42, 1763850602000) });

        string[] lines = writer.ToString().TrimEnd().Split('\n');
        Assert.AreEqual("station,seq,kind,programme,class,reason,atLocal,atUtcMs,clockValid,receivedUtcMs", lines[0].TrimEnd('\r'));
        Assert.AreEqual("ht-ab-001,42,started,news,normal,none,2025-11-23 05:30:02,1763850602000,true,1763850602100", lines[1].TrimEnd('\r'));
    }

    [TestMethod]
    public async Task Log_SinceAfterUntil_Exits1()
    {
        using var w = new OperatorWorkspace(FleetGenerator.Generate(4, communes: 2, provinces: 1, broker: "mqtt://127.0.0.1:1"));

        CliRun run = await w.RunAsync("log", "--since", "2026-11-23", "--until", "2026-11-22");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "is not before --until");
    }

    [TestMethod]
    public async Task Log_CsvFromStore_WritesHeader()
    {
        using var w = new OperatorWorkspace(FleetGenerator.Generate(4, communes: 2, provinces: 1, broker: "mqtt://127.0.0.1:1"));
        string csv = Path.Combine(w.Directory, "report.csv");

        CliRun run = await w.RunAsync("log", "--since", "24h", "--csv", csv);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.StartsWith(File.ReadAllText(csv), "station,seq,kind");
    }
}
