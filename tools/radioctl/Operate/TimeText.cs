using System;
using System.Globalization;
using CommuneRadio.Host.Commands;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Points in time for <c>log --since/--until</c>, in Vietnam local time (+07:00), as UTC milliseconds:
/// <code>
/// "2026-11-23"           >> 2026-11-23 00:00 local     "2026-11-23 05:30" >> that minute (also with :ss, or T)
/// "05:30"                >> today at 05:30 local        "now"              >> now
/// "2h", "30m", "90s"     >> that long ago            "24/11/2026 17h30" >> 2026-11-24 17:30 (also 24/11/2026, 17h30)
/// </code>
/// </summary>
public static class TimeText
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
    };

    /// <summary>Parses a point in time; throws <see cref="OperatorException"/> naming <paramref name="option"/>.</summary>
    public static long Parse(string text, string option, long nowUtcMs)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text == "now")
        {
            return nowUtcMs;
        }

        // Vietnamese forms: "24/11/2026", "24/11/2026 17h30", "17h30".
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        text = space > 0 ? LocalText.Date(text[..space]) + " " + LocalText.Time(text[(space + 1)..]) : text.Contains('/', StringComparison.Ordinal) ? LocalText.Date(text) : text.Contains('h', StringComparison.Ordinal) && char.IsAsciiDigit(text[^1]) ? LocalText.Time(text) : text;

        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return ArgsJson.UtcMs(local);
        }

        if (TimeSpan.TryParseExact(text, new[] { @"hh\:mm", @"hh\:mm\:ss" }, CultureInfo.InvariantCulture, out TimeSpan ofDay))
        {
            return ArgsJson.UtcMs(ArgsJson.LocalTime(nowUtcMs).Date + ofDay);
        }

        if (!text.Contains(':', StringComparison.Ordinal) && DurationText.TryParse(text, out int ago) && !char.IsAsciiDigit(text[^1]))
        {
            return nowUtcMs - ago * 1000L;
        }

        throw new OperatorException($"{option} '{text}' is not a time: YYYY-MM-DD or DD/MM/YYYY, with HH:MM[:SS] or 17h30, HH:MM (today), now, or an age like 2h or 30m (local time +07:00)");
    }
}
