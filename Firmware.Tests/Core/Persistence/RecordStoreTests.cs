using System.Text;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    [TestClass]
    public class RecordStoreTests
    {
        private static byte[] Text(string s)
        {
            return Encoding.UTF8.GetBytes(s);
        }

        private static string Load(RecordStore store)
        {
            int offset;
            int length;
            long sequence;
            byte[] data = store.Load("schedule", 1, out offset, out length, out sequence);
            return data == null ? null : new string(Encoding.UTF8.GetChars(data, offset, length));
        }

        private static RecordStore TwoVersions(MemoryStorage storage)
        {
            RecordStore store = new RecordStore(storage);
            Assert.IsTrue(store.Save("schedule", 1, 1, Text("version one"), 11));
            Assert.IsTrue(store.Save("schedule", 1, 2, Text("version two!"), 12));
            return store;
        }

        [TestMethod]
        public void Load_TwoSaves_ReturnsNewest()
        {
            MemoryStorage storage = new MemoryStorage();
            Assert.AreEqual("version two!", Load(TwoVersions(storage)));
            Assert.IsNotNull(storage.Read("schedule.a"));
            Assert.IsNotNull(storage.Read("schedule.b"));
        }

        [TestMethod]
        public void Load_Nothing_ReturnsNull()
        {
            Assert.IsNull(Load(new RecordStore(new MemoryStorage())));
        }

        [TestMethod]
        public void Save_TornAtEveryOffset_LoadKeepsPreviousGoodCopy()
        {
            byte[] third = Text("version three, a little longer");
            int frame = 16 + third.Length + 4;
            for (int at = 0; at < frame; at++)
            {
                MemoryStorage storage = new MemoryStorage();
                RecordStore store = TwoVersions(storage);
                storage.TearNextWriteAt = at;
                Assert.IsFalse(store.Save("schedule", 1, 3, third, third.Length));
                Assert.AreEqual("version two!", Load(new RecordStore(storage)), "torn at byte " + at);
            }
        }

        [TestMethod]
        public void Load_EveryByteOfNewestCorrupted_FallsBackToPrevious()
        {
            MemoryStorage clean = new MemoryStorage();
            TwoVersions(clean);
            byte[] newest = clean.Read("schedule.a");
            for (int at = 0; at < newest.Length; at++)
            {
                MemoryStorage storage = new MemoryStorage();
                TwoVersions(storage);
                byte[] bad = storage.Read("schedule.a");
                bad[at] ^= 0x5A;
                storage.Put("schedule.a", bad);
                string loaded = Load(new RecordStore(storage));
                Assert.AreEqual("version one", loaded, "corrupted byte " + at);
            }
        }

        [TestMethod]
        public void Load_BothSlotsCorrupt_ReturnsNull()
        {
            MemoryStorage storage = new MemoryStorage();
            TwoVersions(storage);
            storage.Put("schedule.a", Text("garbage"));
            storage.Put("schedule.b", new byte[0]);
            Assert.IsNull(Load(new RecordStore(storage)));
        }

        [TestMethod]
        public void Load_OtherFormatVersion_IsNotRead()
        {
            MemoryStorage storage = new MemoryStorage();
            TwoVersions(storage);
            int offset;
            int length;
            long sequence;
            Assert.IsNull(new RecordStore(storage).Load("schedule", 2, out offset, out length, out sequence));
        }

        [TestMethod]
        public void Save_StorageFull_FailsAndPreviousStays()
        {
            MemoryStorage storage = new MemoryStorage();
            RecordStore store = TwoVersions(storage);
            storage.CapacityBytes = storage.UsedBytes();
            Assert.IsFalse(store.Save("schedule", 1, 3, Text("a much longer third version"), 27));
            Assert.AreEqual("version two!", Load(store));
        }

        [TestMethod]
        public void Save_ManyRecordNames_SlotNameCacheStaysBoundedAndSlotsAlternate()
        {
            MemoryStorage storage = new MemoryStorage();
            RecordStore store = new RecordStore(storage);
            for (int round = 1; round <= 3; round++)
            {
                for (int n = 0; n < 20; n++)
                {
                    string name = "r" + n.ToString();
                    Assert.IsTrue(store.Save(name, 1, round, Text("v" + round.ToString()), 2));
                    Assert.AreEqual(round, storage.RecordWrites(name), name);
                }
            }

            Assert.AreEqual(RecordStore.MaxCachedNames, store.CachedNames);
            for (int n = 0; n < 20; n++)
            {
                string name = "r" + n.ToString();
                Assert.AreEqual(2, storage.WritesOf(name + ".b"), name + ": sequences 1 and 3 (odd) go to slot b");
                Assert.AreEqual(1, storage.WritesOf(name + ".a"), name + ": sequence 2 (even) to slot a");
                int offset;
                int length;
                long sequence;
                byte[] data = store.Load(name, 1, out offset, out length, out sequence);
                Assert.AreEqual(3L, sequence, name);
                Assert.AreEqual("v3", new string(Encoding.UTF8.GetChars(data, offset, length)), name);
            }
        }

        [TestMethod]
        public void Save_SameNamesAgain_CacheDoesNotGrow()
        {
            RecordStore store = new RecordStore(new MemoryStorage());
            string[] names = { "schedule", "keys", "events", "config", "system" };
            for (int round = 1; round <= 10; round++)
            {
                for (int n = 0; n < names.Length; n++)
                {
                    Assert.IsTrue(store.Save(names[n], 1, round, Text("x"), 1));
                }
            }

            Assert.AreEqual(5, store.CachedNames);
        }

        [TestMethod]
        public void Crc32_KnownVector()
        {
            byte[] b = Text("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(b, 0, b.Length));
        }

        [TestMethod]
        public void Crc32_TableMatchesTheBitByBitDefinition()
        {
            // Every length 0..600 of a pseudo-random buffer, at offsets 0 and 3, against the textbook bit loop.
            byte[] b = new byte[603];
            uint x = 2463534242;
            for (int i = 0; i < b.Length; i++)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                b[i] = (byte)x;
            }

            for (int n = 0; n <= 600; n++)
            {
                Assert.AreEqual(BitByBit(b, 0, n), Crc32.Compute(b, 0, n));
                Assert.AreEqual(BitByBit(b, 3, n), Crc32.Compute(b, 3, n));
            }
        }

        private static uint BitByBit(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
