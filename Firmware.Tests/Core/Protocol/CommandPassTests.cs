using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>The one pass every command goes through: one result, counted once, effects of that command only.</summary>
    [TestClass]
    public class CommandPassTests
    {
        private const string Item = "{\"item\":{\"id\":\"noon\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"12:00\",\"duration\":600,\"class\":\"normal\",\"lines\":[0],\"source\":0}}";

        private static EndpointHarness At9()
        {
            return new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
        }

        [TestMethod]
        public void EveryResult_CountedOnceWhereverItWasDecided()
        {
            EndpointHarness h = At9();
            long accepted = h.Station.Core.Counters.Accepted;
            long refused = h.Station.Core.Counters.Refused;

            // Accepted: by the Core (add, play), without the Core (status, config.set).
            h.Send(h.Commune("schedule.add", Item));
            h.Send(h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}"));
            h.Send(h.Commune("status", "{}"));
            h.Send(h.Commune("config.set", "{\"telemetry_s\":30}"));
            // Refused: by the envelope (retained), the arguments, the authorisation, the Core's check (duplicate id), the
            // Core's handler (stop of an unknown programme).
            CommandBuilder retained = h.Commune("status", "{}");
            h.Send(retained.To, retained.Build(), true);
            h.Send(h.Commune("play", "{\"class\":\"normal\",\"duration\":0,\"lines\":[0],\"source\":0}"));
            h.Send(h.Commune("time", "{\"utc_ms\":5}"));
            string duplicate = h.Send(h.Commune("schedule.add", Item));
            string unknown = h.Send(h.Commune("stop", "{\"programme\":\"nothing\"}"));

            Assert.Contains("\"reason\":\"duplicate-id\"", duplicate);
            Assert.Contains("\"reason\":\"unknown-id\"", unknown);
            Assert.AreEqual(accepted + 4, h.Station.Core.Counters.Accepted);
            Assert.AreEqual(refused + 5, h.Station.Core.Counters.Refused);
        }

        [TestMethod]
        public void RefusedAfterAnAcceptedPlay_NoRelayWritesOfTheEarlierCommand()
        {
            EndpointHarness h = At9();
            h.Station.Mono += 2000; // past the minimum switching interval after the boot's all-off writes
            h.Station.Utc += 2000;
            h.Send(h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}"));
            Assert.IsTrue(h.Station.Core.Effects.Writes.Count > 0, "the accepted play powers its amplifier in its own call");
            h.Send(h.Commune("stop", "{\"programme\":\"nothing\"}"));
            Assert.AreEqual(0, h.Station.Core.Effects.Writes.Count);
        }

        [TestMethod]
        public void CoreApply_UncheckedChange_IsCheckedFirst()
        {
            StationHarness s = StationHarness.Create(StationHarness.MondayMidnightUtc + 9 * 3600000L);
            s.Boot(true);
            ScheduleChange change = new ScheduleChange();
            change.Remove("nothing");
            Assert.IsFalse(change.Checked);
            Assert.IsFalse(s.Core.Apply(change, s.Now).Accepted);
            Assert.AreEqual(1L, s.Core.Counters.Refused);
        }

        [TestMethod]
        public void ScheduleChange_SettingAnother_ForgetsTheCheck()
        {
            StationHarness s = StationHarness.Create(StationHarness.MondayMidnightUtc + 9 * 3600000L);
            s.Boot(true);
            ScheduleItem item = StationHarness.Daily("noon", 12, 0, 10);
            ScheduleChange change = new ScheduleChange();
            change.Add(item);
            Assert.IsTrue(s.Core.Check(change).Accepted);
            Assert.IsTrue(change.Checked);
            change.Replace(item);
            Assert.IsFalse(change.Checked);
            Assert.AreEqual(0, s.Core.Schedule.Count, "a check changes nothing");
        }
    }
}
