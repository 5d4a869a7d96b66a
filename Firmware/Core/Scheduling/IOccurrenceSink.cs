namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// Where the schedule's settlement hands what it decided: an occurrence whose window is open (a candidate
    /// programme) and one that was missed. Implemented by the arbitration stage (<c>Arbitration.SpeakerArbiter</c>).
    /// </summary>
    public interface IOccurrenceSink
    {
        /// <summary>An occurrence of <paramref name="entry"/> is open from start to end; false when there is no room for it.</summary>
        bool Open(ScheduleEntry entry, long startUtcMs, long endUtcMs, Time.Instant now);

        /// <summary>The occurrence at <paramref name="startUtcMs"/> was missed (its watermark is already past it).</summary>
        void Missed(ScheduleEntry entry, long startUtcMs, MissCause cause, Time.Instant now);
    }
}
