using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Dates, times and names as Vietnamese users write them, turned into what the protocol and the fleet file hold:
/// <code>
/// Time("17h30") >> "17:30"      Time("7h") >> "07:00"      Time("5:30") >> "05:30"     Time("17:30:15") unchanged
/// Date("24/11/2026") >> "2026-11-24"   Date("1/2/2027") >> "2027-02-01"   Date("2026-11-24") unchanged
/// Ascii("An Bình") >> "an-binh"        Ascii("bản-tin-sáng") >> "ban-tin-sang"    Ascii("Đồng Hới") >> "dong-hoi"
/// </code>
/// Anything these do not recognise is passed on unchanged, so the Core's own check names it as before.
/// </summary>
public static class LocalText
{
    private static readonly Regex HourH = new(@"^(\d{1,2})\s*[hH]\s*(\d{1,2})?(?:\s*(?:m|ph|phút))?$", RegexOptions.CultureInvariant);
    private static readonly Regex ShortHour = new(@"^(\d):(\d\d)(:\d\d)?$", RegexOptions.CultureInvariant);
    private static readonly Regex DayMonthYear = new(@"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", RegexOptions.CultureInvariant);

    /// <summary>A time of day in the protocol's HH:MM[:SS] form, or the text unchanged.</summary>
    public static string Time(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        Match h = HourH.Match(t);
        if (h.Success)
        {
            return $"{int.Parse(h.Groups[1].Value, CultureInfo.InvariantCulture):00}:{(h.Groups[2].Success ? int.Parse(h.Groups[2].Value, CultureInfo.InvariantCulture) : 0):00}";
        }

        Match s = ShortHour.Match(t);
        return s.Success ? $"0{s.Groups[1].Value}:{s.Groups[2].Value}{s.Groups[3].Value}" : t;
    }

    /// <summary>A date in the protocol's YYYY-MM-DD form (from dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy), or the text unchanged.</summary>
    public static string Date(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        Match m = DayMonthYear.Match(t);
        return m.Success
            ? $"{m.Groups[3].Value}-{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture):00}"
            : t;
    }

    // The Vietnamese letters with marks, by base letter. A table, not Unicode decomposition: radioctl runs with
    // invariant globalization, where string.Normalize does not decompose.
    private static readonly System.Collections.Generic.Dictionary<string, string> Marked = new()
    {
        ["a"] = "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ",
        ["e"] = "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ",
        ["i"] = "ìíỉĩịÌÍỈĨỊ",
        ["o"] = "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
        ["u"] = "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ",
        ["y"] = "ỳýỷỹỵỲÝỶỸỴ",
        ["d"] = "đĐ",
    };

    private static readonly System.Collections.Generic.Dictionary<char, char> BaseOf = BuildBaseOf();

    /// <summary>The ascii id a name with diacritics most likely stands for: no marks, đ → d, lowercase, spaces → "-".</summary>
    public static string Ascii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Trim())
        {
            if (c >= '\u0300' && c <= '\u036F')
            {
                continue; // a combining mark typed or pasted decomposed (NFD)
            }

            char a = BaseOf.TryGetValue(c, out char b) ? b : char.ToLowerInvariant(c);
            sb.Append(a is ' ' or '_' ? '-' : a);
        }

        return Regex.Replace(sb.ToString(), "-{2,}", "-");
    }

    /// <summary>True when the text has a character outside ASCII (a Vietnamese name, not an id).</summary>
    public static bool HasNonAscii(string text) => text is not null && !Ascii127(text);

    /// <summary>"2026-11-24 (Tuesday)" for the echo of how a date was read.</summary>
    public static string Weekday(string isoDate) =>
        DateTime.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime d)
            ? $"{isoDate} ({d.DayOfWeek})"
            : isoDate;

    private static System.Collections.Generic.Dictionary<char, char> BuildBaseOf()
    {
        var map = new System.Collections.Generic.Dictionary<char, char>();
        foreach (System.Collections.Generic.KeyValuePair<string, string> e in Marked)
        {
            foreach (char c in e.Value)
            {
                map[c] = e.Key[0];
            }
        }

        return map;
    }

    private static bool Ascii127(string text)
    {
        foreach (char c in text)
        {
            if (c > 127)
            {
                return false;
            }
        }

        return true;
    }
}
