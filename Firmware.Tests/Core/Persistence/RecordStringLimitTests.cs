using System.Text;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    /// <summary>
    /// The string limits of each record codec, in UTF-8 bytes — schedule id 128 and issuer 192, event programme 128,
    /// keyring name 192 and scope 256, system reason 64: exactly the limit reads back, one byte more refuses the record,
    /// and a null string reads back as null where the format allows it.
    /// </summary>
    [TestClass]
    public class RecordStringLimitTests
    {
        private static string Of(int bytes)
        {
            // Two-byte characters and an ASCII tail, so the limit is in bytes, not characters.
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < bytes / 2; i++)
            {
                sb.Append('\u0111');
            }

            if (bytes % 2 == 1)
            {
                sb.Append('x');
            }

            return sb.ToString();
        }

        private static RecordReader Encode(string id, string issuer)
        {
            ScheduleItem item = StationHarness.Daily("x", 6, 0, 1);
            item.Id = id;
            item.Issuer = issuer;
            RecordWriter w = new RecordWriter(64);
            ScheduleCodec.Encode(new[] { new ScheduleEntry(item, 5, true) }, 1, 3, w);
            return new RecordReader(w.Buffer, 0, w.Length);
        }

        private static ScheduleEntry[] Decode(RecordReader r)
        {
            long version;
            return ScheduleCodec.Decode(r, 64, out version);
        }

        [TestMethod]
        [DataRow(128, 192, true)]
        [DataRow(129, 192, false)]
        [DataRow(128, 193, false)]
        [DataRow(0, 0, true)]
        public void ScheduleCodec_IdAndIssuerLimits(int idBytes, int issuerBytes, bool accepted)
        {
            ScheduleEntry[] e = Decode(Encode(Of(idBytes), Of(issuerBytes)));
            Assert.AreEqual(accepted, e != null);
            if (accepted)
            {
                Assert.AreEqual(Of(idBytes), e[0].Item.Id);
                Assert.AreEqual(Of(issuerBytes), e[0].Item.Issuer);
                Assert.AreEqual(5L, e[0].SettledUntilUtcMs);
            }
        }

        [TestMethod]
        public void ScheduleCodec_NullStrings_ReadBackNull()
        {
            ScheduleEntry[] e = Decode(Encode(null, null));
            Assert.IsNotNull(e);
            Assert.IsNull(e[0].Item.Id);
            Assert.IsNull(e[0].Item.Issuer);
        }

        private static bool DecodeEvent(string programme, out PlayEvent read)
        {
            PlayEventQueue q = new PlayEventQueue(4);
            PlayEvent e = new PlayEvent();
            e.Sequence = 3;
            e.Kind = PlayEventKind.Started;
            e.ProgrammeId = programme;
            q.Enqueue(e);
            RecordWriter w = new RecordWriter(64);
            EventCodec.Encode(q, 3, w);
            PlayEventQueue into = new PlayEventQueue(4);
            long sequence;
            bool ok = EventCodec.Decode(new RecordReader(w.Buffer, 0, w.Length), into, out sequence);
            read = into.Count == 1 ? into.PeekAt(0) : null;
            return ok;
        }

        [TestMethod]
        [DataRow(128, true)]
        [DataRow(129, false)]
        public void EventCodec_ProgrammeLimit(int bytes, bool accepted)
        {
            PlayEvent read;
            Assert.AreEqual(accepted, DecodeEvent(Of(bytes), out read));
            Assert.AreEqual(accepted ? Of(bytes) : null, read == null ? null : read.ProgrammeId);
        }

        [TestMethod]
        public void EventCodec_NullProgramme_ReadsBackNull()
        {
            PlayEvent read;
            Assert.IsTrue(DecodeEvent(null, out read));
            Assert.IsNotNull(read);
            Assert.IsNull(read.ProgrammeId);
        }

        private static Keyring KeysWith(string name, string scope)
        {
            Keyring k = new Keyring();
            IssuerKey key = new IssuerKey(name, IssuerLevel.Province, CommandBuilder.TestKey(3), new[] { scope }, true);
            key.ProvisionedKey = CommandBuilder.TestKey(3);
            k.Put(key);
            RecordWriter w = new RecordWriter(64);
            KeyringCodec.Encode(k, null, null, w);
            return KeyringCodec.Decode(new RecordReader(w.Buffer, 0, w.Length));
        }

        [TestMethod]
        [DataRow(192, 256, true)]
        [DataRow(193, 256, false)]
        [DataRow(192, 257, false)]
        public void KeyringCodec_NameAndScopeLimits(int nameBytes, int scopeBytes, bool accepted)
        {
            Keyring k = KeysWith(Of(nameBytes), Of(scopeBytes));
            Assert.AreEqual(accepted, k != null);
            if (accepted)
            {
                Assert.AreEqual(Of(scopeBytes), k.Find(Of(nameBytes)).Scopes[0]);
            }
        }

        [TestMethod]
        public void KeyringCodec_NullName_Refused()
        {
            Assert.IsNull(KeysWith(null, "g/vn"), "an issuer without a name cannot be looked up");
        }

        [TestMethod]
        public void KeyringCodec_NullScope_ReadsBackNull()
        {
            Keyring k = KeysWith("prov.ht", null);
            Assert.IsNotNull(k);
            Assert.IsNull(k.Find("prov.ht").Scopes[0]);
        }

        [TestMethod]
        [DataRow(64, true)]
        [DataRow(65, false)]
        public void SystemRecord_ReasonLimit(int bytes, bool kept)
        {
            MemoryStorage flash = new MemoryStorage();
            StationStore first = new StationStore(flash);
            first.LoadSystem();
            Assert.IsTrue(first.SaveSystem(Of(bytes)));
            StationStore next = new StationStore(flash);
            next.LoadSystem();
            Assert.AreEqual(kept ? Of(bytes) : "unknown", next.PreviousResetReason);
            Assert.AreEqual(kept ? 2 : 1, next.BootCount, "a refused record counts from one again");
        }

        [TestMethod]
        public void SystemRecord_NullReason_Unknown()
        {
            MemoryStorage flash = new MemoryStorage();
            StationStore first = new StationStore(flash);
            first.LoadSystem();
            first.SaveSystem(null);
            StationStore next = new StationStore(flash);
            next.LoadSystem();
            Assert.AreEqual("unknown", next.PreviousResetReason);
            Assert.AreEqual(2, next.BootCount);
        }
    }
}
