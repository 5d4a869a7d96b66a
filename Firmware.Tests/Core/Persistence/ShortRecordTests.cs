using CommuneRadio.Core.Events;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    /// <summary>
    /// Records whose checksum is valid but whose payload is short (cut at every byte), or has a byte too many: a
    /// firmware bug or an older format written under the same version. Each is refused whole — the station starts
    /// without it, as with a torn record — and never half-loaded.
    /// </summary>
    [TestClass]
    public class ShortRecordTests
    {
        private static byte[] Schedule()
        {
            ScheduleEntry[] entries =
            {
                new ScheduleEntry(StationHarness.Daily("evening", 17, 0, 10), 1763890000000, true),
                new ScheduleEntry(StationHarness.Daily("morning", 5, 30, 30), 0, false),
            };
            RecordWriter w = new RecordWriter(64);
            ScheduleCodec.Encode(entries, entries.Length, 7, w);
            return Copy(w);
        }

        private static byte[] Events()
        {
            PlayEventQueue q = new PlayEventQueue(8);
            for (int i = 0; i < 2; i++)
            {
                PlayEvent e = new PlayEvent();
                e.Sequence = 40 + i;
                e.Kind = PlayEventKind.Missed;
                e.Reason = PlayReason.PoweredOff;
                e.ProgrammeId = "morning";
                e.OccurrenceUtcMs = 1763850600000;
                e.AtUtcMs = 1763850700000;
                e.AtMonotonicMs = 5000;
                e.ClockValid = true;
                q.Enqueue(e);
            }

            RecordWriter w = new RecordWriter(64);
            EventCodec.Encode(q, 41, w);
            return Copy(w);
        }

        private static byte[] Keys()
        {
            Keyring k = new Keyring();
            IssuerKey key = new IssuerKey("com.ht.ab", IssuerLevel.Commune, CommandBuilder.TestKey(1), new[] { "g/com.ht.ab", "g/x.demo" }, false);
            key.ProvisionedKey = CommandBuilder.TestKey(1);
            key.Counters.Record(5);
            key.Counters.Record(9);
            k.Put(key);
            RecordWriter w = new RecordWriter(64);
            KeyringCodec.Encode(k, null, null, w);
            return Copy(w);
        }

        private static byte[] Copy(RecordWriter w)
        {
            byte[] b = new byte[w.Length];
            System.Array.Copy(w.Buffer, b, w.Length);
            return b;
        }

        // Storage holding one record with a valid frame and checksum around the first count bytes of payload.
        private static MemoryStorage With(string name, int format, byte[] payload, int count)
        {
            MemoryStorage flash = new MemoryStorage();
            Assert.IsTrue(new RecordStore(flash).Save(name, format, 1, payload, count));
            return flash;
        }

        private static byte[] OneMore(byte[] payload)
        {
            byte[] b = new byte[payload.Length + 1];
            System.Array.Copy(payload, b, payload.Length);
            return b;
        }

        [TestMethod]
        public void Schedule_EveryShortLengthAndOneByteMore_Refused()
        {
            byte[] full = Schedule();
            StationCore whole = new StationCore(StationHarness.DefaultSettings());
            Assert.IsTrue(new StationStore(With(StationStore.ScheduleName, ScheduleCodec.Format, full, full.Length)).LoadSchedule(whole), "the whole record loads");
            Assert.AreEqual(2, whole.Schedule.Count);
            Assert.AreEqual(7L, whole.Schedule.Version);

            for (int n = 0; n <= full.Length; n++)
            {
                byte[] payload = n == full.Length ? OneMore(full) : full;
                int count = n == full.Length ? payload.Length : n;
                StationCore core = new StationCore(StationHarness.DefaultSettings());
                Assert.IsFalse(new StationStore(With(StationStore.ScheduleName, ScheduleCodec.Format, payload, count)).LoadSchedule(core), "payload of " + count + " bytes");
                Assert.AreEqual(0, core.Schedule.Count, "nothing half-loaded at " + count);
                Assert.AreEqual(0L, core.Schedule.Version);
            }
        }

        [TestMethod]
        public void Events_EveryShortLengthAndOneByteMore_Refused()
        {
            byte[] full = Events();
            StationCore whole = new StationCore(StationHarness.DefaultSettings());
            Assert.IsTrue(new StationStore(With(StationStore.EventsName, EventCodec.Format, full, full.Length)).LoadEvents(whole));
            Assert.AreEqual(2, whole.Events.Count);
            Assert.AreEqual(41L, whole.EventSequence);

            for (int n = 0; n <= full.Length; n++)
            {
                byte[] payload = n == full.Length ? OneMore(full) : full;
                int count = n == full.Length ? payload.Length : n;
                StationCore core = new StationCore(StationHarness.DefaultSettings());
                Assert.IsFalse(new StationStore(With(StationStore.EventsName, EventCodec.Format, payload, count)).LoadEvents(core), "payload of " + count + " bytes");
                Assert.AreEqual(0, core.Events.Count, "nothing half-loaded at " + count);
                Assert.AreEqual(0L, core.EventSequence);
                Assert.AreEqual(0L, core.Events.Dropped);
            }
        }

        [TestMethod]
        public void Keys_EveryShortLengthAndOneByteMore_Refused()
        {
            byte[] full = Keys();
            Keyring whole = new StationStore(With(StationStore.KeysName, KeyringCodec.Format, full, full.Length)).LoadKeys();
            Assert.IsNotNull(whole);
            Assert.AreEqual(2, whole.Find("com.ht.ab").Counters.Count);
            Assert.AreEqual(2, whole.Find("com.ht.ab").Scopes.Length);

            for (int n = 0; n <= full.Length; n++)
            {
                byte[] payload = n == full.Length ? OneMore(full) : full;
                int count = n == full.Length ? payload.Length : n;
                Assert.IsNull(new StationStore(With(StationStore.KeysName, KeyringCodec.Format, payload, count)).LoadKeys(), "payload of " + count + " bytes");
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(3)]
        public void Config_ShortPayload_NoSetting(int count)
        {
            byte[] payload = { 0x30, 0x75, 0, 0 }; // 30,000 ms
            Assert.AreEqual(30000, new StationStore(With(StationStore.ConfigName, 1, payload, 4)).LoadConfig());
            Assert.AreEqual(0, new StationStore(With(StationStore.ConfigName, 1, payload, count)).LoadConfig());
        }

        [TestMethod]
        [DataRow(10000, 10000)]
        [DataRow(9999, 0)]
        [DataRow(3600000, 3600000)]
        [DataRow(3600001, 0)]
        [DataRow(-1, 0)]
        public void Config_TelemetryOutOfRange_NoSetting(int stored, int loaded)
        {
            RecordWriter w = new RecordWriter(4);
            w.WriteInt32(stored);
            Assert.AreEqual(loaded, new StationStore(With(StationStore.ConfigName, 1, w.Buffer, w.Length)).LoadConfig());
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(2)]
        [DataRow(5)]
        public void System_ShortPayload_CountsFromOneAndReasonUnknown(int count)
        {
            RecordWriter w = new RecordWriter(16);
            w.WriteInt32(41);
            w.WriteString("watchdog");
            StationStore store = new StationStore(With(StationStore.SystemName, 1, w.Buffer, count));
            store.LoadSystem();
            Assert.AreEqual(1, store.BootCount);
            Assert.AreEqual("unknown", store.PreviousResetReason);
        }

        [TestMethod]
        public void System_WholeRecord_CountsOnAndKeepsReason()
        {
            RecordWriter w = new RecordWriter(16);
            w.WriteInt32(41);
            w.WriteString("watchdog");
            StationStore store = new StationStore(With(StationStore.SystemName, 1, w.Buffer, w.Length));
            store.LoadSystem();
            Assert.AreEqual(42, store.BootCount);
            Assert.AreEqual("watchdog", store.PreviousResetReason);
        }
    }
}
