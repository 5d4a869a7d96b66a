using System.Text;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>
    /// A <c>schedule.sync</c> from an issuer of lower level than an item's (docs/protocol.md §4.2): it may keep the
    /// higher item only as the very same programme — and then the item keeps its issuer, level and history — but may
    /// neither drop it nor change it (<c>not-authorized</c> on <c>args.items</c>).
    /// </summary>
    [TestClass]
    public class ScheduleSyncAuthorityTests
    {
        // Monday 20:00 local, weekly on Monday and Friday.
        private const string ProvinceNews = "{\"id\":\"prov-news\",\"kind\":\"weekly\",\"days\":[\"mon\",\"fri\"],\"from\":\"2026-11-01\",\"until\":\"2027-06-30\",\"time\":\"20:00\",\"duration\":600,\"class\":\"priority\",\"lines\":[0,1],\"source\":1}";
        private const string CommuneMorning = "{\"id\":\"com-morning\",\"kind\":\"weekly\",\"days\":[\"tue\"],\"time\":\"06:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}";

        private static EndpointHarness WithProvinceItem()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
            CommandBuilder add = h.Province("schedule.add", "{\"item\":" + ProvinceNews + "}");
            Assert.AreEqual(EndpointHarness.Accepted(add.Id), h.Send(add));
            return h;
        }

        private static ScheduleEntry Entry(EndpointHarness h, string id)
        {
            ScheduleEntry e;
            Assert.IsTrue(h.Station.Core.Schedule.TryGet(id, out e), id);
            return e;
        }

        [TestMethod]
        public void CommuneSync_KeepsProvinceItemUnchanged_AcceptedAndItemKeepsIssuerLevelAndHistory()
        {
            EndpointHarness h = WithProvinceItem();
            ScheduleItem before = Entry(h, "prov-news").Item.Clone();
            long watermark = Entry(h, "prov-news").SettledUntilUtcMs;
            uint itemDigest = ScheduleDigest.Add(ScheduleDigest.Empty, before);

            CommandBuilder sync = h.Commune("schedule.sync", "{\"version\":4,\"items\":[" + CommuneMorning + "," + ProvinceNews + "]}");
            Assert.AreEqual(EndpointHarness.Accepted(sync.Id), h.Send(sync));

            Assert.AreEqual(2, h.Station.Core.Schedule.Count);
            Assert.AreEqual(4L, h.Station.Core.Schedule.Version);
            ScheduleEntry kept = Entry(h, "prov-news");
            Assert.AreEqual("prov.ht", kept.Item.Issuer, "the item is still the province's");
            Assert.AreEqual((int)IssuerLevel.Province, (int)kept.Item.Level);
            Assert.AreEqual(itemDigest, ScheduleDigest.Add(ScheduleDigest.Empty, kept.Item), "every field unchanged");
            Assert.AreEqual(watermark, kept.SettledUntilUtcMs, "its history is kept");
            Assert.IsTrue(kept.HasWatermark);
            ScheduleEntry added = Entry(h, "com-morning");
            Assert.AreEqual("com.ht.ab", added.Item.Issuer);
            Assert.AreEqual((int)IssuerLevel.Commune, (int)added.Item.Level);
        }

        [TestMethod]
        public void CommuneSync_KeptProvinceItem_StillCannotBeRemovedByTheCommune()
        {
            EndpointHarness h = WithProvinceItem();
            h.Send(h.Commune("schedule.sync", "{\"version\":4,\"items\":[" + ProvinceNews + "]}"));
            CommandBuilder remove = h.Commune("schedule.remove", "{\"item_id\":\"prov-news\"}");
            Assert.AreEqual(EndpointHarness.Refused(remove.Id, "not-authorized", "args"), h.Send(remove));
            CommandBuilder drop = h.Commune("schedule.sync", "{\"version\":5,\"items\":[]}");
            Assert.AreEqual(EndpointHarness.Refused(drop.Id, "not-authorized", "args.items"), h.Send(drop));
            Assert.AreEqual(1, h.Station.Core.Schedule.Count);
        }

        [TestMethod]
        public void CommuneSync_KeptProvinceItem_PlaysAtProvinceRank()
        {
            EndpointHarness h = WithProvinceItem();
            h.Send(h.Commune("schedule.sync", "{\"version\":4,\"items\":[" + ProvinceNews + "]}"));
            h.Station.RunUntil(0, 20, 0, 30);
            Assert.AreEqual("prov-news", h.Station.Core.OnAir.Id);
            Assert.AreEqual((int)IssuerLevel.Province, (int)h.Station.Core.OnAir.Level);
            Assert.AreEqual("prov.ht", h.Station.Core.OnAir.Issuer);
        }

        [TestMethod]
        [DataRow("\"time\":\"20:00\"", "\"time\":\"20:01\"")]
        [DataRow("\"duration\":600", "\"duration\":601")]
        [DataRow("\"class\":\"priority\"", "\"class\":\"normal\"")]
        [DataRow("\"lines\":[0,1]", "\"lines\":[0]")]
        [DataRow("\"source\":1", "\"source\":0")]
        [DataRow("\"days\":[\"mon\",\"fri\"]", "\"days\":[\"mon\"]")]
        [DataRow("\"from\":\"2026-11-01\"", "\"from\":\"2026-11-02\"")]
        [DataRow("\"until\":\"2027-06-30\"", "\"until\":\"2027-06-29\"")]
        [DataRow(",\"from\":\"2026-11-01\",\"until\":\"2027-06-30\"", "")]
        [DataRow("\"kind\":\"weekly\",\"days\":[\"mon\",\"fri\"],\"from\":\"2026-11-01\",\"until\":\"2027-06-30\"", "\"kind\":\"once\",\"date\":\"2026-11-27\"")]
        public void CommuneSync_ChangesProvinceItem_RefusedNotAuthorizedNothingChanged(string field, string changed)
        {
            EndpointHarness h = WithProvinceItem();
            string altered = new StringBuilder(ProvinceNews).Replace(field, changed).ToString();
            Assert.AreNotEqual(ProvinceNews, altered, "the test changes the item");
            h.Station.Run(1000);
            EndpointSnapshot before = new EndpointSnapshot(h);
            CommandBuilder sync = h.Commune("schedule.sync", "{\"version\":4,\"items\":[" + altered + "]}");
            Assert.AreEqual(EndpointHarness.Refused(sync.Id, "not-authorized", "args.items"), h.Send(sync));
            before.Count(0, 1);
            Assert.IsNull(before.Difference());
            Assert.AreEqual("prov.ht", Entry(h, "prov-news").Item.Issuer);
        }

        [TestMethod]
        public void ProvinceSync_ChangesItsOwnItem_AcceptedAndStampedWithItsKey()
        {
            EndpointHarness h = WithProvinceItem();
            CommandBuilder sync = h.Province("schedule.sync", "{\"version\":4,\"items\":[" + new StringBuilder(ProvinceNews).Replace("\"duration\":600", "\"duration\":900").ToString() + "]}");
            Assert.AreEqual(EndpointHarness.Accepted(sync.Id), h.Send(sync));
            Assert.AreEqual(900, Entry(h, "prov-news").Item.DurationSeconds);
            Assert.AreEqual("prov.ht", Entry(h, "prov-news").Item.Issuer);
        }

        [TestMethod]
        public void NationalSync_KeepsProvinceItem_BecomesNationals()
        {
            // A higher issuer that sends the item takes it over, as a schedule.replace of it would.
            EndpointHarness h = WithProvinceItem();
            CommandBuilder sync = h.National("schedule.sync", "{\"version\":4,\"items\":[" + ProvinceNews + "]}");
            Assert.AreEqual(EndpointHarness.Accepted(sync.Id), h.Send(sync));
            Assert.AreEqual("vn", Entry(h, "prov-news").Item.Issuer);
            Assert.AreEqual((int)IssuerLevel.National, (int)Entry(h, "prov-news").Item.Level);
        }
    }
}
