using System;
using System.Collections.Generic;
using System.Globalization;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Commands;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// One schedule item of the local record as <c>schedule list</c> shows it, read by the Core's parser
/// (<see cref="ScheduleShadow.Parse"/>) so what is shown is what the stations hold:
/// <code>
/// {"id":"news","kind":"weekly","days":["mon","wed"],"time":"05:30","duration":1800,…}
///   >> When "mon,wed", Time "05:30:00", Duration "30m", Next "2026-11-25 05:30" (local, +07:00)
/// {"id":"notice","kind":"once","date":"2026-11-24","time":"07:15",…}  >> When "2026-11-24"
/// </code>
/// </summary>
public sealed class ScheduleItemView
{
    private static readonly string[] DayNames = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

    private ScheduleItemView(ScheduleItem item, long? nextUtcMs)
    {
        Item = item;
        NextUtcMs = nextUtcMs;
    }

    /// <summary>The item as the Core reads it.</summary>
    public ScheduleItem Item { get; }

    /// <summary>Start of the next occurrence after now (or the one on air now), UTC ms; null when none is left.</summary>
    public long? NextUtcMs { get; }

    /// <summary>"once" or "weekly".</summary>
    public string Kind => Item.Kind == ItemKind.OneOff ? "once" : "weekly";

    /// <summary>The local date of a one-off, or the days of a weekly item ("daily", "weekdays", "mon,wed") with its dates.</summary>
    public string When
    {
        get
        {
            if (Item.Kind == ItemKind.OneOff)
            {
                return Date(Item.Day);
            }

            string days = Days(Item.DaysMask);
            string from = Item.ValidFromDay == ScheduleItem.NoDate ? string.Empty : " from " + Date(Item.ValidFromDay);
            string until = Item.ValidUntilDay == ScheduleItem.NoDate ? string.Empty : " until " + Date(Item.ValidUntilDay);
            return days + from + until;
        }
    }

    /// <summary>Local start time HH:MM:SS.</summary>
    public string Time => TimeSpan.FromSeconds(Item.StartSecond).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>The duration as operators type it (30m, 1h30m, 90s).</summary>
    public string Duration => Format(Item.DurationSeconds);

    /// <summary>normal, priority or emergency.</summary>
    public string Class => Item.Class switch { BroadcastClass.Priority => "priority", BroadcastClass.Emergency => "emergency", _ => "normal" };

    /// <summary>The speaker lines, e.g. "0,1".</summary>
    public string Lines
    {
        get
        {
            var parts = new List<string>();
            for (int i = 0; i < 31; i++)
            {
                if ((Item.Lines & (1 << i)) != 0)
                {
                    parts.Add(i.ToString(CultureInfo.InvariantCulture));
                }
            }

            return string.Join(",", parts);
        }
    }

    /// <summary>The next occurrence as local time "yyyy-MM-dd HH:mm", "on air now" or "none left".</summary>
    public string Next(long nowUtcMs) =>
        NextUtcMs is not long t ? "none left" : t <= nowUtcMs ? "now (window open)" : ArgsJson.LocalTime(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a stored item and finds its next occurrence after <paramref name="nowUtcMs"/>.</summary>
    public static ScheduleItemView Of(LocalItem local, long nowUtcMs)
    {
        ScheduleItem item = ScheduleShadow.Parse(local);
        long? next = item.TryGetOccurrenceCovering(nowUtcMs, ArgsJson.VietnamOffsetMinutes, out long covering) ? covering
            : item.TryGetNextStart(nowUtcMs, ArgsJson.VietnamOffsetMinutes, out long start) ? start : null;
        return new ScheduleItemView(item, next);
    }

    /// <summary>Seconds as 90s, 30m, 1h30m, 1h.</summary>
    public static string Format(int seconds)
    {
        int h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
        string text = (h > 0 ? h + "h" : string.Empty) + (m > 0 ? m + "m" : string.Empty) + (s > 0 ? s + "s" : string.Empty);
        return text.Length == 0 ? "0s" : text;
    }

    private static string Days(int mask) => mask switch
    {
        0x7F => "daily",
        0x1F => "weekdays",
        0x60 => "weekend",
        _ => string.Join(",", Array.FindAll(DayNames, d => (mask & (1 << Array.IndexOf(DayNames, d))) != 0)),
    };

    private static string Date(int epochDay) => DateTime.UnixEpoch.AddDays(epochDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
