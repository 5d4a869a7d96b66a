using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Durations as operators type them, in whole seconds:
/// <code>
/// "1800" >> 1800     "90s" >> 90     "30m" >> 1800     "1h30m" >> 5400     "00:05:00" >> 300
/// </code>
/// Only the syntax is checked here; the range of a broadcast's duration (1 s … 4 h) is the Core's rule and is
/// checked by the preflight through the Core itself.
/// </summary>
public static class DurationText
{
    private static readonly Regex Units = new("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$", RegexOptions.CultureInvariant);

    /// <summary>Parses a duration; throws <see cref="OperatorException"/> naming <paramref name="option"/>.</summary>
    public static int Parse(string text, string option)
    {
        if (TryParse(text, out int seconds))
        {
            return seconds;
        }

        throw new OperatorException($"{option} '{text}' is not a duration (e.g. 90, 90s, 30m, 1h30m, 00:05:00)");
    }

    /// <summary>Parses a duration; false when it is not one.</summary>
    public static bool TryParse(string? text, out int seconds)
    {
        seconds = 0;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > 16)
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            bool ok = TimeSpan.TryParseExact(text, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out TimeSpan span);
            seconds = ok ? (int)span.TotalSeconds : 0;
            return ok;
        }

        Match m = Units.Match(text);
        if (!m.Success)
        {
            return false;
        }

        long total = Group(m, 1) * 3600 + Group(m, 2) * 60 + Group(m, 3);
        if (total > int.MaxValue)
        {
            return false;
        }

        seconds = (int)total;
        return true;
    }

    private static long Group(Match m, int i) =>
        m.Groups[i].Success ? long.Parse(m.Groups[i].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
}
