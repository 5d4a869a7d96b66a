using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    [TestClass]
    public class ScheduleTests
    {
        private static ScheduleEntry Entry(string id)
        {
            ScheduleItem i = ScheduleDigestTests.Morning();
            i.Id = id;
            return new ScheduleEntry(i, 0, false);
        }

        private static ScheduleEntry Entry(ScheduleItem item)
        {
            return new ScheduleEntry(item, 0, false);
        }

        private static string Ids(Schedule s)
        {
            string r = "";
            for (int i = 0; i < s.Count; i++)
            {
                r += (i == 0 ? "" : ",") + s.EntryAt(i).Item.Id;
            }

            return r;
        }

        [TestMethod]
        public void New_Empty_HasEmptyDigest()
        {
            Schedule s = new Schedule(8);
            Assert.AreEqual(0, s.Count);
            Assert.AreEqual(8, s.Capacity);
            Assert.AreEqual(0x811C9DC5u, s.Digest);
            Assert.AreEqual(0L, s.Version);
            ScheduleEntry e;
            Assert.IsFalse(s.TryGet("morning", out e));
            Assert.IsNull(e);
        }

        [TestMethod]
        public void Add_NewId_IsStoredAndFound()
        {
            Schedule s = new Schedule(8);
            ScheduleEntry a = Entry("a");
            Assert.AreEqual((int)RefusalReason.None, (int)s.Add(a));
            Assert.AreEqual(1, s.Count);
            ScheduleEntry found;
            Assert.IsTrue(s.TryGet("a", out found));
            Assert.AreSame(a, found);
            Assert.AreSame(a, s.EntryAt(0));
        }

        [TestMethod]
        public void Add_WhenFull_RefusesScheduleFullAndKeepsContents()
        {
            Schedule s = new Schedule(3);
            ScheduleEntry a = Entry("a");
            ScheduleEntry b = Entry("b");
            ScheduleEntry c = Entry("c");
            s.Add(b);
            s.Add(c);
            s.Add(a);
            uint digest = s.Digest;

            Assert.AreEqual((int)RefusalReason.ScheduleFull, (int)s.Add(Entry("0")));
            Assert.AreEqual((int)RefusalReason.ScheduleFull, (int)s.Add(Entry("d")));
            Assert.AreEqual((int)RefusalReason.ScheduleFull, (int)s.Add(Entry("bb")));
            Assert.AreEqual(3, s.Count);
            Assert.AreEqual(digest, s.Digest);
            Assert.AreEqual("a,b,c", Ids(s));
            Assert.AreSame(a, s.EntryAt(0));
            Assert.AreSame(b, s.EntryAt(1));
            Assert.AreSame(c, s.EntryAt(2));
            ScheduleEntry e;
            Assert.IsFalse(s.TryGet("d", out e));
        }

        [TestMethod]
        public void Add_AfterRemoveFromFull_AcceptsAgain()
        {
            Schedule s = new Schedule(2);
            s.Add(Entry("a"));
            s.Add(Entry("b"));
            Assert.AreEqual((int)RefusalReason.ScheduleFull, (int)s.Add(Entry("c")));
            Assert.AreEqual((int)RefusalReason.None, (int)s.Remove("a"));
            Assert.AreEqual((int)RefusalReason.None, (int)s.Add(Entry("c")));
            Assert.AreEqual("b,c", Ids(s));
        }

        [TestMethod]
        public void Add_DuplicateId_RefusedAndOriginalKept()
        {
            Schedule s = new Schedule(8);
            ScheduleEntry original = Entry("morning");
            s.Add(original);
            uint digest = s.Digest;

            ScheduleItem other = ScheduleDigestTests.Storm();
            other.Id = "morning";
            Assert.AreEqual((int)RefusalReason.DuplicateId, (int)s.Add(Entry(other)));
            Assert.AreEqual(1, s.Count);
            Assert.AreEqual(digest, s.Digest);
            ScheduleEntry found;
            s.TryGet("morning", out found);
            Assert.AreSame(original, found);
        }

        [TestMethod]
        public void Add_IdsDifferingOnlyInCase_AreDistinct()
        {
            Schedule s = new Schedule(8);
            Assert.AreEqual((int)RefusalReason.None, (int)s.Add(Entry("Morning")));
            Assert.AreEqual((int)RefusalReason.None, (int)s.Add(Entry("morning")));
            Assert.AreEqual(2, s.Count);
        }

        [TestMethod]
        public void Add_AnyInsertionOrder_KeptSortedByOrdinalId()
        {
            Schedule s = new Schedule(16);
            string[] ids = { "b", "a", "c", "B", "a1", "0", "a0", "Z", "a.b", "a-b", "a:b", "a_b" };
            for (int i = 0; i < ids.Length; i++)
            {
                Assert.AreEqual((int)RefusalReason.None, (int)s.Add(Entry(ids[i])));
            }

            // Ordinal: digits < upper case < '_' < lower case; '-' < '.' < digits < ':'.
            Assert.AreEqual("0,B,Z,a,a-b,a.b,a0,a1,a:b,a_b,b,c", Ids(s));
        }

        [TestMethod]
        public void Digest_InsertionOrder_DoesNotMatter()
        {
            string[] ids = { "evening", "morning", "noon", "storm", "a", "z9" };
            Schedule forward = new Schedule(8);
            Schedule backward = new Schedule(8);
            Schedule shuffled = new Schedule(8);
            for (int i = 0; i < ids.Length; i++)
            {
                forward.Add(Entry(ids[i]));
                backward.Add(Entry(ids[ids.Length - 1 - i]));
                shuffled.Add(Entry(ids[(i * 5) % ids.Length]));
            }

            Assert.AreEqual(ids.Length, shuffled.Count);
            Assert.AreEqual(forward.Digest, backward.Digest);
            Assert.AreEqual(forward.Digest, shuffled.Digest);
            Assert.AreEqual(Ids(forward), Ids(shuffled));
        }

        [TestMethod]
        public void Digest_TwoItems_FoldsInIdOrder()
        {
            Schedule s = new Schedule(8);
            s.Add(Entry(ScheduleDigestTests.Storm()));
            s.Add(Entry(ScheduleDigestTests.Morning()));
            Assert.AreEqual(0xA128F1D2u, s.Digest, "morning < storm-2026, whatever the order of arrival");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        [DataRow(12)]
        public void Replace_AnyFieldChanged_DigestChanges(int field)
        {
            Schedule s = new Schedule(8);
            s.Add(Entry(ScheduleDigestTests.Storm()));
            s.Add(Entry(ScheduleDigestTests.Morning()));
            uint before = s.Digest;

            ScheduleItem changed = ScheduleDigestTests.Morning();
            switch (field)
            {
                case 1: changed.Kind = ItemKind.OneOff; break;
                case 2: changed.Day = 20780; break;
                case 3: changed.DaysMask = 0x1F; break;
                case 4: changed.StartSecond = 19801; break;
                case 5: changed.DurationSeconds = 900; break;
                case 6: changed.ValidFromDay = 20780; break;
                case 7: changed.ValidUntilDay = 20800; break;
                case 8: changed.Class = BroadcastClass.Priority; break;
                case 9: changed.Level = IssuerLevel.National; break;
                case 10: changed.Issuer = "UBND x\u00E3 T\u00E2n Ph\u00FA "; break;
                case 11: changed.Lines = 1; break;
                default: changed.Source = 1; break;
            }

            Assert.AreEqual((int)RefusalReason.None, (int)s.Replace(Entry(changed)));
            Assert.AreNotEqual((long)before, (long)s.Digest, "field " + field.ToString());
            Assert.AreEqual(2, s.Count);
        }

        [TestMethod]
        public void Replace_SameFields_DigestUnchangedAndEntryReplaced()
        {
            Schedule s = new Schedule(8);
            s.Add(Entry(ScheduleDigestTests.Morning()));
            uint before = s.Digest;
            ScheduleEntry replacement = Entry(ScheduleDigestTests.Morning());
            Assert.AreEqual((int)RefusalReason.None, (int)s.Replace(replacement));
            Assert.AreEqual(before, s.Digest);
            Assert.AreSame(replacement, s.EntryAt(0));
        }

        [TestMethod]
        public void Replace_UnknownId_RefusedAndNothingChanges()
        {
            Schedule s = new Schedule(8);
            s.Add(Entry("a"));
            s.Add(Entry("c"));
            uint before = s.Digest;
            Assert.AreEqual((int)RefusalReason.UnknownId, (int)s.Replace(Entry("b")));
            Assert.AreEqual((int)RefusalReason.UnknownId, (int)s.Replace(Entry("A")));
            Assert.AreEqual(before, s.Digest);
            Assert.AreEqual("a,c", Ids(s));
        }

        [TestMethod]
        public void Remove_UnknownId_RefusedAndNothingChanges()
        {
            Schedule s = new Schedule(8);
            Assert.AreEqual((int)RefusalReason.UnknownId, (int)s.Remove("a"));
            s.Add(Entry("a"));
            uint before = s.Digest;
            Assert.AreEqual((int)RefusalReason.UnknownId, (int)s.Remove("b"));
            Assert.AreEqual((int)RefusalReason.UnknownId, (int)s.Remove(""));
            Assert.AreEqual(before, s.Digest);
            Assert.AreEqual(1, s.Count);
        }

        [TestMethod]
        public void Remove_Middle_KeepsOrderAndDigestOfRest()
        {
            Schedule s = new Schedule(8);
            s.Add(Entry("a"));
            s.Add(Entry("b"));
            s.Add(Entry("c"));
            Assert.AreEqual((int)RefusalReason.None, (int)s.Remove("b"));
            Assert.AreEqual("a,c", Ids(s));

            Schedule expected = new Schedule(8);
            expected.Add(Entry("c"));
            expected.Add(Entry("a"));
            Assert.AreEqual(expected.Digest, s.Digest);
            ScheduleEntry e;
            Assert.IsFalse(s.TryGet("b", out e));
            Assert.IsTrue(s.TryGet("c", out e));
        }

        [TestMethod]
        public void Remove_Everything_DigestBackToEmpty()
        {
            Schedule s = new Schedule(8);
            s.Add(Entry("a"));
            s.Add(Entry("b"));
            s.Remove("a");
            s.Remove("b");
            Assert.AreEqual(0, s.Count);
            Assert.AreEqual(ScheduleDigest.Empty, s.Digest);
        }

        [TestMethod]
        public void Clear_NonEmpty_EmptiesAndResetsDigest()
        {
            Schedule s = new Schedule(2);
            s.Add(Entry("a"));
            s.Add(Entry("b"));
            s.Clear();
            Assert.AreEqual(0, s.Count);
            Assert.AreEqual(ScheduleDigest.Empty, s.Digest);
            ScheduleEntry e;
            Assert.IsFalse(s.TryGet("a", out e));
            Assert.AreEqual((int)RefusalReason.None, (int)s.Add(Entry("x")));
            Assert.AreEqual((int)RefusalReason.None, (int)s.Add(Entry("y")));
        }

        [TestMethod]
        public void Add_FullCapacityOf64_AllFoundByBinarySearch()
        {
            Schedule s = new Schedule(64);
            for (int i = 0; i < 64; i++)
            {
                // Insert in a scrambled order (37 is coprime with 64).
                int k = (i * 37) % 64;
                Assert.AreEqual((int)RefusalReason.None, (int)s.Add(Entry("item-" + (k < 10 ? "0" : "") + k.ToString())));
            }

            Assert.AreEqual((int)RefusalReason.ScheduleFull, (int)s.Add(Entry("item-64")));
            for (int k = 0; k < 64; k++)
            {
                ScheduleEntry e;
                string id = "item-" + (k < 10 ? "0" : "") + k.ToString();
                Assert.IsTrue(s.TryGet(id, out e), id);
                Assert.AreEqual(id, e.Item.Id);
                Assert.AreSame(e, s.EntryAt(k));
            }
        }
    }
}
