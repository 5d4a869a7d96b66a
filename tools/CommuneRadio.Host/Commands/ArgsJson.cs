using System;
using System.Globalization;
using System.Text;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Host.Commands;

/// <summary>
/// The <c>args</c> objects of protocol §3.2 as compact JSON, for host tools and tests.
/// <code>
/// ScheduleOnce("news", localStart: 2026-11-23 05:30:00, 1800, "normal", 0xF, 0)
///   >> {"item":{"id":"news","kind":"once","date":"2026-11-23","time":"05:30:00","duration":1800,"class":"normal","lines":[0,1,2,3],"source":0}}
/// Emergency(300, 0xF, 1)     >> {"duration":300,"lines":[0,1,2,3],"source":1}
/// </code>
/// </summary>
public static class ArgsJson
{
    /// <summary>Vietnam's offset from UTC (protocol: local time = UTC + the station's offset, +07:00).</summary>
    public const int VietnamOffsetMinutes = 420;

    /// <summary><c>schedule.add</c> of a one-off item starting at a local date and time (second resolution).</summary>
    public static string ScheduleOnce(string itemId, DateTime localStart, int durationSeconds, string broadcastClass, int lines, int source) =>
        "{\"item\":{\"id\":\"" + itemId + "\",\"kind\":\"once\",\"date\":\"" + localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) +
        "\",\"time\":\"" + localStart.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "\",\"duration\":" + Int(durationSeconds) +
        ",\"class\":\"" + broadcastClass + "\",\"lines\":" + Lines(lines) + ",\"source\":" + Int(source) + "}}";

    /// <summary><c>emergency.start</c> for the command's addressee (or <paramref name="scope"/>).</summary>
    public static string Emergency(int durationSeconds, int lines, int source, string? scope = null) =>
        "{" + (scope is null ? string.Empty : "\"scope\":\"" + scope + "\",") + "\"duration\":" + Int(durationSeconds) +
        ",\"lines\":" + Lines(lines) + ",\"source\":" + Int(source) + "}";

    /// <summary>The local wall time (UTC + offset, no DST) of a UTC instant, whole seconds.</summary>
    public static DateTime LocalTime(long utcMs, int offsetMinutes = VietnamOffsetMinutes) =>
        DateTime.UnixEpoch.AddMilliseconds(utcMs / 1000 * 1000 + offsetMinutes * LocalCalendar.MsPerMinute);

    /// <summary>The UTC milliseconds of a local wall time.</summary>
    public static long UtcMs(DateTime localTime, int offsetMinutes = VietnamOffsetMinutes) =>
        (long)(localTime - DateTime.UnixEpoch).TotalMilliseconds - offsetMinutes * LocalCalendar.MsPerMinute;

    /// <summary>A line mask as a JSON array: 0b1011 → [0,1,3].</summary>
    public static string Lines(int mask)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < 31; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                text.Append(text.Length > 1 ? "," : string.Empty).Append(Int(i));
            }
        }

        return text.Append(']').ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
