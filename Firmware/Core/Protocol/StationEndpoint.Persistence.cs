using CommuneRadio.Core.Health;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Persistence around commands. Every authentic command's replay counter is written to storage before anything
    /// of it is applied or answered — with the keyring, one write — except <c>status</c>, whose counter rides along
    /// with the next write (replaying it only publishes state and health again). A command that changes another
    /// persisted record (schedule, settings) is then checked and that record written, and only then applied; a key
    /// rotation writes its key and its counter in the same keyring write. A full or failing store refuses the command
    /// with <c>storage-error</c> and the station stays exactly as it was. Background changes are saved after every
    /// call within the store's write budget.
    /// </summary>
    public sealed partial class StationEndpoint
    {
        private bool _counterSaved;

        private CommandResult PersistFirst(Instant now)
        {
            if (Store == null || _env.Kind == CommandKind.Status)
            {
                return CommandResult.Ok;
            }

            if (_env.Kind == CommandKind.KeyRotate)
            {
                // The rotated key and the counter of the command that rotates it: one atomic record.
                _counterSaved = Store.TrySaveKeys(Keys, _args.KeyIssuer, _args.Key, now);
                Core.MarkFault(FaultFlags.StorageError, !_counterSaved || Store.Corrupt);
                return _counterSaved ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.StorageError, null);
            }

            if (!SaveCounter(now))
            {
                return CommandResult.Refuse(RefusalReason.StorageError, null);
            }

            CommandResult r;
            bool saved;
            switch (_env.Kind)
            {
                case CommandKind.ScheduleAdd:
                    r = Core.CheckAdd(_args.Item);
                    saved = r.Accepted && SaveImage(_args.Item, null, null, Core.Schedule.Version, now);
                    break;
                case CommandKind.ScheduleReplace:
                    r = Core.CheckReplace(_args.Item);
                    saved = r.Accepted && SaveImage(_args.Item, _args.Item.Id, null, Core.Schedule.Version, now);
                    break;
                case CommandKind.ScheduleRemove:
                    r = Core.CheckRemove(_args.TargetId);
                    saved = r.Accepted && SaveImage(null, _args.TargetId, null, Core.Schedule.Version, now);
                    break;
                case CommandKind.ScheduleSync:
                    r = Core.CheckSync(_args.Items);
                    saved = r.Accepted && SaveImage(null, null, _args.Items, _args.Version, now);
                    break;
                case CommandKind.ConfigSet:
                    r = CommandResult.Ok;
                    saved = Store.TrySaveConfig(_args.TelemetrySeconds * 1000);
                    break;
                default:
                    // play, stop, emergency.*, relay.selftest, time: nothing else to persist; the Core checks the rest.
                    return CommandResult.Ok;
            }

            if (!r.Accepted)
            {
                return r;
            }

            Core.MarkFault(FaultFlags.StorageError, !saved || Store.Corrupt);
            return saved ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.StorageError, null);
        }

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

        /// <summary>
        /// Writes the schedule as it will be after the command: the current entries with <paramref name="add"/>
        /// added (or replacing <paramref name="replaceOrRemoveId"/>), that id removed, or the whole of
        /// <paramref name="sync"/>. Entries keep their watermarks by id; new ones get theirs at the next valid clock.
        /// </summary>
        private bool SaveImage(ScheduleItem add, string replaceOrRemoveId, ScheduleItem[] sync, long version, Instant now)
        {
            Schedule current = Core.Schedule;
            int max = sync != null ? sync.Length : current.Count + 1;
            ScheduleEntry[] image = new ScheduleEntry[max];
            int n = 0;
            if (sync != null)
            {
                for (int i = 0; i < sync.Length; i++)
                {
                    ScheduleEntry old;
                    bool kept = current.TryGet(sync[i].Id, out old) && old.HasWatermark;
                    image[n++] = new ScheduleEntry(sync[i], kept ? old.SettledUntilUtcMs : 0, kept);
                }
            }
            else
            {
                for (int i = 0; i < current.Count; i++)
                {
                    ScheduleEntry e = current.EntryAt(i);
                    if (e.Item.Id != replaceOrRemoveId)
                    {
                        image[n++] = e;
                    }
                    else if (add != null)
                    {
                        image[n++] = new ScheduleEntry(add, e.SettledUntilUtcMs, e.HasWatermark);
                    }
                }

                if (add != null && replaceOrRemoveId == null)
                {
                    image[n++] = new ScheduleEntry(add, 0, false);
                }
            }

            return Store.TrySaveSchedule(image, n, version, now);
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
