using CommuneRadio.Core.Events;
using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// Binary form of the undelivered proof-of-play record "events" (format 1):
    /// <code>
    /// i64 nextSequence, i64 dropped, i32 count, then per event: i64 seq, u8 kind, u8 reason, str programme,
    ///   i64 occurrence, u8 class, i64 atUtc, i64 atMonotonic, bool clockValid
    /// </code>
    /// </summary>
    public static class EventCodec
    {
        /// <summary>Record format version.</summary>
        public const int Format = 1;

        /// <summary>Writes the queued events (oldest first) and the sequence counter.</summary>
        public static void Encode(PlayEventQueue queue, long lastSequence, RecordWriter w)
        {
            w.WriteInt64(lastSequence);
            w.WriteInt64(queue.Dropped);
            w.WriteInt32(queue.Count);
            for (int i = 0; i < queue.Count; i++)
            {
                PlayEvent e = queue.PeekAt(i);
                w.WriteInt64(e.Sequence);
                w.WriteByte((int)e.Kind);
                w.WriteByte((int)e.Reason);
                w.WriteString(e.ProgrammeId);
                w.WriteInt64(e.OccurrenceUtcMs);
                w.WriteByte((int)e.Class);
                w.WriteInt64(e.AtUtcMs);
                w.WriteInt64(e.AtMonotonicMs);
                w.WriteBool(e.ClockValid);
            }
        }

        /// <summary>Reads events into <paramref name="queue"/> (which drops the oldest beyond its capacity); false when invalid.</summary>
        public static bool Decode(RecordReader r, PlayEventQueue queue, out long lastSequence)
        {
            lastSequence = r.ReadInt64();
            long dropped = r.ReadInt64();
            int count = r.ReadInt32();
            if (r.Failed || count < 0 || count > 4096 || dropped < 0)
            {
                return false;
            }

            PlayEvent[] read = new PlayEvent[count];
            for (int i = 0; i < count && !r.Failed; i++)
            {
                PlayEvent e = new PlayEvent();
                e.Sequence = r.ReadInt64();
                e.Kind = (PlayEventKind)r.ReadByte();
                e.Reason = (PlayReason)r.ReadByte();
                e.ProgrammeId = r.ReadString(128);
                e.OccurrenceUtcMs = r.ReadInt64();
                e.Class = (BroadcastClass)r.ReadByte();
                e.AtUtcMs = r.ReadInt64();
                e.AtMonotonicMs = r.ReadInt64();
                e.ClockValid = r.ReadBool();
                read[i] = e;
            }

            if (r.Failed || !r.AtEnd)
            {
                return false;
            }

            queue.CountDropped(dropped);
            for (int i = 0; i < count; i++)
            {
                queue.Enqueue(read[i]);
            }

            return true;
        }
    }
}
