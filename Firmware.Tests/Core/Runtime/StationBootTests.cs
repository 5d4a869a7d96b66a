using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Runtime
{
    /// <summary>What StationBoot reports and restores: nothing corrupt on an empty or healthy flash, the stored telemetry
    /// period, rotated keys merged only into the matching issuer and level.</summary>
    [TestClass]
    public class StationBootTests
    {
        private const string Morning = "{\"item\":{\"id\":\"morning\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}";
        private const string Rotated = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

        private static long At(int hour, int minute)
        {
            return StationHarness.MondayMidnightUtc + (hour * 60L + minute) * 60000;
        }

        private static bool StorageFault(EndpointHarness h)
        {
            return (h.Station.Core.Faults & FaultFlags.StorageError) != 0;
        }

        [TestMethod]
        public void Start_EmptyFlash_NothingRestoredNothingCorruptNoFault()
        {
            EndpointHarness h = EndpointHarness.Persistent(new MemoryStorage(), At(5, 0), true);
            Assert.AreEqual(1, h.Boot.BootCount);
            Assert.IsFalse(h.Boot.StorageFailing);
            Assert.IsFalse(h.Boot.ScheduleRestored);
            Assert.IsFalse(h.Boot.KeysRestored);
            Assert.IsFalse(h.Boot.EventsRestored);
            Assert.IsFalse(h.Boot.Corrupt);
            Assert.IsFalse(StorageFault(h));
        }

        [TestMethod]
        public void Start_ScheduleKeysAndEventsStored_AllRestoredNothingCorrupt()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            h.Send(h.Province("key.rotate", "{\"issuer\":\"com.ht.ab\",\"key\":\"" + Rotated + "\"}"));
            h.Endpoint.Connected = false;
            h.Station.RunUntil(0, 6, 5, 0);

            EndpointHarness after = EndpointHarness.Persistent(flash, At(6, 10), true);
            Assert.IsTrue(after.Boot.ScheduleRestored);
            Assert.IsTrue(after.Boot.KeysRestored);
            Assert.IsTrue(after.Boot.EventsRestored);
            Assert.IsFalse(after.Boot.Corrupt);
            Assert.IsFalse(after.Boot.StorageFailing);
            Assert.IsFalse(StorageFault(after));
        }

        [TestMethod]
        public void Start_CorruptSchedule_StorageFaultRaisedAtBoot()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            flash.Put("schedule.b", new byte[] { 4, 5, 6 });
            flash.Put("schedule.a", new byte[] { 1, 2, 3 });

            EndpointHarness after = EndpointHarness.Persistent(flash, At(5, 1), true);
            Assert.IsTrue(after.Boot.Corrupt);
            Assert.IsFalse(after.Boot.StorageFailing);
            Assert.IsTrue(StorageFault(after), "raised by the boot itself, before any tick");
        }

        [TestMethod]
        [DataRow("schedule.a")]
        [DataRow("schedule.b")]
        [DataRow("keys.a")]
        [DataRow("keys.b")]
        [DataRow("events.a")]
        [DataRow("events.b")]
        public void Start_OneUnreadableCopyOnly_Corrupt(string file)
        {
            MemoryStorage flash = new MemoryStorage();
            flash.Put(file, new byte[] { 1, 2, 3 });
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            Assert.IsTrue(h.Boot.Corrupt, file);
            Assert.IsTrue(StorageFault(h), file);
        }

        [TestMethod]
        public void Start_StoredTelemetryPeriod_ReplacesTheConfiguredOne()
        {
            MemoryStorage flash = new MemoryStorage();
            Assert.IsTrue(new StationStore(flash).TrySaveConfig(120000));
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            Assert.AreEqual(120000, h.Station.Core.Settings.TelemetryPeriodMs);

            EndpointHarness none = EndpointHarness.Persistent(new MemoryStorage(), At(5, 0), true);
            Assert.AreEqual(60000, none.Station.Core.Settings.TelemetryPeriodMs);
        }

        [TestMethod]
        public void Start_StoredKeysForSomeIssuersOrAnotherLevel_OnlyTheMatchingEntryTakesTheRotatedKey()
        {
            // The stored keyring knows the commune issuer (rotated, same level) and the province issuer under another
            // level; the other provisioned issuers are not in it at all.
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness first = EndpointHarness.Persistent(flash, At(9, 0), true);
            IssuerKey commune = first.Endpoint.Keys.Find("com.ht.ab");
            IssuerKey province = first.Endpoint.Keys.Find("prov.ht");
            byte[] provinceKey = province.Key;
            Keyring stored = new Keyring();
            IssuerKey rotatedCommune = new IssuerKey("com.ht.ab", IssuerLevel.Commune, Hex(Rotated), commune.Scopes, false);
            rotatedCommune.ProvisionedKey = commune.ProvisionedKey;
            stored.Put(rotatedCommune);
            IssuerKey demoted = new IssuerKey("prov.ht", IssuerLevel.Commune, Hex(Rotated), province.Scopes, true);
            demoted.ProvisionedKey = province.ProvisionedKey;
            stored.Put(demoted);
            Assert.IsTrue(new StationStore(flash).TrySaveKeys(stored, null, null, new Instant(0, At(9, 1))));

            EndpointHarness after = EndpointHarness.Persistent(flash, At(9, 5), true);
            Assert.IsTrue(after.Boot.KeysRestored);
            Assert.AreEqual(Rotated, EndpointHarness.HexOf(after.Endpoint.Keys.Find("com.ht.ab").Key));
            Assert.AreEqual(EndpointHarness.HexOf(provinceKey), EndpointHarness.HexOf(after.Endpoint.Keys.Find("prov.ht").Key), "another level: not merged");
            Assert.IsNotNull(after.Endpoint.Keys.Find("vn"));
        }

        [TestMethod]
        public void Start_RotatedKeyThenReprovisionedWithAShorterKey_ConfigurationKeyWins()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(9, 0), true);
            h.Send(h.Province("key.rotate", "{\"issuer\":\"com.ht.ab\",\"key\":\"" + Rotated + "\"}"));

            // The first half of the key it was provisioned with: equal bytes as far as it goes, so only the length differs.
            byte[] shorter = new byte[16];
            System.Array.Copy(EndpointHarness.CommuneKey, shorter, shorter.Length);

            EndpointHarness after = EndpointHarness.Persistent(flash, At(9, 5), true, shorter);
            Assert.AreEqual(EndpointHarness.HexOf(shorter), EndpointHarness.HexOf(after.Endpoint.Keys.Find("com.ht.ab").Key));
        }

        private static byte[] Hex(string hex)
        {
            byte[] b;
            Assert.IsTrue(CommuneRadio.Core.Json.Hex.TryParse(hex, out b));
            return b;
        }
    }
}
