using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    /// <summary>A refused command changes nothing: not the schedule, not the programmes, not the relays.</summary>
    [TestClass]
    public class StationRefusalTests
    {
        private static StationHarness OnAirAt0805()
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc + 7 * 3600000L + 59 * 60000L);
            h.Boot(true);
            h.Core.AddItem(StationHarness.Daily("slot", 8, 0, 30), h.Now);
            h.RunUntil(0, 8, 5, 0);
            return h;
        }

        private static void AssertRefusedUnchanged(StationHarness h, CommandResult r, RefusalReason reason, string field, uint digest, int count)
        {
            Assert.IsFalse(r.Accepted);
            Assert.AreEqual(ReasonNames.Of(reason), ReasonNames.Of(r.Reason));
            Assert.AreEqual(field, r.Field);
            Assert.AreEqual(0, h.Core.Effects.Writes.Count, "no relay write on a refusal");
            Assert.IsFalse(h.Core.Effects.ScheduleChanged);
            Assert.AreEqual(digest, h.Core.Schedule.Digest);
            Assert.AreEqual(count, h.Core.Schedule.Count);
            Assert.AreEqual("slot", h.Core.OnAir.Id);
        }

        [TestMethod]
        [DataRow(0, "duration")]
        [DataRow(99999, "duration")]
        public void AddItem_BadDuration_Refused(int seconds, string field)
        {
            StationHarness h = OnAirAt0805();
            uint digest = h.Core.Schedule.Digest;
            ScheduleItem bad = StationHarness.Daily("x", 9, 0, 1);
            bad.DurationSeconds = seconds;
            AssertRefusedUnchanged(h, h.Core.AddItem(bad, h.Now), RefusalReason.InvalidDuration, field, digest, 1);
        }

        [TestMethod]
        public void AddItem_Refusals_NameTheField()
        {
            StationHarness h = OnAirAt0805();
            uint digest = h.Core.Schedule.Digest;

            ScheduleItem dup = StationHarness.Daily("slot", 9, 0, 1);
            AssertRefusedUnchanged(h, h.Core.AddItem(dup, h.Now), RefusalReason.DuplicateId, "id", digest, 1);

            ScheduleItem lines = StationHarness.Daily("y", 9, 0, 1);
            lines.Lines = 0x10;
            AssertRefusedUnchanged(h, h.Core.AddItem(lines, h.Now), RefusalReason.InvalidLines, "lines", digest, 1);

            ScheduleItem source = StationHarness.Daily("y", 9, 0, 1);
            source.Source = 2;
            AssertRefusedUnchanged(h, h.Core.AddItem(source, h.Now), RefusalReason.InvalidSource, "source", digest, 1);

            ScheduleItem time = StationHarness.Daily("y", 9, 0, 1);
            time.StartSecond = 86400;
            AssertRefusedUnchanged(h, h.Core.AddItem(time, h.Now), RefusalReason.InvalidTime, "time", digest, 1);

            ScheduleItem id = StationHarness.Daily("bad id/with slash", 9, 0, 1);
            AssertRefusedUnchanged(h, h.Core.AddItem(id, h.Now), RefusalReason.InvalidField, "id", digest, 1);
            Assert.AreEqual(5L, h.Core.Counters.Refused);
        }

        [TestMethod]
        public void AddItem_ScheduleFull_RefusedAndScheduleKept()
        {
            StationHarness h = OnAirAt0805();
            for (int i = 1; i < h.Core.Schedule.Capacity; i++)
            {
                Assert.IsTrue(h.Core.AddItem(StationHarness.Daily("item-" + i, 20, i % 60, 1), h.Now).Accepted);
            }

            uint digest = h.Core.Schedule.Digest;
            AssertRefusedUnchanged(h, h.Core.AddItem(StationHarness.Daily("one-more", 21, 0, 1), h.Now), RefusalReason.ScheduleFull, "id", digest, 64);
        }

        [TestMethod]
        public void RemoveAndReplace_UnknownId_Refused()
        {
            StationHarness h = OnAirAt0805();
            uint digest = h.Core.Schedule.Digest;
            AssertRefusedUnchanged(h, h.Core.RemoveItem("nope", h.Now), RefusalReason.UnknownId, "id", digest, 1);
            AssertRefusedUnchanged(h, h.Core.ReplaceItem(StationHarness.Daily("nope", 9, 0, 1), h.Now), RefusalReason.UnknownId, "id", digest, 1);
        }

        [TestMethod]
        public void PlayNow_Refusals_ChangeNothing()
        {
            StationHarness h = OnAirAt0805();
            uint digest = h.Core.Schedule.Digest;
            AssertRefusedUnchanged(h, h.Core.PlayNow("p", BroadcastClass.Priority, IssuerLevel.Province, "p", 0, 0xF, 0, h.Now), RefusalReason.InvalidDuration, "duration", digest, 1);
            AssertRefusedUnchanged(h, h.Core.PlayNow("p", BroadcastClass.Priority, IssuerLevel.Province, "p", 60, 0, 0, h.Now), RefusalReason.InvalidLines, "lines", digest, 1);
            AssertRefusedUnchanged(h, h.Core.PlayNow("", BroadcastClass.Priority, IssuerLevel.Province, "p", 60, 1, 0, h.Now), RefusalReason.InvalidField, "id", digest, 1);
            AssertRefusedUnchanged(h, h.Core.StartEmergency("e", "", IssuerLevel.Province, "p", 60, 1, 0, h.Now), RefusalReason.InvalidField, "scope", digest, 1);
        }

        [TestMethod]
        public void PlayNow_TableFull_RefusedBusy()
        {
            StationHarness h = OnAirAt0805();
            int i = 0;
            while (h.Core.PlayNow("p" + i, BroadcastClass.Normal, IssuerLevel.Station, "p", 60, 1, 0, h.Now).Accepted)
            {
                i++;
            }

            Assert.AreEqual(15, i);
            Assert.AreEqual(ReasonNames.Of(RefusalReason.Busy), ReasonNames.Of(h.Core.PlayNow("q", BroadcastClass.Normal, IssuerLevel.Station, "p", 60, 1, 0, h.Now).Reason));
        }

        [TestMethod]
        public void SyncSchedule_OneBadItem_RefusesWholeSyncAndKeepsOld()
        {
            StationHarness h = OnAirAt0805();
            uint digest = h.Core.Schedule.Digest;
            ScheduleItem bad = StationHarness.Daily("b", 9, 0, 1);
            bad.DaysMask = 0;
            ScheduleItem[] items = { StationHarness.Daily("a", 9, 0, 1), bad };
            AssertRefusedUnchanged(h, h.Core.SyncSchedule(items, 7, h.Now), RefusalReason.InvalidTime, "days", digest, 1);
            Assert.AreEqual(0L, h.Core.Schedule.Version);
        }

        [TestMethod]
        public void SyncSchedule_Valid_ReplacesAllKeepsWatermarksAndSetsVersion()
        {
            StationHarness h = OnAirAt0805();
            h.RunUntil(0, 8, 40, 0);
            ScheduleItem[] items = { StationHarness.Daily("slot", 8, 0, 30), StationHarness.Daily("noon", 12, 0, 15) };
            Assert.IsTrue(h.Core.SyncSchedule(items, 42, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            Assert.AreEqual(42L, h.Core.Schedule.Version);
            Assert.AreEqual(2, h.Core.Schedule.Count);
            h.RunUntil(0, 12, 20, 0);

            Assert.AreEqual(
                "Mon 08:00:02 started slot none\n" +
                "Mon 08:30:00 ended slot none\n" +
                "Mon 12:00:02 started noon none\n" +
                "Mon 12:15:00 ended noon none\n",
                StationHarness.Lines(h.EventLog));
        }
    }
}
