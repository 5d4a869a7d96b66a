using CommuneRadio.Core.Config;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Config
{
    /// <summary>
    /// What the boot sequence does with an invalid file: the safe station boots, ticks, refuses every command,
    /// raises config-error, drives no relay, and its report names every error.
    /// </summary>
    [TestClass]
    public class ConfigSafeStateTests
    {
        private static StationEndpoint Boot(StationConfig c)
        {
            StationEndpoint endpoint = StationBoot.Start(c.Station, c.Protocol, c.Keys, new MemoryStorage(), new Instant(0, 0), new BootReport());
            endpoint.Core.MarkFault(FaultFlags.ConfigError, !c.Valid);
            return endpoint;
        }

        [TestMethod]
        public void Boot_InvalidConfig_NoRelayWritesAndConfigError()
        {
            StationConfig c = ConfigParserTests.Parse(ConfigFiles.Variant(ConfigFiles.Devkit4Relay, "{ \"pin\": 22,", "{ \"pin\": 12,"));
            Assert.IsTrue(c.NetworkUsable);
            StationEndpoint endpoint = Boot(c);
            Assert.AreEqual(0, endpoint.Core.Effects.Writes.Count, "nothing to drive");
            for (long t = 250; t <= 120000; t += 250)
            {
                endpoint.Tick(new Instant(t, 1763850000000L + t));
                Assert.AreEqual(0, endpoint.Core.Effects.Writes.Count);
            }

            HealthSnapshot h = endpoint.Core.Snapshot(new Instant(120000, 1763850120000L));
            Assert.IsTrue((h.Faults & FaultFlags.ConfigError) != 0);
            Assert.AreEqual("cr/v1/st/ht-ab-001/cmd", endpoint.Topics.Subscriptions[0]);
        }

        [TestMethod]
        public void Boot_InvalidConfig_EveryCommandRefused()
        {
            StationConfig c = ConfigParserTests.Parse(ConfigFiles.Variant(ConfigFiles.Devkit4Relay, "\"warm_up_ms\": 1500", "\"warm_up_ms\": 9000"));
            StationEndpoint endpoint = Boot(c);
            while (endpoint.Outbox.Dequeue() != null)
            {
            }

            string cmd = "{\"body\":{\"v\":1,\"id\":\"c1\",\"iss\":\"vn\",\"to\":\"st/ht-ab-001\",\"iat\":1763850000,\"exp\":1763850600,"
                + "\"ctr\":1,\"cmd\":\"emergency.start\",\"args\":{\"duration\":60,\"lines\":[0],\"source\":0}},\"sig\":\"" + new string('0', 64) + "\"}";
            endpoint.HandleMessage("cr/v1/st/ht-ab-001/cmd", ConfigFiles.Bytes(cmd), false, new Instant(1000, 1763850001000L));
            OutgoingMessage result = endpoint.Outbox.Dequeue();
            Assert.IsNotNull(result);
            Assert.AreEqual("cr/v1/st/ht-ab-001/result", result.Topic);
            Assert.Contains("refused", System.Text.Encoding.UTF8.GetString(result.Payload, 0, result.Payload.Length));
            Assert.AreEqual(0, endpoint.Core.Effects.Writes.Count);
        }

        [TestMethod]
        public void Boot_ValidConfig_AllRelaysDrivenOffWithPolarity()
        {
            StationConfig c = ConfigParserTests.Parse(ConfigFiles.Board8Relay);
            StationEndpoint endpoint = Boot(c);
            Assert.AreEqual(8, endpoint.Core.Effects.Writes.Count);
            for (int i = 0; i < endpoint.Core.Effects.Writes.Count; i++)
            {
                Assert.IsFalse(endpoint.Core.Effects.Writes.At(i).On);
                Assert.IsTrue(endpoint.Core.Effects.Writes.At(i).Level, "active-low off level is high");
            }
        }

        [TestMethod]
        public void Report_InvalidConfig_ListsErrors()
        {
            StationConfig c = ConfigParserTests.Parse(ConfigFiles.Variant(ConfigFiles.Board8Relay, "{ \"pin\": 18,", "{ \"pin\": 25,"));
            string json = System.Text.Encoding.UTF8.GetString(ConfigReport.Payload(c), 0, ConfigReport.Payload(c).Length);
            Assert.AreEqual("{\"station\":\"ht-ab-002\",\"board\":\"board-8relay\",\"valid\":false,"
                + "\"errors\":[{\"field\":\"relays.sources[1].pin\",\"reason\":\"pin-conflict\"}],\"dropped\":0}", json);
            Assert.AreEqual("cr/v1/st/ht-ab-002/config", ConfigReport.Topic(c.Protocol.Prefix, c.Protocol.Station));
        }

        [TestMethod]
        public void Report_ValidConfig_NoErrors()
        {
            StationConfig c = ConfigParserTests.Parse(ConfigFiles.Devkit4Relay);
            byte[] b = ConfigReport.Payload(c);
            Assert.AreEqual("{\"station\":\"ht-ab-001\",\"board\":\"devkit-4relay\",\"valid\":true,\"errors\":[],\"dropped\":0}", System.Text.Encoding.UTF8.GetString(b, 0, b.Length));
        }
    }
}
