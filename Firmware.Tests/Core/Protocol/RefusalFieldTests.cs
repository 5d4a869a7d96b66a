using System.Text;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>
    /// The <c>field</c> of a refusal is the dotted path of the command member at fault (docs/protocol.md §5), also
    /// when the refusal comes from the schedule or the programme table rather than the parser; and a refused message
    /// carries the body's id whenever it can be read. Each test asserts the exact result message.
    /// </summary>
    [TestClass]
    public class RefusalFieldTests
    {
        private const string Evening = "{\"id\":\"ev\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}";

        private static EndpointHarness At9()
        {
            return new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
        }

        private static string Item(string id, string extra)
        {
            return "{\"id\":\"" + id + "\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0" + extra + "}";
        }

        private static void Expect(EndpointHarness h, string cmd, string args, string reason, string field)
        {
            CommandBuilder b = h.Commune(cmd, args);
            Assert.AreEqual(EndpointHarness.Refused(b.Id, reason, field), h.Send(b), cmd + " " + args);
        }

        [TestMethod]
        public void DuplicateId_NamesTheIdMember()
        {
            EndpointHarness h = At9();
            h.Send(h.Commune("schedule.add", "{\"item\":" + Evening + "}"));
            Expect(h, "schedule.add", "{\"item\":" + Evening + "}", "duplicate-id", "args.item.id");
            Expect(h, "schedule.sync", "{\"version\":2,\"items\":[" + Item("a", string.Empty) + "," + Item("a", string.Empty) + "]}", "duplicate-id", "args.items.id");

            CommandBuilder play = h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}");
            Assert.AreEqual(EndpointHarness.Accepted(play.Id), h.Send(play));
            CommandBuilder again = h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}");
            again.Id = play.Id;
            Assert.AreEqual(EndpointHarness.Refused(play.Id, "duplicate-id", "id"), h.Send(again), "the programme id is the command's id");
        }

        [TestMethod]
        public void UnknownId_NamesTheMemberHoldingTheId()
        {
            EndpointHarness h = At9();
            Expect(h, "schedule.replace", "{\"item\":" + Evening + "}", "unknown-id", "args.item.id");
            Expect(h, "schedule.remove", "{\"item_id\":\"nothing\"}", "unknown-id", "args.item_id");
            Expect(h, "stop", "{\"programme\":\"nothing\"}", "unknown-id", "args.programme");
            CommandBuilder b = h.Province("emergency.stop", "{\"scope\":\"g/prov.ht\"}");
            Assert.AreEqual(EndpointHarness.Refused(b.Id, "unknown-id", "args.scope"), h.Send(b));
        }

        [TestMethod]
        public void ScheduleFull_NamesTheItem()
        {
            EndpointHarness h = At9();
            for (int i = 0; i < h.Station.Core.Schedule.Capacity; i++)
            {
                CommandBuilder add = h.Commune("schedule.add", "{\"item\":" + Item("i" + i, string.Empty) + "}");
                Assert.AreEqual(EndpointHarness.Accepted(add.Id), h.Send(add));
            }

            Expect(h, "schedule.add", "{\"item\":" + Item("one-more", string.Empty) + "}", "schedule-full", "args.item.id");
            Assert.AreEqual(h.Station.Core.Schedule.Capacity, h.Station.Core.Schedule.Count);
        }

        [TestMethod]
        public void LinesAndSourceNotFitted_FullPath()
        {
            EndpointHarness h = At9();
            Expect(h, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[7],\"source\":0}", "invalid-lines", "args.lines");
            Expect(h, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":5}", "invalid-source", "args.source");
            CommandBuilder e = h.Province("emergency.start", "{\"duration\":60,\"lines\":[7],\"source\":0}");
            Assert.AreEqual(EndpointHarness.Refused(e.Id, "invalid-lines", "args.lines"), h.Send(e));
            e = h.Province("emergency.start", "{\"duration\":60,\"lines\":[0],\"source\":5}");
            Assert.AreEqual(EndpointHarness.Refused(e.Id, "invalid-source", "args.source"), h.Send(e));
            string lines7 = "{\"id\":\"x\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[7],\"source\":0}";
            string source5 = "{\"id\":\"x\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":5}";
            Expect(h, "schedule.add", "{\"item\":" + lines7 + "}", "invalid-lines", "args.item.lines");
            Expect(h, "schedule.add", "{\"item\":" + source5 + "}", "invalid-source", "args.item.source");
            Expect(h, "schedule.sync", "{\"version\":2,\"items\":[" + source5 + "]}", "invalid-source", "args.items.source");
        }

        [TestMethod]
        public void FromAfterUntil_SamePathAsABadUntil()
        {
            EndpointHarness h = At9();
            Expect(h, "schedule.add", "{\"item\":" + Item("x", ",\"from\":\"2026-12-10\",\"until\":\"2026-12-01\"") + "}", "invalid-time", "args.item.until");
            Expect(h, "schedule.add", "{\"item\":" + Item("x", ",\"until\":\"2026-12-32\"") + "}", "invalid-time", "args.item.until");
            Expect(h, "schedule.sync", "{\"version\":2,\"items\":[" + Item("x", ",\"from\":\"2026-12-10\",\"until\":\"2026-12-01\"") + "]}", "invalid-time", "args.items.until");
        }

        [TestMethod]
        public void LongerThanOnTimeGuard_NonEmergencyRefused_EmergencyAccepted()
        {
            EndpointHarness h = At9();
            string item = "{\"id\":\"x\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":14400,\"class\":\"normal\",\"lines\":[0],\"source\":0}";
            Expect(h, "schedule.add", "{\"item\":" + item + "}", "invalid-duration", "args.item.duration");
            Expect(h, "schedule.sync", "{\"version\":2,\"items\":[" + item + "]}", "invalid-duration", "args.items.duration");
            Expect(h, "play", "{\"class\":\"priority\",\"duration\":10801,\"lines\":[0],\"source\":0}", "invalid-duration", "args.duration");
            CommandBuilder fits = h.Commune("schedule.add", "{\"item\":{\"id\":\"three-hours\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":10800,\"class\":\"normal\",\"lines\":[0],\"source\":0}}");
            Assert.AreEqual(EndpointHarness.Accepted(fits.Id), h.Send(fits), "exactly the guard (3 h)");
            CommandBuilder storm = h.Province("emergency.start", "{\"duration\":14400,\"lines\":[0],\"source\":0}");
            Assert.AreEqual(EndpointHarness.Accepted(storm.Id), h.Send(storm), "emergencies are exempt from the guard");
        }

        [TestMethod]
        public void InThePast_FullPath()
        {
            EndpointHarness h = At9();
            string once = "{\"id\":\"x\",\"kind\":\"once\",\"date\":\"2025-01-01\",\"time\":\"05:30\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}";
            Expect(h, "schedule.add", "{\"item\":" + once + "}", "in-the-past", "args.item.date");
            Expect(h, "schedule.replace", "{\"item\":" + Item("x", ",\"until\":\"2026-11-16\"") + "}", "in-the-past", "args.item.until");
            Expect(h, "schedule.sync", "{\"version\":2,\"items\":[" + once + "]}", "in-the-past", "args.items.date");
        }

        [TestMethod]
        public void Busy_NoField()
        {
            EndpointHarness h = At9();
            h.Send(h.Commune("play", "{\"class\":\"normal\",\"duration\":600,\"lines\":[0],\"source\":0}"));
            Expect(h, "relay.selftest", "{}", "busy", null);
        }

        [TestMethod]
        public void StorageError_NoField()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
            flash.FailWrites = true;
            Expect(h, "schedule.add", "{\"item\":" + Evening + "}", "storage-error", null);
        }

        [TestMethod]
        public void BodyIdReadable_ReportedWithTheRefusal()
        {
            EndpointHarness h = At9();
            string body = "{\"v\":1,\"id\":\"c-77\",\"iss\":\"com.ht.ab\",\"to\":\"g/com.ht.ab\",\"iat\":1,\"exp\":2,\"ctr\":5,\"cmd\":\"status\",\"args\":{}}";
            Assert.AreEqual(EndpointHarness.Refused("c-77", "invalid-field", "sig"), Raw(h, "{\"body\":" + body + "}"), "no sig");
            Assert.AreEqual(EndpointHarness.Refused("c-77", "invalid-field", "sig"), Raw(h, "{\"body\":" + body + ",\"sig\":42}"), "sig a number");
            Assert.AreEqual(EndpointHarness.Refused("c-77", "invalid-field", "sig"), Raw(h, "{\"sig\":42,\"body\":" + body + "}"), "sig a number, before the body");
            Assert.AreEqual(EndpointHarness.Refused("c-77", "duplicate-field", "sig"), Raw(h, "{\"sig\":\"a\",\"sig\":\"b\",\"body\":" + body + "}"), "sig twice, before the body");
            Assert.AreEqual(EndpointHarness.Refused("c-77", "unknown-field", "extra"), Raw(h, "{\"extra\":1,\"body\":" + body + ",\"sig\":\"00\"}"), "unknown outer member");
            StringBuilder text = new StringBuilder(body);
            text.Replace("\"v\":1,", "\"v\":\"1\",");
            Assert.AreEqual(EndpointHarness.Refused("c-77", "invalid-field", "v"), h.Send("g/com.ht.ab", CommandBuilder.Wrap(text.ToString(), EndpointHarness.CommuneKey), false), "v a string");
            text = new StringBuilder(body);
            text.Replace("\"v\":1,", "\"v\":1.0,");
            Assert.AreEqual(EndpointHarness.Refused("c-77", "invalid-field", "v"), h.Send("g/com.ht.ab", CommandBuilder.Wrap(text.ToString(), EndpointHarness.CommuneKey), false), "v 1.0");
            Assert.AreEqual(0, h.Station.Core.Counters.Accepted);
        }

        [TestMethod]
        public void BodyIdUnreadable_Null()
        {
            EndpointHarness h = At9();
            Assert.AreEqual(EndpointHarness.Refused(null, "invalid-field", "sig"), Raw(h, "{\"body\":{\"v\":1,\"id\":\"bad id\"}}"), "not a token");
            Assert.AreEqual(EndpointHarness.Refused(null, "invalid-field", "sig"), Raw(h, "{\"body\":{\"v\":1,\"id\":7}}"), "not a string");
            Assert.AreEqual(EndpointHarness.Refused(null, "invalid-field", "sig"), Raw(h, "{\"body\":{\"v\":1}}"), "absent");
            Assert.AreEqual(EndpointHarness.Refused(null, "invalid-field", "body"), Raw(h, "{\"body\":[{\"id\":\"c-1\"}],\"sig\":\"00\"}"), "body not an object");
            Assert.AreEqual(EndpointHarness.Refused(null, "malformed", "body"), Raw(h, "{\"body\":{\"v\":1,\"id\":\"c-1\""), "the body is not complete JSON");
            Assert.AreEqual(EndpointHarness.Refused("c-1", "malformed", null), Raw(h, "{\"body\":{\"v\":1,\"id\":\"c-1\"}"), "complete body, the envelope cut short");
            Assert.AreEqual(EndpointHarness.Refused(null, "invalid-field", "sig"), Raw(h, "{\"body\":{\"args\":{\"id\":\"c-1\"}}}"), "an id nested in args is not the command's");
        }

        private static string Raw(EndpointHarness h, string payload)
        {
            return h.Send("g/com.ht.ab", Encoding.UTF8.GetBytes(payload), false);
        }
    }
}
