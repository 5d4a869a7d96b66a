using CommuneRadio.Core.Relays;

namespace CommuneRadio.Core.Station
{
    /// <summary>
    /// What one Core call asks the platform to do. One instance per station, cleared at the start of each
    /// call, so a quiet tick allocates nothing. Apply in this order: relay writes (in order), then persist,
    /// then publish.
    /// </summary>
    public sealed class Effects
    {
        /// <summary>Creates the buffer for a layout.</summary>
        public Effects(int outputCount)
        {
            Writes = new RelayWriteBuffer(outputCount * 4 + 8);
        }

        /// <summary>Relay writes, in the order they must be applied.</summary>
        public RelayWriteBuffer Writes;

        /// <summary>Proof-of-play events added to <c>StationCore.Events</c> during this call.</summary>
        public int NewEvents;

        /// <summary>The health snapshot is due (period elapsed, or something reported in it changed).</summary>
        public bool HealthDue;

        /// <summary>The schedule (items and their settlement watermarks) changed and should be persisted.</summary>
        public bool ScheduleChanged;

        /// <summary>Clears everything for the next call.</summary>
        public void Clear()
        {
            Writes.Clear();
            NewEvents = 0;
            HealthDue = false;
            ScheduleChanged = false;
        }
    }
}
