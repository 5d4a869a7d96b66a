using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// The application update in the runtime (docs/protocol.md §8), the same on the device and in the simulator: the
    /// endpoint's <c>update.*</c> commands drive the <see cref="UpdateManager"/>; a version on trial gets its time
    /// counted at every tick and is proven by the first health snapshot the transport takes after a connect (one is asked
    /// for at once); a commit or a rollback asks for a restart, done once the outbox is out (at once when not connected,
    /// at most <see cref="RestartGraceMs"/> later) and never while an emergency is on air, with every relay driven off first.
    /// </summary>
    public sealed partial class StationRuntime
    {
        /// <summary>Longest wait for the outbox to empty (a commit's result) before a requested restart.</summary>
        public const long RestartGraceMs = 10000;

        private UpdateManager _update;
        private IRestarter _restarter;
        private long _restartAskedMs = -1;
        private long _updateSinceMs = -1;
        private bool _trialHealthAsked;

        /// <summary>The station's update, or null.</summary>
        public UpdateManager Update
        {
            get { return _update; }
        }

        /// <summary>Restarts asked of the <see cref="IRestarter"/> (the device never returns from one).</summary>
        public int Restarts { get; private set; }

        /// <summary>
        /// A station that is its own loader (the simulator; a device without the resident loader): counts the boot of a
        /// version on trial, or rolls it back (<see cref="UpdateManager.Boot"/>), then wires the update. Returns the slot to
        /// run (<see cref="UpdateManager.BuiltIn"/>, 0 or 1): the caller runs that slot's application.
        /// </summary>
        public int BootUpdate(UpdateManager update, IRestarter restarter)
        {
            int slot = update.Boot();
            Wire(update, restarter);
            return slot;
        }

        /// <summary>
        /// The application started by the resident loader, which already called <see cref="UpdateManager.Boot"/> and loaded
        /// <paramref name="bootedSlot"/>: attaches to the record without counting another boot, then wires the update.
        /// </summary>
        public void AttachUpdate(UpdateManager update, int bootedSlot, IRestarter restarter)
        {
            update.Attach(bootedSlot);
            Wire(update, restarter);
        }

        private void Wire(UpdateManager update, IRestarter restarter)
        {
            _update = update;
            _restarter = restarter;
            _endpoint.Update = update;
            _endpoint.Settings.FirmwareVersion = update.RunningVersion;
            _restartAskedMs = -1;
            _updateSinceMs = -1;
            _trialHealthAsked = false;
        }

        // True while this boot runs the version on trial (not the proven one after a failed boot count).
        private bool OnTrial
        {
            get { return _update != null && _update.State == UpdateState.Trial && _update.RunningVersion == _update.PendingVersion; }
        }

        // Every tick, before the endpoint's: the time on trial (a rollback asks for a restart). The manager counts from this
        // boot's first tick, not from the clock's zero: a host clock shared by many stations (the simulator's) started long
        // before this boot, and counting that would spend a trial's prove time at once. On the device the two differ by the
        // boot's few seconds, which only lengthen the trial by as much.
        private void TickUpdate(Instant now)
        {
            if (_update != null)
            {
                if (_updateSinceMs < 0)
                {
                    _updateSinceMs = now.MonotonicMs;
                }

                _update.Tick(now.MonotonicMs - _updateSinceMs);
            }
        }

        // After the online state of a connect: a version on trial asks for its health at once instead of at the period.
        private void AskTrialHealth()
        {
            if (OnTrial && !_trialHealthAsked)
            {
                _trialHealthAsked = true;
                _endpoint.RequestStatus();
            }
        }

        // A message the transport took: a health snapshot proves the version on trial.
        private void TakenByTransport(OutgoingMessage m)
        {
            if (_update != null && m.Topic == _endpoint.Topics.Health)
            {
                _update.Healthy();
            }
        }

        // After every Core call: a requested restart, once the outbox is out or the grace time is over, not on an emergency.
        private void RestartIfDue(Instant now)
        {
            if (_update == null || !_update.RebootRequested || _restarter == null)
            {
                return;
            }

            if (_restartAskedMs < 0)
            {
                _restartAskedMs = now.MonotonicMs;
            }

            // Waiting only makes sense while a connection can still take the result out.
            bool sent = _endpoint.Outbox.Count == 0 || !_policy.Connected || now.MonotonicMs - _restartAskedMs >= RestartGraceMs;
            Programme onAir = _endpoint.Core.OnAir;
            if (!sent || (onAir != null && onAir.Class == BroadcastClass.Emergency))
            {
                return;
            }

            // Relays all off before the restart (and so before anything is loaded), in the Core's order: lines first.
            _endpoint.Core.Shutdown(now);
            ApplyRelays(now);
            Restarts++;
            string reason = _update.State == UpdateState.Trial ? "update-commit" : "update-rollback";
            _restartAskedMs = -1;
            _restarter.Restart(reason);
        }
    }
}
