using CommuneRadio.Core.Health;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Persistence around commands, by each command's <see cref="Commands.PersistRule"/>. Every authentic command's
    /// replay counter is written to storage before anything of it is applied or answered — with the keyring, one write —
    /// except <c>status</c>, whose counter rides along with the next write (replaying it only publishes state and health
    /// again). A command that changes another persisted record (schedule, settings) is then checked and that record
    /// written, and only then applied; a key rotation writes its key and its counter in the same keyring write. A full or failing store refuses the command
    /// with <c>storage-error</c> and the station stays exactly as it was. Background changes are saved after every
    /// call within the store's write budget.
    /// </summary>
    public sealed partial class StationEndpoint
    {
        private bool _counterSaved;

        /// <summary>
        /// Writes the keyring with the replay counters, this command's included (once per command). On failure the
        /// storage fault is raised and the keyring stays due for a background write.
        /// </summary>
        private bool SaveCounter(Instant now)
        {
            if (Store == null || _counterSaved)
            {
                return true;
            }

            _counterSaved = Store.TrySaveKeys(Keys, null, null, now);
            Core.MarkFault(FaultFlags.StorageError, !_counterSaved || Store.Corrupt);
            if (!_counterSaved)
            {
                Store.Note(false, true, false);
            }

            return _counterSaved;
        }

        private void Persist(bool eventsChanged, Instant now)
        {
            if (Store == null)
            {
                return;
            }

            Store.Note(Core.ScheduleDirty || Core.Effects.ScheduleChanged, KeysChanged, eventsChanged || Core.EventsDirty);
            Core.TakeDirty();
            KeysChanged = false;
            bool ok = Store.SaveDue(Core, Keys, now);
            Core.MarkFault(FaultFlags.StorageError, !ok || !Store.Healthy || Store.Corrupt);
        }
    }
}
