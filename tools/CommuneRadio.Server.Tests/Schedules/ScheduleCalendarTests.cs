using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Server.Schedules;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Schedules;

[TestClass]
public sealed class ScheduleCalendarTests
{
    // Monday 2026-11-23 00:00 local (+07:00).
    private static readonly long Monday = ArgsJson.UtcMs(new DateTime(2026, 11, 23));
    private const long Day = 86_400_000L;

    private static ScheduleItem Item(string json) => ScheduleDigests.Parse("x", json, "com.a", "commune");

    private static readonly ScheduleItem News = Item("{\"id\":\"news\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1],\"source\":0}");
    private static readonly ScheduleItem Notice = Item("{\"id\":\"notice\",\"kind\":\"once\",\"date\":\"2026-11-25\",\"time\":\"05:45\",\"duration\":600,\"class\":\"priority\",\"lines\":[0],\"source\":0}");
    private static readonly ScheduleItem Evening = Item("{\"id\":\"evening\",\"kind\":\"weekly\",\"days\":[\"sun\"],\"time\":\"19:00\",\"duration\":300,\"class\":\"normal\",\"lines\":[0],\"source\":0,\"until\":\"2026-11-29\"}");

    [TestMethod]
    public void Occurrences_WeeklyOnceAndLimitedItems_PlacedByTheCoresRuleWithOverlaps()
    {
        List<ScheduleOccurrence> week = ScheduleCalendar.Occurrences(new[] { News, Notice, Evening }, Monday, Monday + 14 * Day);

        Assert.AreEqual(14, week.Count(o => o.Id == "news"), "every day for two weeks");
        Assert.AreEqual(1, week.Count(o => o.Id == "notice"));
        Assert.AreEqual(1, week.Count(o => o.Id == "evening"), "its last date is the first Sunday");
        ScheduleOccurrence notice = week.Single(o => o.Id == "notice");
        Assert.AreEqual(Monday + 2 * Day + (5 * 3600 + 45 * 60) * 1000L, notice.StartUtcMs, "Wednesday 05:45 local");
        Assert.AreEqual(notice.StartUtcMs + 600_000, notice.EndUtcMs);
        Assert.AreEqual("once", notice.Kind);
        Assert.AreEqual("priority", notice.Class);
        CollectionAssert.AreEqual(new[] { "news" }, notice.Conflicts.ToArray());
        CollectionAssert.AreEqual(new[] { "notice" }, week.Single(o => o.Id == "news" && o.StartUtcMs < notice.StartUtcMs && o.EndUtcMs > notice.StartUtcMs).Conflicts.ToArray());
        Assert.AreEqual(13, week.Count(o => o.Id == "news" && o.Conflicts.Count == 0), "only Wednesday's news overlaps");
        CollectionAssert.AreEqual(new[] { 0, 1 }, week.First().Lines.ToArray());
        Assert.IsTrue(week.Zip(week.Skip(1)).All(p => p.First.StartUtcMs <= p.Second.StartUtcMs), "ordered by start");
    }

    [TestMethod]
    public void Occurrences_StartedBeforeThePeriod_NotListedButStillConflicts()
    {
        ScheduleItem late = Item("{\"id\":\"late\",\"kind\":\"weekly\",\"days\":[\"sun\"],\"time\":\"23:30\",\"duration\":3600,\"class\":\"normal\",\"lines\":[0],\"source\":0}");
        ScheduleItem early = Item("{\"id\":\"early\",\"kind\":\"once\",\"date\":\"2026-11-23\",\"time\":\"00:10\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}");
        List<ScheduleOccurrence> week = ScheduleCalendar.Occurrences(new[] { late, early }, Monday, Monday + 7 * Day);

        CollectionAssert.AreEqual(new[] { "late" }, week.Single(o => o.Id == "early").Conflicts.ToArray(), "Sunday 23:30 runs past midnight into Monday");
        Assert.AreEqual(1, week.Count(o => o.Id == "late"), "the previous Sunday's is outside the period");
    }

    [TestMethod]
    public void Conflicts_ReplacingAnItem_IgnoresItsOldVersionAndFindsOthers()
    {
        ScheduleItem moved = Item("{\"id\":\"news\",\"kind\":\"weekly\",\"days\":[\"wed\"],\"time\":\"05:50\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0],\"source\":0}");
        List<ScheduleOccurrence> conflicts = ScheduleCalendar.Conflicts(moved, new[] { News, Notice }, Monday, Monday + 7 * Day);

        Assert.AreEqual(1, conflicts.Count);
        CollectionAssert.AreEqual(new[] { "notice" }, conflicts[0].Conflicts.ToArray(), "not with the news item it replaces");
        Assert.AreEqual(0, ScheduleCalendar.Conflicts(Evening, new[] { News, Notice }, Monday, Monday + 7 * Day).Count);
    }
}
