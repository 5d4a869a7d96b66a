using System.Text;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    /// <summary>
    /// Flash wear: a record is rewritten only when what it holds changed. After a command has been persisted, a second,
    /// unrelated message — another station's topic, a payload refused before authentication, a status request, quiet
    /// ticks — writes nothing it does not change; every other authentic command writes the keyring (its counter) once,
    /// plus the record it changes (writes counted per record by <see cref="MemoryStorage"/>).
    /// </summary>
    [TestClass]
    public class StorageWriteTests
    {
        private const string Evening = "{\"item\":{\"id\":\"evening\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"17:00\",\"duration\":600,\"class\":\"normal\",\"lines\":[0],\"source\":0}}";
        private static readonly string[] Records = { "schedule", "keys", "events", "config", "system" };

        // A persistent station at Monday 05:00 that has accepted and persisted one schedule.add.
        private static EndpointHarness AfterOneCommand(MemoryStorage flash)
        {
            EndpointHarness h = EndpointHarness.Persistent(flash, StationHarness.MondayMidnightUtc + 5 * 3600000L, true);
            CommandBuilder add = h.Commune("schedule.add", Evening);
            Assert.AreEqual(EndpointHarness.Accepted(add.Id), h.Send(add));
            h.Station.Run(1000);
            Assert.IsTrue(flash.RecordWrites("schedule") > 0, "the command was persisted");
            Assert.IsTrue(flash.RecordWrites("keys") > 0, "its counter was persisted");
            return h;
        }

        private static int[] Counts(MemoryStorage flash)
        {
            int[] n = new int[Records.Length];
            for (int i = 0; i < n.Length; i++)
            {
                n[i] = flash.RecordWrites(Records[i]);
            }

            return n;
        }

        // Asserts each record was written exactly the expected number of times more than in before.
        private static void AssertWrites(MemoryStorage flash, int[] before, int schedule, int keys, int events, int config, string what)
        {
            int[] now = Counts(flash);
            int[] more = { schedule, keys, events, config, 0 };
            for (int i = 0; i < now.Length; i++)
            {
                Assert.AreEqual(before[i] + more[i], now[i], what + ": writes of " + Records[i]);
            }
        }

        [TestMethod]
        public void MessageOnAnotherTopic_WritesNothing()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            int attempts = flash.WriteAttempts;
            int total = flash.TotalWrites();
            h.Endpoint.HandleMessage("cr/v1/st/other-station/cmd", Encoding.UTF8.GetBytes("{}"), false, h.Station.Now);
            h.Endpoint.HandleMessage("cr/v1/st/ht-ab-001/result", Encoding.UTF8.GetBytes("{}"), false, h.Station.Now);
            h.Station.Run(1000);
            Assert.AreEqual(total, flash.TotalWrites());
            Assert.AreEqual(attempts, flash.WriteAttempts, "not even an attempt");
        }

        [TestMethod]
        [DataRow("{not json")]
        [DataRow("{\"body\":{},\"sig\":\"00\"}")]
        public void PayloadRefusedBeforeAuthentication_WritesNothing(string payload)
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            int attempts = flash.WriteAttempts;
            string result = h.Send("g/com.ht.ab", Encoding.UTF8.GetBytes(payload), false);
            Assert.IsTrue(result.IndexOf("\"refused\"") > 0, result);
            h.Station.Run(1000);
            Assert.AreEqual(attempts, flash.WriteAttempts, "not even an attempt");
        }

        [TestMethod]
        public void BadSignature_WritesNothing()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            int attempts = flash.WriteAttempts;
            CommandBuilder forged = h.Commune("status", "{}");
            forged.Key = EndpointHarness.OtherCommuneKey;
            Assert.AreEqual(EndpointHarness.Refused(forged.Id, "bad-signature", "sig"), h.Send(forged));
            h.Station.Run(1000);
            Assert.AreEqual(attempts, flash.WriteAttempts);
        }

        [TestMethod]
        public void StatusAfterScheduleAdd_WritesNothing_ItsCounterRidesWithTheNextWrite()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            int[] before = Counts(flash);
            CommandBuilder status = h.Commune("status", "{}");
            byte[] statusPayload = status.Build();
            Assert.AreEqual(EndpointHarness.Accepted(status.Id), h.Send(status.To, statusPayload, false));
            h.Station.Run(1000);
            AssertWrites(flash, before, 0, 0, 0, 0, "status");

            CommandBuilder play = h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}");
            Assert.AreEqual(EndpointHarness.Accepted(play.Id), h.Send(play));
            AssertWrites(flash, before, 0, 1, 0, 0, "play");

            EndpointHarness rebooted = EndpointHarness.Persistent(flash, h.Station.Utc + 2000, true);
            Assert.AreEqual(EndpointHarness.Refused(status.Id, "replayed", "ctr"), rebooted.Send(status.To, statusPayload, false), "written with the play's counter");
        }

        [TestMethod]
        public void QuietTicks_WriteNothing()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            int attempts = flash.WriteAttempts;
            h.Station.Run(10 * 60000); // 05:00 … 05:10, the item plays at 17:00; health is published meanwhile
            Assert.AreEqual(attempts, flash.WriteAttempts);
        }

        [TestMethod]
        public void ConfigSetAfterScheduleAdd_WritesConfigAndCounterNotSchedule()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            int[] before = Counts(flash);
            CommandBuilder set = h.Commune("config.set", "{\"telemetry_s\":30}");
            Assert.AreEqual(EndpointHarness.Accepted(set.Id), h.Send(set));
            h.Station.Run(1000);
            AssertWrites(flash, before, 0, 1, 0, 1, "config.set");
        }

        [TestMethod]
        public void RefusedScheduleCommand_WritesOnlyItsCounter()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            int[] before = Counts(flash);
            CommandBuilder dup = h.Commune("schedule.add", Evening);
            Assert.AreEqual(EndpointHarness.Refused(dup.Id, "duplicate-id", "args.item.id"), h.Send(dup));
            h.Station.Run(1000);
            AssertWrites(flash, before, 0, 1, 0, 0, "refused schedule.add");
        }

        [TestMethod]
        public void TwoStatusRequests_WriteNothing()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = AfterOneCommand(flash);
            for (int i = 0; i < 2; i++)
            {
                int[] before = Counts(flash);
                h.Send(h.Commune("status", "{}"));
                h.Station.Run(1000);
                AssertWrites(flash, before, 0, 0, 0, 0, "status " + i);
            }
        }
    }
}
