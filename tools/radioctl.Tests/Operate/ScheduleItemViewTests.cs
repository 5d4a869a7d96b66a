using CommuneRadio.Cli.Operate;
using CommuneRadio.Host.Commands;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Operate;

[TestClass]
public sealed class ScheduleItemViewTests
{
    // Monday 2026-11-23 13:36 local (+07:00).
    private static readonly long Now = ArgsJson.UtcMs(new System.DateTime(2026, 11, 23, 13, 36, 0));

    private static ScheduleItemView View(string json) => ScheduleItemView.Of(new LocalItem("x", json, "com.ha-tinh.an-binh", "commune"), Now);

    [TestMethod]
    public void Of_WeeklyWeekdays_ShowsDaysAndNextLocalOccurrence()
    {
        ScheduleItemView v = View("{\"id\":\"x\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"],\"until\":\"2026-12-31\",\"time\":\"05:30\",\"duration\":1800,\"class\":\"priority\",\"lines\":[0,2],\"source\":1}");

        Assert.AreEqual("weekdays until 2026-12-31", v.When);
        Assert.AreEqual("05:30:00", v.Time);
        Assert.AreEqual("30m", v.Duration);
        Assert.AreEqual("priority", v.Class);
        Assert.AreEqual("0,2", v.Lines);
        Assert.AreEqual("2026-11-24 05:30", v.Next(Now));
    }

    [TestMethod]
    public void Of_OneOffOver_SaysNoneLeft()
    {
        ScheduleItemView v = View("{\"id\":\"x\",\"kind\":\"once\",\"date\":\"2026-11-23\",\"time\":\"00:01\",\"duration\":300,\"class\":\"normal\",\"lines\":[0],\"source\":0}");

        Assert.AreEqual("2026-11-23", v.When);
        Assert.AreEqual("5m", v.Duration);
        Assert.AreEqual("none left", v.Next(Now));
    }

    [TestMethod]
    public void Of_OneOffOnAirNow_SaysWindowOpen()
    {
        ScheduleItemView v = View("{\"id\":\"x\",\"kind\":\"once\",\"date\":\"2026-11-23\",\"time\":\"13:30\",\"duration\":5400,\"class\":\"normal\",\"lines\":[0],\"source\":0}");

        Assert.AreEqual("1h30m", v.Duration);
        Assert.AreEqual("now (window open)", v.Next(Now));
    }
}
