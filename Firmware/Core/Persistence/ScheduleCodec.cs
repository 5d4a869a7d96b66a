using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// Binary form of the schedule record "schedule" (format 1), settlement watermarks included — they are what
    /// stops a reboot from replaying or losing an occurrence:
    /// <code>
    /// i64 version, i32 count, then per item:
    ///   str id, u8 kind, i32 day, i32 daysMask, i32 startSecond, i32 durationSeconds, i32 validFrom,
    ///   i32 validUntil, u8 class, u8 level, str issuer, i32 lines, i32 source, i64 settledUntilUtcMs, bool hasWatermark
    /// </code>
    /// </summary>
    public static class ScheduleCodec
    {
        /// <summary>Record format version.</summary>
        public const int Format = 1;

        /// <summary>Writes <paramref name="count"/> entries and the version.</summary>
        public static void Encode(ScheduleEntry[] entries, int count, long version, RecordWriter w)
        {
            w.WriteInt64(version);
            w.WriteInt32(count);
            for (int i = 0; i < count; i++)
            {
                ScheduleEntry e = entries[i];
                ScheduleItem it = e.Item;
                w.WriteString(it.Id);
                w.WriteByte((int)it.Kind);
                w.WriteInt32(it.Day);
                w.WriteInt32(it.DaysMask);
                w.WriteInt32(it.StartSecond);
                w.WriteInt32(it.DurationSeconds);
                w.WriteInt32(it.ValidFromDay);
                w.WriteInt32(it.ValidUntilDay);
                w.WriteByte((int)it.Class);
                w.WriteByte((int)it.Level);
                w.WriteString(it.Issuer);
                w.WriteInt32(it.Lines);
                w.WriteInt32(it.Source);
                w.WriteInt64(e.SettledUntilUtcMs);
                w.WriteBool(e.HasWatermark);
            }
        }

        /// <summary>Reads entries (at most <paramref name="capacity"/>); null when the record is invalid.</summary>
        public static ScheduleEntry[] Decode(RecordReader r, int capacity, out long version)
        {
            version = r.ReadInt64();
            int count = r.ReadInt32();
            if (r.Failed || count < 0 || count > capacity)
            {
                return null;
            }

            ScheduleEntry[] entries = new ScheduleEntry[count];
            for (int i = 0; i < count && !r.Failed; i++)
            {
                ScheduleItem it = new ScheduleItem();
                it.Id = r.ReadString(128);
                it.Kind = (ItemKind)r.ReadByte();
                it.Day = r.ReadInt32();
                it.DaysMask = r.ReadInt32();
                it.StartSecond = r.ReadInt32();
                it.DurationSeconds = r.ReadInt32();
                it.ValidFromDay = r.ReadInt32();
                it.ValidUntilDay = r.ReadInt32();
                it.Class = (BroadcastClass)r.ReadByte();
                it.Level = (IssuerLevel)r.ReadByte();
                it.Issuer = r.ReadString(192);
                it.Lines = r.ReadInt32();
                it.Source = r.ReadInt32();
                long settled = r.ReadInt64();
                bool has = r.ReadBool();
                entries[i] = new ScheduleEntry(it, settled, has);
            }

            return r.Failed || !r.AtEnd ? null : entries;
        }
    }
}
