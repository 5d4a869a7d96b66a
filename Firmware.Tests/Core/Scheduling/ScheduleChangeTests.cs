using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    /// <summary>The record a schedule change writes before it is applied: the schedule as it will be.</summary>
    [TestClass]
    public class ScheduleChangeTests
    {
        // "a" settled up to 1000, "b" without a watermark yet, at version 7.
        private static Schedule Current()
        {
            Schedule s = new Schedule(8);
            s.Add(new ScheduleEntry(StationHarness.Daily("a", 6, 0, 10), 1000, true));
            s.Add(new ScheduleEntry(StationHarness.Daily("b", 7, 0, 10), 0, false));
            s.Version = 7;
            return s;
        }

        private static ScheduleEntry Find(ScheduleEntry[] image, int count, string id)
        {
            for (int i = 0; i < count; i++)
            {
                if (image[i].Item.Id == id)
                {
                    return image[i];
                }
            }

            return null;
        }

        [TestMethod]
        public void Image_Add_AllEntriesPlusTheNewOneWithoutWatermarkAtTheSameVersion()
        {
            ScheduleChange c = new ScheduleChange();
            c.Add(StationHarness.Daily("c", 8, 0, 10));
            int count;
            long version;
            ScheduleEntry[] image = c.Image(Current(), out count, out version);
            Assert.AreEqual(3, count);
            Assert.AreEqual(7L, version);
            Assert.AreEqual(1000L, Find(image, count, "a").SettledUntilUtcMs);
            Assert.IsFalse(Find(image, count, "c").HasWatermark);
            Assert.AreEqual("c", c.TargetId);
        }

        [TestMethod]
        public void Image_Replace_TheNewItemKeepsTheOldWatermarkOthersUnchanged()
        {
            ScheduleChange c = new ScheduleChange();
            c.Replace(StationHarness.Daily("a", 9, 0, 20));
            int count;
            long version;
            ScheduleEntry[] image = c.Image(Current(), out count, out version);
            Assert.AreEqual(2, count);
            ScheduleEntry a = Find(image, count, "a");
            Assert.AreEqual(20 * 60, a.Item.DurationSeconds);
            Assert.AreEqual(1000L, a.SettledUntilUtcMs);
            Assert.IsTrue(a.HasWatermark);
            Assert.IsNotNull(Find(image, count, "b"));
            Assert.AreEqual("a", c.TargetId);
        }

        [TestMethod]
        public void Image_Remove_AllButThatId()
        {
            ScheduleChange c = new ScheduleChange();
            c.Remove("b");
            int count;
            long version;
            ScheduleEntry[] image = c.Image(Current(), out count, out version);
            Assert.AreEqual(1, count);
            Assert.AreEqual("a", image[0].Item.Id);
            Assert.AreEqual(7L, version);
            Assert.AreEqual("b", c.TargetId);
        }

        [TestMethod]
        public void Image_Sync_ItsItemsAtItsVersionKeepingWatermarksByIdOnly()
        {
            ScheduleChange c = new ScheduleChange();
            c.Sync(new ScheduleItem[] { StationHarness.Daily("a", 6, 30, 10), StationHarness.Daily("z", 9, 0, 10) }, 12);
            int count;
            long version;
            ScheduleEntry[] image = c.Image(Current(), out count, out version);
            Assert.AreEqual(2, count);
            Assert.AreEqual(12L, version);
            Assert.AreEqual(1000L, Find(image, count, "a").SettledUntilUtcMs);
            Assert.IsTrue(Find(image, count, "a").HasWatermark);
            Assert.IsFalse(Find(image, count, "z").HasWatermark);
            Assert.AreEqual(0L, Find(image, count, "z").SettledUntilUtcMs);
            Assert.IsNull(Find(image, count, "b"));
            Assert.IsNull(c.TargetId);
        }
    }
}
