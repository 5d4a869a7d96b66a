using System.Text;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>Every command of docs/protocol.md §3.2 through the full pipeline, with a fake clock.</summary>
    [TestClass]
    public class StationEndpointTests
    {
        private const string Morning = "{\"item\":{\"id\":\"morning\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}";

        private const string Morning900 = "{\"item\":{\"id\":\"morning\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":900,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}";

        private static EndpointHarness At(int hour, int minute)
        {
            return new EndpointHarness(StationHarness.MondayMidnightUtc + (hour * 60L + minute) * 60000, true);
        }

        [TestMethod]
        public void ScheduleAdd_Valid_AcceptedAndPlaysWithKeyLevelAndIssuer()
        {
            EndpointHarness h = At(5, 0);
            CommandBuilder b = h.Commune("schedule.add", Morning);
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));

            ScheduleEntry e;
            Assert.IsTrue(h.Station.Core.Schedule.TryGet("morning", out e));
            Assert.AreEqual("com.ht.ab", e.Item.Issuer);
            Assert.AreEqual((int)IssuerLevel.Commune, (int)e.Item.Level);
            Assert.AreEqual(0x7F, e.Item.DaysMask);
            Assert.AreEqual(19800, e.Item.StartSecond);
            h.Station.RunUntil(0, 5, 31, 0);
            Assert.AreEqual("morning", h.Station.Core.OnAir.Id);
        }

        [TestMethod]
        public void ScheduleAdd_OnceItem_ParsesDate()
        {
            EndpointHarness h = At(5, 0);
            string args = "{\"item\":{\"id\":\"notice\",\"kind\":\"once\",\"date\":\"2026-11-24\",\"time\":\"17:10:30\",\"duration\":600,\"class\":\"priority\",\"lines\":[1],\"source\":1}}";
            CommandBuilder b = h.Commune("schedule.add", args);
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            ScheduleEntry e;
            h.Station.Core.Schedule.TryGet("notice", out e);
            Assert.AreEqual((int)ItemKind.OneOff, (int)e.Item.Kind);
            Assert.AreEqual(CommuneRadio.Core.Time.LocalCalendar.DayFromDate(2026, 11, 24), e.Item.Day);
            Assert.AreEqual(17 * 3600 + 10 * 60 + 30, e.Item.StartSecond);
            Assert.AreEqual(0x2, e.Item.Lines);
            Assert.AreEqual((int)BroadcastClass.Priority, (int)e.Item.Class);
        }

        [TestMethod]
        public void ScheduleReplaceAndRemove_Accepted()
        {
            EndpointHarness h = At(5, 0);
            h.Send(h.Commune("schedule.add", Morning));
            CommandBuilder replace = h.Commune("schedule.replace", Morning900);
            Assert.AreEqual(EndpointHarness.Accepted(replace.Id), h.Send(replace));
            ScheduleEntry e;
            h.Station.Core.Schedule.TryGet("morning", out e);
            Assert.AreEqual(900, e.Item.DurationSeconds);

            CommandBuilder remove = h.Commune("schedule.remove", "{\"item_id\":\"morning\"}");
            Assert.AreEqual(EndpointHarness.Accepted(remove.Id), h.Send(remove));
            Assert.AreEqual(0, h.Station.Core.Schedule.Count);
            CommandBuilder again = h.Commune("schedule.remove", "{\"item_id\":\"morning\"}");
            Assert.AreEqual(EndpointHarness.Refused(again.Id, "unknown-id", "args.item_id"), h.Send(again));
        }

        [TestMethod]
        public void ScheduleSync_ReplacesAllAndSetsVersion()
        {
            EndpointHarness h = At(5, 0);
            h.Send(h.Commune("schedule.add", Morning));
            string items = "{\"version\":7,\"items\":[" +
                "{\"id\":\"a\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"06:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}," +
                "{\"id\":\"b\",\"kind\":\"weekly\",\"days\":[\"sun\"],\"from\":\"2026-12-01\",\"until\":\"2027-01-31\",\"time\":\"07:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[1],\"source\":1}]}";
            CommandBuilder b = h.Commune("schedule.sync", items);
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            Assert.AreEqual(2, h.Station.Core.Schedule.Count);
            Assert.AreEqual(7L, h.Station.Core.Schedule.Version);
        }

        [TestMethod]
        public void PlayAndStop_Accepted()
        {
            EndpointHarness h = At(9, 0);
            CommandBuilder play = h.Commune("play", "{\"class\":\"normal\",\"duration\":120,\"lines\":[0,2],\"source\":1}");
            Assert.AreEqual(EndpointHarness.Accepted(play.Id), h.Send(play));
            h.Station.Run(3000);
            Assert.AreEqual(0x5, h.Station.Core.Relays.LinesOn);

            CommandBuilder stop = h.Commune("stop", "{\"programme\":\"" + play.Id + "\"}");
            Assert.AreEqual(EndpointHarness.Accepted(stop.Id), h.Send(stop));
            h.Station.Run(3000);
            Assert.IsTrue(h.Station.Core.Relays.AllOutputsOff);
        }

        [TestMethod]
        public void EmergencyStartStop_ProvinceForItsGroup_Accepted()
        {
            EndpointHarness h = At(9, 0);
            CommandBuilder start = h.Province("emergency.start", "{\"duration\":600,\"lines\":[0,1,2,3],\"source\":1}");
            Assert.AreEqual(EndpointHarness.Accepted(start.Id), h.Send(start));
            Assert.AreEqual("g/prov.ht", h.Station.Core.OnAir.Scope);
            h.Station.Run(2500);
            Assert.IsTrue(h.Station.Core.Relays.Delivering);

            CommandBuilder stop = h.Province("emergency.stop", "{}");
            Assert.AreEqual(EndpointHarness.Accepted(stop.Id), h.Send(stop));
            h.Station.Run(3000);
            Assert.IsTrue(h.Station.Core.Relays.AllOutputsOff);
        }

        [TestMethod]
        public void RelaySelfTest_DrivesEachLineInTurn()
        {
            EndpointHarness h = At(9, 0);
            CommandBuilder b = h.Commune("relay.selftest", "{}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            h.Station.Run(60000);
            string events = StationHarness.Lines(h.Station.EventLog);
            Assert.Contains("started selftest.l00", events);
            Assert.Contains("started selftest.l03", events);
            Assert.IsTrue(events.IndexOf("started selftest.l00") < events.IndexOf("started selftest.l01"));
            Assert.IsTrue(h.Station.Core.Relays.AllOutputsOff);

            h.Send(h.Commune("play", "{\"class\":\"normal\",\"duration\":120,\"lines\":[0],\"source\":0}"));
            CommandBuilder busy = h.Commune("relay.selftest", "{}");
            Assert.AreEqual(EndpointHarness.Refused(busy.Id, "busy", null), h.Send(busy));
        }

        [TestMethod]
        public void Status_PublishesHealthAndState()
        {
            EndpointHarness h = At(9, 0);
            CommandBuilder b = h.Commune("status", "{}");
            h.Endpoint.HandleMessage("cr/v1/g/com.ht.ab/cmd", b.Build(), false, h.Station.Now);
            bool health = false;
            bool state = false;
            while (h.Endpoint.Outbox.Count > 0)
            {
                CommuneRadio.Core.Protocol.OutgoingMessage m = h.Endpoint.Outbox.Dequeue();
                health |= m.Topic == "cr/v1/st/ht-ab-001/health" && m.Qos == 0 && !m.Retain;
                state |= m.Topic == "cr/v1/st/ht-ab-001/state" && m.Retain && Encoding.UTF8.GetString(m.Payload, 0, m.Payload.Length).IndexOf("\"online\":true") >= 0;
            }

            Assert.IsTrue(health);
            Assert.IsTrue(state);
        }

        [TestMethod]
        public void TimeBeacon_WithoutClock_RequestsClockSet()
        {
            EndpointHarness h = new EndpointHarness(0, false);
            CommandBuilder b = h.Province("time", "{\"utc_ms\":1763850000000}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            Assert.AreEqual(1763850000000L, h.Endpoint.ClockSetRequestUtcMs);

            CommandBuilder commune = h.Commune("time", "{\"utc_ms\":1763850000000}");
            Assert.AreEqual(EndpointHarness.Refused(commune.Id, "not-authorized", "cmd"), h.Send(commune));
        }

        [TestMethod]
        public void ConfigSet_ChangesTelemetryPeriod()
        {
            EndpointHarness h = At(9, 0);
            CommandBuilder b = h.Commune("config.set", "{\"telemetry_s\":30}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            Assert.AreEqual(30000, h.Station.Core.Settings.TelemetryPeriodMs);
            Assert.IsTrue(h.Endpoint.ConfigChanged);
        }

        [TestMethod]
        public void KeyRotate_ByHigherLevel_ReplacesKey_SameLevelRefused()
        {
            EndpointHarness h = At(9, 0);
            string newKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
            CommandBuilder b = h.Province("key.rotate", "{\"issuer\":\"com.ht.ab\",\"key\":\"" + newKey + "\"}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            Assert.AreEqual(newKey, EndpointHarness.HexOf(h.Endpoint.Keys.Find("com.ht.ab").Key));

            CommandBuilder old = h.Commune("status", "{}");
            Assert.AreEqual(EndpointHarness.Refused(old.Id, "bad-signature", "sig"), h.Send(old));

            CommandBuilder peer = h.Province("key.rotate", "{\"issuer\":\"prov.ht\",\"key\":\"" + newKey + "\"}");
            Assert.AreEqual(EndpointHarness.Refused(peer.Id, "not-authorized", "args.issuer"), h.Send(peer));
        }

        [TestMethod]
        public void DirectStationTopic_CommuneScopedToStationsGroup_Accepted()
        {
            EndpointHarness h = At(9, 0);
            CommandBuilder b = h.Builder("com.ht.ab", EndpointHarness.CommuneKey, "st/ht-ab-001", "status", "{}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
        }

        [TestMethod]
        public void NonCommandTopic_IsIgnored()
        {
            EndpointHarness h = At(9, 0);
            h.Endpoint.HandleMessage("cr/v1/st/ht-ab-001/result", Encoding.UTF8.GetBytes("{}"), false, h.Station.Now);
            h.Endpoint.HandleMessage("cr/v1/st/other/cmd", Encoding.UTF8.GetBytes("{}"), false, h.Station.Now);
            Assert.AreEqual(0, h.Endpoint.Outbox.Count);
        }

        [TestMethod]
        public void Topics_SubscriptionsAndWill()
        {
            EndpointHarness h = At(9, 0);
            string[] subs = h.Endpoint.Topics.Subscriptions;
            Assert.AreEqual(4, subs.Length);
            Assert.AreEqual("cr/v1/st/ht-ab-001/cmd", subs[0]);
            Assert.AreEqual("cr/v1/g/com.ht.ab/cmd", subs[3]);
            byte[] will = h.Endpoint.WillPayload();
            Assert.AreEqual("{\"online\":false,\"station\":\"ht-ab-001\"}", Encoding.UTF8.GetString(will, 0, will.Length));
        }
    }
}
