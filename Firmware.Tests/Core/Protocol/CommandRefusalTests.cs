using System.Text;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>
    /// Every refusal reason of docs/protocol.md §5, each with the exact result message, and each leaving the
    /// schedule and the relays as they were.
    /// </summary>
    [TestClass]
    public class CommandRefusalTests
    {
        private const string Play = "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}";

        private static EndpointHarness Busy()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
            h.Send(h.Commune("play", "{\"class\":\"normal\",\"duration\":600,\"lines\":[0,1],\"source\":0}"));
            h.Station.Run(3000);
            return h;
        }

        private static void AssertRefused(EndpointHarness h, string expected, string actual)
        {
            Assert.AreEqual(expected, actual);
            Assert.AreEqual(0, h.Station.Core.Effects.Writes.Count, "a refusal writes no relay");
            Assert.AreEqual(0x3, h.Station.Core.Relays.LinesOn, "the programme on air is untouched");
            Assert.AreEqual(0, h.Station.Core.Schedule.Count);
        }

        private static string Raw(EndpointHarness h, string payload)
        {
            return h.Send("g/com.ht.ab", Encoding.UTF8.GetBytes(payload), false);
        }

        [TestMethod]
        public void TooLarge_Refused()
        {
            EndpointHarness h = Busy();
            AssertRefused(h, EndpointHarness.Refused(null, "too-large", null), h.Send("g/com.ht.ab", new byte[12289], false));
        }

        [TestMethod]
        [DataRow("not json")]
        [DataRow("{\"body\":{\"v\":1}")]
        [DataRow("[]")]
        [DataRow("{\"body\":{},\"sig\":\"x\"} trailing")]
        [DataRow("{\"body\":{\"v\":1,\"id\":\"a\"")]
        public void Malformed_Refused(string payload)
        {
            EndpointHarness h = Busy();
            string result = Raw(h, payload);
            Assert.Contains("\"reason\":\"malformed\"", result);
            AssertRefused(h, result, result);
        }

        [TestMethod]
        public void EnvelopeShape_UnknownMissingDuplicate_Refused()
        {
            EndpointHarness h = Busy();
            AssertRefused(h, EndpointHarness.Refused(null, "unknown-field", "extra"), Raw(h, "{\"body\":{},\"sig\":\"00\",\"extra\":1}"));
            AssertRefused(h, EndpointHarness.Refused(null, "invalid-field", "sig"), Raw(h, "{\"body\":{}}"));
            AssertRefused(h, EndpointHarness.Refused(null, "duplicate-field", "sig"), Raw(h, "{\"sig\":\"a\",\"body\":{},\"sig\":\"b\"}"));
            AssertRefused(h, EndpointHarness.Refused(null, "invalid-field", "body"), Raw(h, "{\"body\":[],\"sig\":\"a\"}"));
        }

        [TestMethod]
        public void BodyShape_UnknownDuplicateMissingWrongType_Refused()
        {
            EndpointHarness h = Busy();
            byte[] key = EndpointHarness.CommuneKey;
            string head = "{\"v\":1,\"id\":\"c-9\",\"iss\":\"com.ht.ab\",\"to\":\"g/com.ht.ab\",\"iat\":1,\"exp\":2,\"ctr\":5,\"cmd\":\"status\",\"args\":{}";
            AssertRefused(h, EndpointHarness.Refused("c-9", "unknown-field", "extra"), h.Send("g/com.ht.ab", CommandBuilder.Wrap(head + ",\"extra\":true}", key), false));
            AssertRefused(h, EndpointHarness.Refused("c-9", "duplicate-field", "cmd"), h.Send("g/com.ht.ab", CommandBuilder.Wrap(head + ",\"cmd\":\"stop\"}", key), false));
            AssertRefused(h, EndpointHarness.Refused(null, "invalid-field", "v"), h.Send("g/com.ht.ab", CommandBuilder.Wrap("{\"v\":\"1\"}", key), false));
            AssertRefused(h, EndpointHarness.Refused("x", "invalid-field", "iss"), h.Send("g/com.ht.ab", CommandBuilder.Wrap("{\"v\":1,\"id\":\"x\"}", key), false));
            AssertRefused(h, EndpointHarness.Refused(null, "invalid-field", "id"), h.Send("g/com.ht.ab", CommandBuilder.Wrap("{\"id\":\"bad id\"}", key), false));
            string noLifetime = "{\"v\":1,\"id\":\"c-9\",\"iss\":\"com.ht.ab\",\"to\":\"g/com.ht.ab\",\"iat\":5,\"exp\":5,\"ctr\":5,\"cmd\":\"status\",\"args\":{}}";
            AssertRefused(h, EndpointHarness.Refused("c-9", "invalid-field", "exp"), h.Send("g/com.ht.ab", CommandBuilder.Wrap(noLifetime, key), false));
        }

        [TestMethod]
        public void UnsupportedVersion_Refused()
        {
            EndpointHarness h = Busy();
            CommandBuilder b = h.Commune("play", Play);
            b.Version = 2;
            AssertRefused(h, EndpointHarness.Refused(b.Id, "unsupported-version", "v"), h.Send(b));
        }

        [TestMethod]
        public void UnknownIssuer_Refused()
        {
            EndpointHarness h = Busy();
            CommandBuilder b = h.Builder("com.zz.qq", EndpointHarness.CommuneKey, "g/com.ht.ab", "play", Play);
            AssertRefused(h, EndpointHarness.Refused(b.Id, "unknown-issuer", "iss"), h.Send(b));
        }

        [TestMethod]
        public void BadSignature_WrongKeyOrTamperedBody_Refused()
        {
            EndpointHarness h = Busy();
            CommandBuilder forged = h.Builder("com.ht.ab", EndpointHarness.OtherCommuneKey, "g/com.ht.ab", "play", Play);
            AssertRefused(h, EndpointHarness.Refused(forged.Id, "bad-signature", "sig"), h.Send(forged));

            CommandBuilder b = h.Commune("play", Play);
            string payload = Encoding.UTF8.GetString(b.Build(), 0, b.Build().Length);
            StringBuilder tampered = new StringBuilder(payload);
            tampered.Replace("\"duration\":60", "\"duration\":61");
            AssertRefused(h, EndpointHarness.Refused(b.Id, "bad-signature", "sig"), Raw(h, tampered.ToString()));

            StringBuilder spaced = new StringBuilder(payload);
            spaced.Replace("\"v\":1,", "\"v\": 1,");
            AssertRefused(h, EndpointHarness.Refused(b.Id, "bad-signature", "sig"), Raw(h, spaced.ToString()));
        }

        [TestMethod]
        public void WrongTarget_BodyForOtherGroup_Refused()
        {
            EndpointHarness h = Busy();
            CommandBuilder b = h.Builder("com.ht.ab", EndpointHarness.CommuneKey, "g/com.ht.xy", "play", Play);
            AssertRefused(h, EndpointHarness.Refused(b.Id, "wrong-target", "to"), h.Send("g/com.ht.ab", b.Build(), false));
        }

        [TestMethod]
        public void NotAuthorized_OtherCommuneOrEmergencyWithoutRight_Refused()
        {
            EndpointHarness h = Busy();
            CommandBuilder other = h.Builder("com.ht.xy", EndpointHarness.OtherCommuneKey, "g/com.ht.ab", "play", Play);
            AssertRefused(h, EndpointHarness.Refused(other.Id, "not-authorized", "to"), h.Send(other));

            CommandBuilder emergency = h.Commune("emergency.start", "{\"duration\":60,\"lines\":[0],\"source\":0}");
            AssertRefused(h, EndpointHarness.Refused(emergency.Id, "not-authorized", "cmd"), h.Send(emergency));

            CommandBuilder emergencyPlay = h.Commune("play", "{\"class\":\"emergency\",\"duration\":60,\"lines\":[0],\"source\":0}");
            AssertRefused(h, EndpointHarness.Refused(emergencyPlay.Id, "not-authorized", "cmd"), h.Send(emergencyPlay));

            CommandBuilder national = h.Province("emergency.start", "{\"scope\":\"g/vn\",\"duration\":60,\"lines\":[0],\"source\":0}");
            AssertRefused(h, EndpointHarness.Refused(national.Id, "not-authorized", "args.scope"), h.Send(national));
        }

        [TestMethod]
        public void Replayed_SameCounterOrTooOld_Refused_EvenWithoutClock()
        {
            EndpointHarness h = Busy();
            CommandBuilder b = h.Commune("status", "{}");
            byte[] payload = b.Build();
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b.To, payload, false));
            AssertRefused(h, EndpointHarness.Refused(b.Id, "replayed", "ctr"), h.Send(b.To, payload, false));

            for (int i = 0; i < 32; i++)
            {
                h.Send(h.Commune("status", "{}"));
            }

            CommandBuilder old = h.Commune("status", "{}");
            old.Counter = b.Counter + 1;
            AssertRefused(h, EndpointHarness.Refused(old.Id, "replayed", "ctr"), h.Send(old));

            EndpointHarness noClock = new EndpointHarness(0, false);
            CommandBuilder c = noClock.Commune("status", "{}");
            byte[] p = c.Build();
            Assert.AreEqual(EndpointHarness.Accepted(c.Id), noClock.Send(c.To, p, false));
            Assert.AreEqual(EndpointHarness.Refused(c.Id, "replayed", "ctr"), noClock.Send(c.To, p, false));
        }

        [TestMethod]
        public void SlightlyOutOfOrderCounters_Accepted()
        {
            EndpointHarness h = Busy();
            CommandBuilder first = h.Commune("status", "{}");
            CommandBuilder second = h.Commune("status", "{}");
            Assert.AreEqual(EndpointHarness.Accepted(second.Id), h.Send(second));
            Assert.AreEqual(EndpointHarness.Accepted(first.Id), h.Send(first));
        }

        [TestMethod]
        public void ExpiredAndNotYetValid_Refused_OnlyWithValidClock()
        {
            EndpointHarness h = Busy();
            CommandBuilder expired = h.Commune("play", Play);
            expired.IssuedAt -= 7200;
            expired.Expires = expired.IssuedAt + 600;
            AssertRefused(h, EndpointHarness.Refused(expired.Id, "expired", "exp"), h.Send(expired));

            CommandBuilder future = h.Commune("play", Play);
            future.IssuedAt += 3600;
            future.Expires = future.IssuedAt + 600;
            AssertRefused(h, EndpointHarness.Refused(future.Id, "not-yet-valid", "iat"), h.Send(future));

            EndpointHarness noClock = new EndpointHarness(0, false);
            CommandBuilder stale = noClock.Commune("status", "{}");
            stale.IssuedAt = 1763850000;
            stale.Expires = stale.IssuedAt + 60;
            Assert.AreEqual(EndpointHarness.Accepted(stale.Id), noClock.Send(stale));
        }

        [TestMethod]
        public void Retained_NeverExecuted()
        {
            EndpointHarness h = Busy();
            CommandBuilder b = h.Commune("stop", "{}");
            AssertRefused(h, EndpointHarness.Refused(b.Id, "retained", null), h.Send(b.To, b.Build(), true));
        }

        [TestMethod]
        public void UnknownCommand_Refused()
        {
            EndpointHarness h = Busy();
            CommandBuilder b = h.Commune("reboot.now", "{}");
            AssertRefused(h, EndpointHarness.Refused(b.Id, "unknown-command", "cmd"), h.Send(b));
        }

        [TestMethod]
        public void Args_BadValues_NameTheField()
        {
            EndpointHarness h = Busy();
            Check(h, "play", "{\"class\":\"loud\",\"duration\":60,\"lines\":[0],\"source\":0}", "invalid-field", "args.class");
            Check(h, "play", "{\"class\":\"normal\",\"duration\":0,\"lines\":[0],\"source\":0}", "invalid-duration", "args.duration");
            Check(h, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[],\"source\":0}", "invalid-lines", "args.lines");
            Check(h, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[7],\"source\":0}", "invalid-lines", "args.lines");
            Check(h, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":5}", "invalid-source", "args.source");
            Check(h, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0]}", "invalid-field", "args.source");
            Check(h, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0,\"volume\":3}", "unknown-field", "args.volume");
            Check(h, "play", "{\"class\":\"normal\",\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}", "duplicate-field", "args.class");
            Check(h, "play", "{\"class\":\"normal\",\"duration\":99999999999,\"lines\":[0],\"source\":0}", "invalid-duration", "args.duration");
            Check(h, "schedule.add", "{\"item\":{\"id\":\"x\",\"kind\":\"once\",\"date\":\"2026-02-29\",\"time\":\"05:30\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}", "invalid-time", "args.item.date");
            Check(h, "schedule.add", "{\"item\":{\"id\":\"x\",\"kind\":\"once\",\"date\":\"2026-11-30\",\"time\":\"24:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}", "invalid-time", "args.item.time");
            Check(h, "schedule.add", "{\"item\":{\"id\":\"x\",\"kind\":\"weekly\",\"days\":[\"mon\",\"funday\"],\"time\":\"05:30\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}", "invalid-time", "args.item.days");
            Check(h, "schedule.add", "{\"item\":{\"id\":\"x\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"date\":\"2026-11-30\",\"time\":\"05:30\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}", "invalid-field", "args.item.date");
            Check(h, "schedule.add", "{\"item\":{\"id\":\"x\",\"kind\":\"weekly\",\"time\":\"05:30\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}", "invalid-field", "args.item.days");
            Check(h, "key.rotate", "{\"issuer\":\"com.ht.xy\",\"key\":\"abc\"}", "invalid-field", "args.key");
            Check(h, "config.set", "{\"telemetry_s\":1}", "invalid-field", "args.telemetry_s");
        }

        [TestMethod]
        public void ScheduleState_FullDuplicateUnknown_Refused()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
            string item = "{\"item\":{\"id\":\"i\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}";
            h.Send(h.Commune("schedule.add", item));
            CommandBuilder dup = h.Commune("schedule.add", item);
            Assert.AreEqual(EndpointHarness.Refused(dup.Id, "duplicate-id", "args.item.id"), h.Send(dup));
            CommandBuilder unknown = h.Commune("schedule.replace", "{\"item\":{\"id\":\"j\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}");
            Assert.AreEqual(EndpointHarness.Refused(unknown.Id, "unknown-id", "args.item.id"), h.Send(unknown));
        }

        [TestMethod]
        public void HigherLevelItem_CommuneCannotRemoveOrSyncAway()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
            h.Send(h.Province("schedule.add", "{\"item\":{\"id\":\"prov-news\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}"));
            CommandBuilder remove = h.Commune("schedule.remove", "{\"item_id\":\"prov-news\"}");
            Assert.AreEqual(EndpointHarness.Refused(remove.Id, "not-authorized", "args"), h.Send(remove));
            CommandBuilder sync = h.Commune("schedule.sync", "{\"version\":3,\"items\":[]}");
            Assert.AreEqual(EndpointHarness.Refused(sync.Id, "not-authorized", "args.items"), h.Send(sync));
            Assert.AreEqual(1, h.Station.Core.Schedule.Count);
        }

        private static void Check(EndpointHarness h, string cmd, string args, string reason, string field)
        {
            CommandBuilder b = h.Commune(cmd, args);
            AssertRefused(h, EndpointHarness.Refused(b.Id, reason, field), h.Send(b));
        }
    }
}
