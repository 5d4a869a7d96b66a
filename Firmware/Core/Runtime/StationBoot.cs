using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// The boot sequence: load → validate → relays all off → clock unsynced (the platform reports the first
    /// sync) → the Core's catch-up rules. A corrupt or unreadable record never stops the boot: the station
    /// starts without it (empty schedule, provisioned keys), raises a storage fault, connects and reports —
    /// no boot loop. Each record is validated independently (checksums in <see cref="RecordStore"/>, field
    /// ranges in the codecs and the schedule validator).
    /// </summary>
    public static class StationBoot
    {
        /// <summary>
        /// Builds a running station from storage. <paramref name="provisioned"/> is the keyring from the device
        /// configuration: stored entries override the key bytes (rotations) and restore the replay counters of
        /// issuers that are still provisioned.
        /// </summary>
        public static StationEndpoint Start(StationSettings settings, ProtocolSettings protocol, Keyring provisioned, IStorage storage, Instant now, BootReport report)
        {
            StationStore store = new StationStore(storage);
            bool systemOk = store.LoadSystem();
            report.BootCount = store.BootCount;
            report.PreviousReset = store.PreviousResetReason;
            report.StorageFailing = !systemOk;

            int telemetry = store.LoadConfig();
            if (telemetry > 0)
            {
                settings.TelemetryPeriodMs = telemetry;
            }

            StationCore core = new StationCore(settings);
            report.ScheduleRestored = store.LoadSchedule(core);
            report.EventsRestored = store.LoadEvents(core);
            Keyring stored = store.LoadKeys();
            report.KeysRestored = stored != null;
            if (stored != null)
            {
                Merge(provisioned, stored);
            }

            report.Corrupt = (!report.ScheduleRestored && Exists(storage, StationStore.ScheduleName))
                || (!report.KeysRestored && Exists(storage, StationStore.KeysName))
                || (!report.EventsRestored && Exists(storage, StationStore.EventsName));

            store.Corrupt = report.Corrupt;
            core.Boot(now);
            core.MarkFault(FaultFlags.StorageError, report.Corrupt || report.StorageFailing);
            return new StationEndpoint(core, protocol, provisioned, store);
        }

        private static void Merge(Keyring provisioned, Keyring stored)
        {
            for (int i = 0; i < provisioned.Count; i++)
            {
                IssuerKey p = provisioned.At(i);
                IssuerKey s = stored.Find(p.Issuer);
                if (s == null || s.Level != p.Level)
                {
                    continue;
                }

                // A remotely rotated key wins only while the configuration still holds the key it replaced.
                if (SameBytes(s.ProvisionedKey, p.ProvisionedKey))
                {
                    p.Key = s.Key;
                }

                for (int c = 0; c < s.Counters.Count; c++)
                {
                    if (p.Counters.IsFresh(s.Counters.At(c)))
                    {
                        p.Counters.Record(s.Counters.At(c));
                    }
                }
            }
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Exists(IStorage storage, string name)
        {
            return storage.Read(name + ".a") != null || storage.Read(name + ".b") != null;
        }
    }
}
