using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// Checks a schedule item against the rules and the station's fitted outputs, naming the first field
    /// at fault. Example: a weekly item with DaysMask 0 is refused as <c>invalid-time</c> on <c>days</c>.
    /// </summary>
    public static class ScheduleValidator
    {
        /// <summary>Validates an item for a station.</summary>
        public static CommandResult Validate(ScheduleItem item, RelayLayout layout)
        {
            if (item == null)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "item");
            }

            if (!IsToken(item.Id, ScheduleItem.MaxIdLength))
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "id");
            }

            if (item.Issuer == null || item.Issuer.Length == 0 || item.Issuer.Length > ScheduleItem.MaxIssuerLength)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "issuer");
            }

            if (item.StartSecond < 0 || item.StartSecond >= 86400)
            {
                return CommandResult.Refuse(RefusalReason.InvalidTime, "time");
            }

            if (item.DurationSeconds < 1 || item.DurationSeconds > ScheduleItem.MaxDurationSeconds)
            {
                return CommandResult.Refuse(RefusalReason.InvalidDuration, "duration");
            }

            if (item.Class < BroadcastClass.Normal || item.Class > BroadcastClass.Emergency)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "class");
            }

            if (item.Level < IssuerLevel.Station || item.Level > IssuerLevel.National)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "level");
            }

            CommandResult r = CheckDates(item);
            return r.Accepted ? CheckOutputs(item.Lines, item.Source, layout) : r;
        }

        /// <summary>
        /// Refuses an item none of whose occurrences can still play at <paramref name="nowUtcMs"/>: a one-off whose
        /// window has ended (field <c>date</c>), or a weekly item whose last date's window has ended (<c>until</c>).
        /// Such an item would otherwise sit in the schedule for ever, never playing. Only meaningful with a valid
        /// clock. Example: one-off 2025-01-01 05:30 for 5 min, now 2026-11-23 → <c>in-the-past</c> on <c>date</c>;
        /// today 00:01 for 5 min at 13:36 → refused; today 13:30 for 10 min at 13:36 → accepted (still on).
        /// </summary>
        public static CommandResult CheckNotPast(ScheduleItem item, long nowUtcMs, int offsetMinutes)
        {
            long windowEndMsOfDay = item.StartSecond * 1000L + item.DurationSeconds * 1000L;
            if (item.Kind == ItemKind.OneOff)
            {
                return LocalCalendar.ToUtc(item.Day, windowEndMsOfDay, offsetMinutes) <= nowUtcMs
                    ? CommandResult.Refuse(RefusalReason.InThePast, "date") : CommandResult.Ok;
            }

            bool ended = item.ValidUntilDay != ScheduleItem.NoDate && LocalCalendar.ToUtc(item.ValidUntilDay, windowEndMsOfDay, offsetMinutes) <= nowUtcMs;
            return ended ? CommandResult.Refuse(RefusalReason.InThePast, "until") : CommandResult.Ok;
        }

        /// <summary>Checks that the lines are non-empty and fitted and the source is fitted.</summary>
        public static CommandResult CheckOutputs(int lines, int source, RelayLayout layout)
        {
            if (lines == 0 || (lines & ~layout.AllLinesMask) != 0)
            {
                return CommandResult.Refuse(RefusalReason.InvalidLines, "lines");
            }

            if (source < 0 || source >= layout.Sources.Length)
            {
                return CommandResult.Refuse(RefusalReason.InvalidSource, "source");
            }

            return CommandResult.Ok;
        }

        /// <summary>
        /// True for 1…<paramref name="max"/> characters of [A-Za-z0-9._:-] (safe in topics, file names and logs).
        /// </summary>
        public static bool IsToken(string s, int max)
        {
            if (s == null || s.Length == 0 || s.Length > max)
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static CommandResult CheckDates(ScheduleItem item)
        {
            int maxDay = LocalCalendar.DayFromDate(2199, 12, 31);
            if (item.Kind == ItemKind.OneOff)
            {
                return item.Day < 0 || item.Day > maxDay ? CommandResult.Refuse(RefusalReason.InvalidTime, "date") : CommandResult.Ok;
            }

            if (item.Kind != ItemKind.Weekly)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "kind");
            }

            if (item.DaysMask <= 0 || item.DaysMask > 0x7F)
            {
                return CommandResult.Refuse(RefusalReason.InvalidTime, "days");
            }

            bool fromSet = item.ValidFromDay != ScheduleItem.NoDate;
            bool untilSet = item.ValidUntilDay != ScheduleItem.NoDate;
            if (fromSet && (item.ValidFromDay < 0 || item.ValidFromDay > maxDay))
            {
                return CommandResult.Refuse(RefusalReason.InvalidTime, "from");
            }

            if (untilSet && (item.ValidUntilDay < 0 || item.ValidUntilDay > maxDay))
            {
                return CommandResult.Refuse(RefusalReason.InvalidTime, "until");
            }

            if (fromSet && untilSet && item.ValidUntilDay < item.ValidFromDay)
            {
                return CommandResult.Refuse(RefusalReason.InvalidTime, "until");
            }

            return CommandResult.Ok;
        }
    }
}
