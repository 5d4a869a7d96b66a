using CommuneRadio.Core.Events;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// The application update in the station's messages (docs/protocol.md §6, §8): its outcome becomes an event
    /// (<c>update-committed</c>, <c>update-rolled-back</c> with the reason) in the Core's persisted event queue, and the
    /// health snapshot carries the running and pending versions and the last outcome. The outcome is marked reported in
    /// the update record only once the event queue holding it is on flash: a power cut in between sends it again after
    /// the reboot (at least once, never lost).
    /// </summary>
    public sealed partial class StationEndpoint
    {
        private bool _updateEventQueued;

        private void QueueUpdateEvent(Instant now)
        {
            UpdateManager u = Update;
            if (u == null || !u.EventPending || _updateEventQueued)
            {
                return;
            }

            _updateEventQueued = true;
            if (u.LastOutcome == UpdateOutcome.Committed)
            {
                Core.RecordUpdate(PlayEventKind.UpdateCommitted, PlayReason.None, u.LastVersion, now);
            }
            else if (u.LastOutcome == UpdateOutcome.RolledBack)
            {
                PlayReason reason = u.LastReason == UpdateReason.BootFailed ? PlayReason.BootFailed : u.LastReason == UpdateReason.LoadFailed ? PlayReason.LoadFailed : PlayReason.NotHealthy;
                Core.RecordUpdate(PlayEventKind.UpdateRolledBack, reason, u.LastVersion, now);
            }

            // A discarded transfer has no event: its update command's result said so, and the health keeps it.
        }

        private void ConfirmUpdateEvent()
        {
            if (_updateEventQueued && (Store == null || Store.EventsSaved))
            {
                Update.EventReported();
                _updateEventQueued = Update.EventPending;
            }
        }

        private void FillUpdate(HealthSnapshot s)
        {
            UpdateManager u = Update;
            if (u == null)
            {
                s.RunningVersion = null;
                return;
            }

            s.RunningVersion = u.RunningVersion;
            s.UpdateState = UpdateNames.State(u.State);
            s.PendingVersion = u.PendingVersion;
            bool ended = u.LastOutcome != UpdateOutcome.None;
            s.LastOutcome = ended ? UpdateNames.Outcome(u.LastOutcome) : null;
            s.LastReason = ended ? UpdateNames.Reason(u.LastReason) : null;
            s.LastVersion = ended ? u.LastVersion : null;
        }
    }
}
