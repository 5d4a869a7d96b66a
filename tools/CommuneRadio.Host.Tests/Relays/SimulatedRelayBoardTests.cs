using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Station;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Relays;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Relays;

[TestClass]
public sealed class SimulatedRelayBoardTests
{
    private static readonly RelayLayout Layout = BoardProfiles.Layout(BoardProfiles.Relay8);

    [TestMethod]
    public void Apply_SetsTheOutputsAndRecordsEveryWriteInOrder()
    {
        var board = new SimulatedRelayBoard(Layout);

        board.Apply(Writes((RelayRole.Amplifier, 1, true), (RelayRole.Source, 0, true)), 1000);
        board.Apply(Writes((RelayRole.Line, 3, true)), 2500);

        Assert.AreEqual(0b10, board.AmplifierMask);
        Assert.AreEqual(0b1000, board.LinesMask);
        Assert.AreEqual(0, board.Source);
        CollectionAssert.AreEqual(new[] { "amp1@1000", "src0@1000", "line3@2500" }, Names(board.Timeline));
    }

    [TestMethod]
    public void Timeline_OverItsLimit_KeepsTheNewestEntriesInOrder()
    {
        var board = new SimulatedRelayBoard(Layout) { TimelineLimit = 20 };

        for (int t = 1; t <= 53; t++)
        {
            board.Apply(Writes((RelayRole.Line, t % 4, t % 2 == 0)), t);
        }

        CollectionAssert.AreEqual(Enumerable.Range(34, 20).Select(t => (long)t).ToArray(), board.Timeline.Select(e => e.UtcMs).ToArray());
        CollectionAssert.AreEqual(new long[] { 50, 51, 52, 53 }, board.TimelineSince(50).Select(e => e.UtcMs).ToArray());
        Assert.AreEqual(20, board.TimelineSince(0).Count);
        Assert.AreEqual(0, board.TimelineSince(54).Count);
    }

    [TestMethod]
    public void Timeline_WithoutLimit_KeepsEverything()
    {
        var board = new SimulatedRelayBoard(Layout);

        for (int t = 1; t <= 1000; t++)
        {
            board.Apply(Writes((RelayRole.Amplifier, t % 2, true)), t);
        }

        Assert.AreEqual(1000, board.Timeline.Count);
        Assert.AreEqual(1, board.Timeline[0].UtcMs);
        Assert.AreEqual(1000, board.Timeline[999].UtcMs);
    }

    private static Effects Writes(params (RelayRole Role, int Index, bool On)[] writes)
    {
        var effects = new Effects(16);
        foreach ((RelayRole role, int index, bool on) in writes)
        {
            RelayChannel[] channels = role switch
            {
                RelayRole.Amplifier => Layout.Amplifiers,
                RelayRole.Line => Layout.Lines,
                _ => Layout.Sources,
            };
            effects.Writes.Add(role, index, channels[index], on);
        }

        return effects;
    }

    private static List<string> Names(IReadOnlyList<RelayTimelineEntry> timeline) => timeline.Select(e => $"{e.Output}@{e.UtcMs}").ToList();
}
