using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Reads a schedule item object (docs/protocol.md §3.2, Item), e.g.
    /// <c>{"id":"morning-news","kind":"weekly","days":["mon","fri"],"time":"05:30","duration":1800,
    /// "class":"normal","lines":[0,1],"source":0}</c> → Weekly, DaysMask 0x11, StartSecond 19800.
    /// Field errors are named with the given path prefix ("args.item." or "args.items.").
    /// Dates and times are read from the raw bytes, without allocating.
    /// </summary>
    public static class ItemParser
    {
        private static readonly string[] Names = { "id", "kind", "date", "days", "from", "until", "time", "duration", "class", "lines", "source" };
        private static readonly string[] DayNames = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

        /// <summary>Parses the object starting at the reader's current StartObject into a new item.</summary>
        public static CommandResult Parse(JsonReader r, string[] paths, out ScheduleItem item)
        {
            item = new ScheduleItem();
            CommandResult problem = CommandResult.Ok;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, paths[paths.Length - 1]);
            }

            int seen = 0;
            bool weekly = false;
            while (JsonMembers.Next(r, ref problem))
            {
                bool duplicate;
                int which = JsonMembers.Which(r, Names, ref seen, out duplicate);
                if (which < 0)
                {
                    return JsonMembers.Unknown(r, paths[paths.Length - 1] + ".");
                }

                if (duplicate)
                {
                    return CommandResult.Refuse(RefusalReason.DuplicateField, paths[which]);
                }

                RefusalReason reason = ReadMember(r, which, item, ref weekly);
                if (reason != RefusalReason.None)
                {
                    return CommandResult.Refuse(r.Error != JsonError.None ? RefusalReason.Malformed : reason, paths[which]);
                }
            }

            if (!problem.Accepted)
            {
                return problem;
            }

            // Required: id, kind, time, duration, class, lines, source; date for once, days for weekly.
            int required = 1 | 2 | 64 | 128 | 256 | 512 | 1024 | (weekly ? 8 : 4);
            for (int i = 0; i < Names.Length; i++)
            {
                if ((required & (1 << i)) != 0 && (seen & (1 << i)) == 0)
                {
                    return CommandResult.Refuse(RefusalReason.InvalidField, paths[i]);
                }
            }

            bool onceOnlyFields = (seen & 4) != 0;
            bool weeklyOnlyFields = (seen & (8 | 16 | 32)) != 0;
            if (weekly ? onceOnlyFields : weeklyOnlyFields)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, weekly ? paths[2] : paths[3]);
            }

            item.Kind = weekly ? ItemKind.Weekly : ItemKind.OneOff;
            return CommandResult.Ok;
        }

        private static RefusalReason ReadMember(JsonReader r, int which, ScheduleItem item, ref bool weekly)
        {
            int start;
            int length;
            switch (which)
            {
                case 0:
                    return JsonMembers.ReadToken(r, ScheduleItem.MaxIdLength, out item.Id) && item.Id.IndexOf('/') < 0 ? RefusalReason.None : RefusalReason.InvalidField;
                case 1:
                    if (!r.Read() || r.TokenType != JsonTokenType.String)
                    {
                        return RefusalReason.InvalidField;
                    }

                    weekly = r.ValueEquals("weekly");
                    return weekly || r.ValueEquals("once") ? RefusalReason.None : RefusalReason.InvalidField;
                case 2:
                    return ReadDate(r, out item.Day);
                case 3:
                    return ReadDays(r, out item.DaysMask);
                case 4:
                    return ReadDate(r, out item.ValidFromDay);
                case 5:
                    return ReadDate(r, out item.ValidUntilDay);
                case 6:
                    if (!JsonMembers.ReadRaw(r, out start, out length))
                    {
                        return RefusalReason.InvalidField;
                    }

                    item.StartSecond = ParseTime(r.Buffer, start, length);
                    return item.StartSecond >= 0 ? RefusalReason.None : RefusalReason.InvalidTime;
                case 7:
                    return JsonMembers.ReadInt32(r, 1, ScheduleItem.MaxDurationSeconds, out item.DurationSeconds) ? RefusalReason.None : RefusalReason.InvalidDuration;
                case 8:
                    return ReadClass(r, out item.Class) ? RefusalReason.None : RefusalReason.InvalidField;
                case 9:
                    return ReadLines(r, out item.Lines);
                default:
                    return JsonMembers.ReadInt32(r, 0, 30, out item.Source) ? RefusalReason.None : RefusalReason.InvalidSource;
            }
        }

        /// <summary>Reads "normal", "priority" or "emergency".</summary>
        public static bool ReadClass(JsonReader r, out BroadcastClass cls)
        {
            cls = BroadcastClass.Normal;
            if (!r.Read() || r.TokenType != JsonTokenType.String)
            {
                return false;
            }

            if (r.ValueEquals("normal"))
            {
                return true;
            }

            if (r.ValueEquals("priority"))
            {
                cls = BroadcastClass.Priority;
                return true;
            }

            cls = BroadcastClass.Emergency;
            return r.ValueEquals("emergency");
        }

        /// <summary>Reads a non-empty array of distinct line numbers 0…30 into a mask.</summary>
        public static RefusalReason ReadLines(JsonReader r, out int mask)
        {
            mask = 0;
            if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
            {
                return RefusalReason.InvalidLines;
            }

            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                int line = -1; // assigned here too, so that Stryker can mutate the condition (CS0165 otherwise)
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out line) || line < 0 || line > 30 || (mask & (1 << line)) != 0)
                {
                    return RefusalReason.InvalidLines;
                }

                mask |= 1 << line;
            }

            return r.TokenType == JsonTokenType.EndArray && mask != 0 ? RefusalReason.None : RefusalReason.InvalidLines;
        }

        private static RefusalReason ReadDays(JsonReader r, out int mask)
        {
            mask = 0;
            if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
            {
                return RefusalReason.InvalidField;
            }

            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                int day = -1;
                for (int i = 0; r.TokenType == JsonTokenType.String && i < DayNames.Length; i++)
                {
                    if (r.ValueEquals(DayNames[i]))
                    {
                        day = i;
                    }
                }

                if (day < 0 || (mask & (1 << day)) != 0)
                {
                    return RefusalReason.InvalidTime;
                }

                mask |= 1 << day;
            }

            return r.TokenType == JsonTokenType.EndArray && mask != 0 ? RefusalReason.None : RefusalReason.InvalidTime;
        }

        private static RefusalReason ReadDate(JsonReader r, out int day)
        {
            day = ScheduleItem.NoDate;
            int start;
            int length;
            if (!JsonMembers.ReadRaw(r, out start, out length))
            {
                return RefusalReason.InvalidField;
            }

            day = ParseDate(r.Buffer, start, length);
            return day >= 0 ? RefusalReason.None : RefusalReason.InvalidTime;
        }

        /// <summary>"YYYY-MM-DD" → epoch day, or -1 (2026-02-29 → -1).</summary>
        public static int ParseDate(byte[] b, int at, int length)
        {
            if (length != 10 || b[at + 4] != '-' || b[at + 7] != '-')
            {
                return -1;
            }

            int y = JsonMembers.Digits(b, at, 4);
            int m = JsonMembers.Digits(b, at + 5, 2);
            int d = JsonMembers.Digits(b, at + 8, 2);
            return y < 0 || m < 0 || d < 0 ? -1 : LocalCalendar.DayFromDate(y, m, d);
        }

        /// <summary>"HH:MM" or "HH:MM:SS" → seconds after midnight, or -1 ("24:00" → -1).</summary>
        public static int ParseTime(byte[] b, int at, int length)
        {
            if ((length != 5 && length != 8) || b[at + 2] != ':' || (length == 8 && b[at + 5] != ':'))
            {
                return -1;
            }

            int h = JsonMembers.Digits(b, at, 2);
            int m = JsonMembers.Digits(b, at + 3, 2);
            int s = length == 8 ? JsonMembers.Digits(b, at + 6, 2) : 0;
            if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
            {
                return -1;
            }

            return (h * 60 + m) * 60 + s;
        }
    }
}
