using CommuneRadio.Core.Health;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// What a station keeps through power cuts, as torn-write-safe records (<see cref="RecordStore"/>):
    /// "schedule" (items + watermarks), "keys" (keyring + replay counters), "events" (undelivered proof of
    /// play), "config" (remote settings) and "system" (boot count, why the last run ended).
    /// <para>Flash wear: a record is written only when it changed, at most once per call, and background
    /// writes (watermarks, events, a keyring whose write failed) are limited by a per-record hourly budget. A command's
    /// replay counter (the keyring) and the changes it makes are written before the command is applied
    /// (<see cref="TrySaveKeys"/>, <see cref="TrySaveSchedule"/> and friends), so a full or failing store refuses the
    /// command and nothing changes.</para>
    /// </summary>
    public sealed class StationStore
    {
        /// <summary>Record names.</summary>
        public const string ScheduleName = "schedule";

        /// <summary>Record names.</summary>
        public const string KeysName = "keys";

        /// <summary>Record names.</summary>
        public const string EventsName = "events";

        /// <summary>Record names.</summary>
        public const string ConfigName = "config";

        /// <summary>Record names.</summary>
        public const string SystemName = "system";

        private const int ConfigFormat = 1;
        private const int SystemFormat = 1;

        private readonly RecordStore _records;
        private readonly RecordWriter _writer = new RecordWriter(1024);
        private readonly long[] _sequences = new long[5];
        private readonly int[] _tokens = { -1, -1, -1, -1, -1 };
        private readonly long[] _refilledMs = new long[5];
        private bool _scheduleDirty;
        private bool _keysDirty;
        private bool _eventsDirty;

        /// <summary>Creates a store over a platform storage.</summary>
        public StationStore(IStorage storage)
        {
            _records = new RecordStore(storage);
        }

        /// <summary>
        /// Background writes allowed per record per hour before they are spread out (one per minute). Normal
        /// operation writes a few times a day, at once; a storm (catch-up after a long outage, a flood of
        /// commands) cannot wear the flash faster than this.
        /// </summary>
        public int WriteBudgetPerHour = 60;

        /// <summary>False after a write failed, until one succeeds.</summary>
        public bool Healthy { get; private set; } = true;

        /// <summary>
        /// A record was found corrupt at boot and has not been rewritten since: the storage fault stays raised
        /// (the station lost state — typically its schedule — until the server re-syncs it).
        /// </summary>
        public bool Corrupt { get; set; }

        /// <summary>Successful record writes since boot (flash wear accounting).</summary>
        public long Writes { get; private set; }

        /// <summary>Boots counted so far, this one included (after <see cref="LoadSystem"/>).</summary>
        public int BootCount { get; private set; }

        /// <summary>Why the previous run ended: a reason the station recorded before rebooting, or "power-or-crash".</summary>
        public string PreviousResetReason { get; private set; }

        /// <summary>Records the boot: increments the count and marks this run as "power-or-crash" until a reason is recorded.</summary>
        public bool LoadSystem()
        {
            RecordReader r = Open(SystemName, SystemFormat, 4);
            int boots = 0;
            string reason = null;
            if (r != null)
            {
                boots = r.ReadInt32();
                reason = r.ReadString(64);
                if (r.Failed)
                {
                    boots = 0;
                    reason = null;
                }
            }

            BootCount = boots + 1;
            PreviousResetReason = r == null ? "first-boot" : reason ?? "unknown";
            return SaveSystem("power-or-crash");
        }

        /// <summary>Records why this run is about to end (e.g. "watchdog"), before the platform reboots.</summary>
        public bool SaveSystem(string reason)
        {
            _writer.Reset();
            _writer.WriteInt32(BootCount);
            _writer.WriteString(reason);
            return Commit(4, SystemName, SystemFormat);
        }

        /// <summary>Loads the schedule into an empty station (before Boot); false when absent or corrupt.</summary>
        public bool LoadSchedule(StationCore core)
        {
            RecordReader r = Open(ScheduleName, ScheduleCodec.Format, 0);
            if (r == null)
            {
                return false;
            }

            long version;
            ScheduleEntry[] entries = ScheduleCodec.Decode(r, core.Schedule.Capacity, out version);
            if (entries == null)
            {
                return false;
            }

            for (int i = 0; i < entries.Length; i++)
            {
                core.RestoreItem(entries[i].Item, entries[i].SettledUntilUtcMs, entries[i].HasWatermark);
            }

            core.Schedule.Version = version;
            return true;
        }

        /// <summary>Loads the keyring; null when absent or corrupt (the caller keeps the provisioned one).</summary>
        public Keyring LoadKeys()
        {
            RecordReader r = Open(KeysName, KeyringCodec.Format, 1);
            return r == null ? null : KeyringCodec.Decode(r);
        }

        /// <summary>Loads undelivered events and the event sequence into the station; false when absent or corrupt.</summary>
        public bool LoadEvents(StationCore core)
        {
            RecordReader r = Open(EventsName, EventCodec.Format, 2);
            long sequence = 0; // assigned here too, so that Stryker can mutate the condition (CS0165 otherwise)
            if (r == null || !EventCodec.Decode(r, core.Events, out sequence))
            {
                return false;
            }

            core.EventSequence = sequence;
            return true;
        }

        /// <summary>Loads the telemetry period (ms); 0 when absent or corrupt.</summary>
        public int LoadConfig()
        {
            RecordReader r = Open(ConfigName, ConfigFormat, 3);
            if (r == null)
            {
                return 0;
            }

            int telemetry = r.ReadInt32();
            return r.Failed || telemetry < 10000 || telemetry > 3600000 ? 0 : telemetry;
        }

        /// <summary>Writes a schedule image now (a command's change, before it is applied).</summary>
        public bool TrySaveSchedule(ScheduleEntry[] entries, int count, long version, Instant now)
        {
            _writer.Reset();
            ScheduleCodec.Encode(entries, count, version, _writer);
            return Commit(0, ScheduleName, ScheduleCodec.Format);
        }

        /// <summary>Writes the keyring now, with one issuer's key replaced when rotating.</summary>
        public bool TrySaveKeys(Keyring keys, string rotateIssuer, byte[] rotateKey, Instant now)
        {
            _writer.Reset();
            KeyringCodec.Encode(keys, rotateIssuer, rotateKey, _writer);
            bool ok = Commit(1, KeysName, KeyringCodec.Format);
            if (ok && rotateIssuer == null)
            {
                _keysDirty = false;
            }

            return ok;
        }

        /// <summary>Writes the remote settings now.</summary>
        public bool TrySaveConfig(int telemetryMs)
        {
            _writer.Reset();
            _writer.WriteInt32(telemetryMs);
            return Commit(3, ConfigName, ConfigFormat);
        }

        /// <summary>Notes background changes to persist at the next due time.</summary>
        public void Note(bool scheduleChanged, bool keysChanged, bool eventsChanged)
        {
            _scheduleDirty |= scheduleChanged;
            _keysDirty |= keysChanged;
            _eventsDirty |= eventsChanged;
        }

        /// <summary>
        /// Writes the background changes, within the write budget. Returns false when a write failed (the
        /// record stays dirty and is retried at the next call that has budget).
        /// </summary>
        public bool SaveDue(StationCore core, Keyring keys, Instant now)
        {
            // Order matters when the power fails mid-write: events go first, then the schedule watermarks.
            // A miss recorded but not yet settled is re-detected after the reboot (a duplicate record at
            // worst); a settled occurrence whose miss record was torn away would be lost silently.
            bool ok = true;
            if (_eventsDirty && Spend(2, now.MonotonicMs))
            {
                _writer.Reset();
                EventCodec.Encode(core.Events, core.EventSequence, _writer);
                bool saved = Commit(2, EventsName, EventCodec.Format);
                _eventsDirty = !saved;
                ok &= saved;
            }

            if (_scheduleDirty && !_eventsDirty && Spend(0, now.MonotonicMs))
            {
                Schedule s = core.Schedule;
                ScheduleEntry[] entries = new ScheduleEntry[s.Count];
                for (int i = 0; i < entries.Length; i++)
                {
                    entries[i] = s.EntryAt(i);
                }

                bool saved = TrySaveSchedule(entries, entries.Length, s.Version, now);
                _scheduleDirty = !saved;
                ok &= saved;
            }

            if (_keysDirty && Spend(1, now.MonotonicMs))
            {
                ok &= TrySaveKeys(keys, null, null, now);
            }

            return ok;
        }

        /// <summary>True when the event queue as it stands is on flash (no events record waits to be written).</summary>
        public bool EventsSaved
        {
            get { return !_eventsDirty; }
        }

        /// <summary>True when nothing waits to be written.</summary>
        public bool Clean
        {
            get { return !_scheduleDirty && !_keysDirty && !_eventsDirty; }
        }

        // Token bucket per record: WriteBudgetPerHour tokens, one back per minute.
        private bool Spend(int slot, long nowMs)
        {
            if (_tokens[slot] < 0)
            {
                _tokens[slot] = WriteBudgetPerHour;
                _refilledMs[slot] = nowMs;
            }

            long minutes = (nowMs - _refilledMs[slot]) / 60000;
            if (minutes > 0)
            {
                long refilled = _tokens[slot] + minutes;
                _tokens[slot] = refilled > WriteBudgetPerHour ? WriteBudgetPerHour : (int)refilled;
                _refilledMs[slot] += minutes * 60000;
            }

            if (_tokens[slot] == 0)
            {
                return false;
            }

            _tokens[slot]--;
            return true;
        }

        private RecordReader Open(string name, int format, int slot)
        {
            int offset;
            int length;
            long sequence;
            byte[] data = _records.Load(name, format, out offset, out length, out sequence);
            _sequences[slot] = sequence;
            return data == null ? null : new RecordReader(data, offset, length);
        }

        private bool Commit(int slot, string name, int format)
        {
            long next = _sequences[slot] + 1;
            bool ok = _records.Save(name, format, next, _writer.Buffer, _writer.Length);
            if (ok)
            {
                _sequences[slot] = next;
                Writes++;
                if (slot == 0)
                {
                    Corrupt = false;
                }
            }

            Healthy = ok;
            return ok;
        }
    }
}
