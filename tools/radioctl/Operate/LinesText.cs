using System;
using System.Globalization;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Speaker lines as operators type them (0-based, protocol §3.2):
/// <code>
/// "0,1,3" >> 0b1011     "all" or nothing >> every line fitted on every member (relay8: 0-3, relay4: 0-1)
/// </code>
/// Whether a line is fitted is the Core's rule (invalid-lines), checked by <see cref="Preflight"/>.
/// </summary>
public static class LinesText
{
    /// <summary>Parses a line list; throws <see cref="OperatorException"/> on bad syntax.</summary>
    public static int Parse(string? text, Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is null || text.Trim() == "all")
        {
            int mask = -1;
            foreach (FleetStation s in target.Members)
            {
                mask &= BoardProfiles.Layout(s.Board).AllLinesMask;
            }

            return mask;
        }

        int result = 0;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int line) || line > 30)
            {
                throw new OperatorException($"--lines '{text}' is not a list of line numbers 0-30 like 0,1,3 (or 'all')");
            }

            result |= 1 << line;
        }

        return result;
    }
}
