using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// One entry of a station's schedule. Times are local (UTC + the station's fixed offset).
    /// Occurrences of an item never overlap (duration is at most <see cref="MaxDurationSeconds"/>, below a
    /// day), which lets the station settle each item's occurrences in order with one watermark.
    /// <para>Example: the daily morning slot is Weekly, DaysMask 0x7F, StartSecond 19800 (05:30), 1800 s.</para>
    /// </summary>
    public sealed class ScheduleItem
    {
        /// <summary>Longest allowed item id, in characters.</summary>
        public const int MaxIdLength = 32;

        /// <summary>Longest allowed issuer name, in characters.</summary>
        public const int MaxIssuerLength = 48;

        /// <summary>Longest programme: 4 hours (well below a day, so occurrences never overlap).</summary>
        public const int MaxDurationSeconds = 4 * 3600;

        /// <summary>No bound on a validity date.</summary>
        public const int NoDate = -1;

        /// <summary>Unique id within the station's schedule.</summary>
        public string Id;

        /// <summary>One-off or weekly.</summary>
        public ItemKind Kind;

        /// <summary>One-off: local epoch day (see <see cref="LocalCalendar"/>).</summary>
        public int Day;

        /// <summary>Weekly: bit 0 = Monday … bit 6 = Sunday.</summary>
        public int DaysMask;

        /// <summary>Local start time, seconds after midnight (0…86399).</summary>
        public int StartSecond;

        /// <summary>Length of the programme in seconds (1…<see cref="MaxDurationSeconds"/>).</summary>
        public int DurationSeconds;

        /// <summary>Weekly: first local epoch day it plays, or <see cref="NoDate"/>.</summary>
        public int ValidFromDay = NoDate;

        /// <summary>Weekly: last local epoch day it plays (inclusive), or <see cref="NoDate"/>.</summary>
        public int ValidUntilDay = NoDate;

        /// <summary>Bulletin class.</summary>
        public BroadcastClass Class;

        /// <summary>Level of the issuer that scheduled it.</summary>
        public IssuerLevel Level;

        /// <summary>Name of the issuer that scheduled it.</summary>
        public string Issuer;

        /// <summary>Speaker lines to connect: bit i = line i.</summary>
        public int Lines;

        /// <summary>Audio source to select (index into the station's source outputs).</summary>
        public int Source;

        /// <summary>
        /// Finds the first occurrence of this item that starts strictly after <paramref name="afterUtcMs"/>.
        /// Returns false when there is none (a one-off in the past, a weekly item past its last date).
        /// Allocation-free: at most eight days are examined.
        /// </summary>
        public bool TryGetNextStart(long afterUtcMs, int offsetMinutes, out long startUtcMs)
        {
            long startMsOfDay = StartSecond * 1000L;
            if (Kind == ItemKind.OneOff)
            {
                startUtcMs = LocalCalendar.ToUtc(Day, startMsOfDay, offsetMinutes);
                return startUtcMs > afterUtcMs;
            }

            int day = LocalCalendar.LocalDay(afterUtcMs, offsetMinutes);
            if (ValidFromDay != NoDate && day < ValidFromDay)
            {
                day = ValidFromDay;
            }

            for (int i = 0; i < 8; i++, day++)
            {
                if (ValidUntilDay != NoDate && day > ValidUntilDay)
                {
                    break;
                }

                if ((DaysMask & (1 << LocalCalendar.DayOfWeek(day))) == 0)
                {
                    continue;
                }

                long start = LocalCalendar.ToUtc(day, startMsOfDay, offsetMinutes);
                if (start > afterUtcMs)
                {
                    startUtcMs = start;
                    return true;
                }
            }

            startUtcMs = 0;
            return false;
        }

        /// <summary>
        /// Finds the occurrence whose window [start, start + duration) contains <paramref name="utcMs"/>.
        /// </summary>
        public bool TryGetOccurrenceCovering(long utcMs, int offsetMinutes, out long startUtcMs)
        {
            if (TryGetNextStart(utcMs - DurationSeconds * 1000L, offsetMinutes, out startUtcMs) && startUtcMs <= utcMs)
            {
                return true;
            }

            startUtcMs = 0;
            return false;
        }

        /// <summary>
        /// True when <paramref name="other"/> plays exactly what this item plays — every field equal except the issuer
        /// and level, which a station takes from the signing key, never from the payload. A <c>schedule.sync</c> from a
        /// lower issuer may keep a higher issuer's item only as the same programme (docs/protocol.md §4.2).
        /// </summary>
        public bool SameProgramme(ScheduleItem other)
        {
            return other != null && other.Id == Id && other.Kind == Kind && other.Day == Day && other.DaysMask == DaysMask
                && other.StartSecond == StartSecond && other.DurationSeconds == DurationSeconds
                && other.ValidFromDay == ValidFromDay && other.ValidUntilDay == ValidUntilDay && other.Class == Class
                && other.Lines == Lines && other.Source == Source;
        }

        /// <summary>A copy with the same fields (the schedule keeps its own instances).</summary>
        public ScheduleItem Clone()
        {
            ScheduleItem c = new ScheduleItem();
            c.Id = Id;
            c.Kind = Kind;
            c.Day = Day;
            c.DaysMask = DaysMask;
            c.StartSecond = StartSecond;
            c.DurationSeconds = DurationSeconds;
            c.ValidFromDay = ValidFromDay;
            c.ValidUntilDay = ValidUntilDay;
            c.Class = Class;
            c.Level = Level;
            c.Issuer = Issuer;
            c.Lines = Lines;
            c.Source = Source;
            return c;
        }
    }
}
