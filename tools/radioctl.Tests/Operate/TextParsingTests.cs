using CommuneRadio.Cli.Operate;
using CommuneRadio.Host.Commands;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Operate;

[TestClass]
public sealed class TextParsingTests
{
    [TestMethod]
    [DataRow("1800", 1800)]
    [DataRow("90s", 90)]
    [DataRow("30m", 1800)]
    [DataRow("1h30m", 5400)]
    [DataRow("00:05:00", 300)]
    public void DurationTextTryParse_ValidForms_ReturnsSeconds(string text, int seconds)
    {
        Assert.IsTrue(DurationText.TryParse(text, out int parsed));
        Assert.AreEqual(seconds, parsed);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("soon")]
    [DataRow("-5")]
    [DataRow("5 m")]
    public void DurationTextTryParse_Garbage_ReturnsFalse(string text) => Assert.IsFalse(DurationText.TryParse(text, out _));

    [TestMethod]
    public void TimeTextParse_LocalDateTime_IsSevenHoursAheadOfUtc()
    {
        long utc = TimeText.Parse("2026-11-23 05:30", "--since", 0);

        Assert.AreEqual(ArgsJson.UtcMs(new System.DateTime(2026, 11, 23, 5, 30, 0)), utc);
        Assert.AreEqual(new System.DateTimeOffset(2026, 11, 22, 22, 30, 0, System.TimeSpan.Zero).ToUnixTimeMilliseconds(), utc);
    }

    [TestMethod]
    public void TimeTextParse_DayMonthYearAnd17h30_SameAsIso() =>
        Assert.AreEqual(TimeText.Parse("2026-11-24 17:30", "--since", 0), TimeText.Parse("24/11/2026 17h30", "--since", 0));

    [TestMethod]
    public void TimeTextParse_Age_IsBeforeNow() => Assert.AreEqual(1_000_000 - 7_200_000, TimeText.Parse("2h", "--since", 1_000_000));

    [TestMethod]
    public void TimeTextParse_Garbage_ThrowsNamingTheOption()
    {
        var ex = Assert.ThrowsExactly<OperatorException>(() => TimeText.Parse("yesterday-ish", "--until", 0));
        StringAssert.Contains(ex.Message, "--until");
    }

    [TestMethod]
    public void ScheduleCommandDays_Weekdays_IsMondayToFriday() =>
        CollectionAssert.AreEqual(new[] { "mon", "tue", "wed", "thu", "fri" }, ScheduleCommand.Days("weekdays"));
}
