using CommuneRadio.Core.Config;
using CommuneRadio.Core.Connectivity;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Runtime
{
    /// <summary>
    /// The runtime's connection rules against a transport scripted step by step: one attempt at a time, one subscribe
    /// per connect, a close noticed even while the socket still looks open, nothing sent while disconnected, and the
    /// reconnect seed taken from the station id.
    /// </summary>
    [TestClass]
    public class StationRuntimeLinkTests
    {
        // FNV-1a (32-bit) of "ht-ab-001"; the same function gives 0xe40c292c for "a", the published test vector.
        private const uint StationIdFnv1a = 35408853;

        [TestMethod]
        public void Pass_ConnectPending_NoSecondAttemptUntilItsOutcome()
        {
            EndpointHarness h = Harness();
            ScriptedTransport t = new ScriptedTransport();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new NullDriver(), t, null, Settings(4242));
            for (int i = 0; i < 4; i++)
            {
                runtime.Pass(h.Station.Now);
                h.Station.Mono += 10000;
            }

            Assert.AreEqual(1, t.Connects, "the attempt has no outcome yet");
            Assert.AreEqual(1, runtime.Attempts);
            t.Outcome = ConnectOutcome.Failed;
            Assert.AreEqual(ConnectionChange.AttemptFailed, runtime.Pass(h.Station.Now));
            Assert.IsFalse(runtime.IsConnected);
            h.Station.Mono = runtime.Policy.NextAttemptMs;
            runtime.Pass(h.Station.Now);
            Assert.AreEqual(2, t.Connects);
        }

        [TestMethod]
        public void Pass_Connected_SubscribesOncePerConnect()
        {
            EndpointHarness h = Harness();
            ScriptedTransport t = new ScriptedTransport();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new NullDriver(), t, null, Settings(4242));
            runtime.Pass(h.Station.Now);
            t.Connected();
            Assert.AreEqual(ConnectionChange.Connected, runtime.Pass(h.Station.Now));
            Assert.IsTrue(runtime.IsConnected);
            for (int i = 0; i < 5; i++)
            {
                h.Station.Mono += 250;
                runtime.Pass(h.Station.Now);
            }

            Assert.AreEqual(1, t.Subscribes);
            Assert.AreEqual(1, runtime.Connections);
        }

        [TestMethod]
        public void Pass_CloseNoticedWhileSocketStillLooksOpen_Lost()
        {
            EndpointHarness h = Harness();
            ScriptedTransport t = new ScriptedTransport();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new NullDriver(), t, null, Settings(4242));
            runtime.Pass(h.Station.Now);
            t.Connected();
            runtime.Pass(h.Station.Now);
            t.Closed = true;
            Assert.AreEqual(ConnectionChange.Lost, runtime.Pass(h.Station.Now));
            Assert.IsFalse(runtime.IsConnected);
            Assert.IsFalse(h.Endpoint.Connected);
        }

        [TestMethod]
        public void AfterCoreCall_NeverConnected_NothingPublishedEvenToAWillingTransport()
        {
            EndpointHarness h = Harness();
            ScriptedTransport t = new ScriptedTransport();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new NullDriver(), t, null, Settings(4242));
            h.Endpoint.Outbox.Enqueue(new OutgoingMessage("cr/v1/st/ht-ab-001/event", new byte[1], 1, false));
            runtime.AfterCoreCall(h.Station.Now);
            Assert.AreEqual(0, t.Publishes);
            Assert.AreEqual(0L, runtime.Published);
            Assert.AreEqual(1, h.Endpoint.Outbox.Count);
        }

        [TestMethod]
        public void AfterCoreCall_Connected_EachMessageSentOnceAndCounted()
        {
            EndpointHarness h = Harness();
            ScriptedTransport t = new ScriptedTransport();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new NullDriver(), t, null, Settings(4242));
            runtime.Pass(h.Station.Now);
            t.Connected();
            runtime.Pass(h.Station.Now);
            int before = t.Publishes;
            for (int i = 0; i < 3; i++)
            {
                h.Endpoint.Outbox.Enqueue(new OutgoingMessage("cr/v1/st/ht-ab-001/event", new byte[] { (byte)i }, 1, false));
            }

            runtime.AfterCoreCall(h.Station.Now);
            Assert.AreEqual(before + 3, t.Publishes);
            Assert.AreEqual(3L, runtime.Published);
            Assert.AreEqual(0, h.Endpoint.Outbox.Count);
        }

        [TestMethod]
        public void Policy_NoSeedConfigured_SeededFromTheStationId()
        {
            EndpointHarness h = Harness();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new NullDriver(), new ScriptedTransport(), null, Settings(0));
            ReconnectPolicy expected = new ReconnectPolicy(runtime.Policy.MinDelayMs, runtime.Policy.MaxDelayMs, StationIdFnv1a);
            ReconnectPolicy seeded = new ReconnectPolicy(runtime.Policy.MinDelayMs, runtime.Policy.MaxDelayMs, 4242);
            bool differs = false;
            for (int i = 0; i < 6; i++)
            {
                runtime.Policy.Failed(0);
                expected.Failed(0);
                seeded.Failed(0);
                Assert.AreEqual(expected.NextAttemptMs, runtime.Policy.NextAttemptMs, "failure " + (i + 1));
                differs |= seeded.NextAttemptMs != expected.NextAttemptMs;
            }

            Assert.IsTrue(differs, "the seeds give different delays");
        }

        [TestMethod]
        public void Policy_SeedConfigured_UsedAsIs()
        {
            EndpointHarness h = Harness();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new NullDriver(), new ScriptedTransport(), null, Settings(4242));
            ReconnectPolicy expected = new ReconnectPolicy(runtime.Policy.MinDelayMs, runtime.Policy.MaxDelayMs, 4242);
            for (int i = 0; i < 6; i++)
            {
                runtime.Policy.Failed(0);
                expected.Failed(0);
                Assert.AreEqual(expected.NextAttemptMs, runtime.Policy.NextAttemptMs, "failure " + (i + 1));
            }
        }

        private static EndpointHarness Harness()
        {
            return new EndpointHarness(StationHarness.MondayMidnightUtc + 9L * 3600000L, true);
        }

        private static RuntimeSettings Settings(uint seed)
        {
            RuntimeSettings s = new RuntimeSettings(ConfigReport.Payload("ht-ab-001", "devkit-4relay", null));
            s.Seed = seed;
            return s;
        }

        // Accepts every publish and subscribe (even while "disconnected": the runtime must not try), reports a connect's
        // outcome only when the test sets it, and can report a close while still looking connected.
        private sealed class ScriptedTransport : ITransport
        {
            public ConnectOutcome Outcome;
            public bool Closed;
            public int Connects;
            public int Subscribes;
            public int Publishes;

            public bool IsConnected { get; private set; }

            public void Connected()
            {
                Outcome = ConnectOutcome.Connected;
                IsConnected = true;
            }

            public bool Connect(ConnectOptions options)
            {
                Connects++;
                return true;
            }

            public ConnectOutcome TakeOutcome()
            {
                ConnectOutcome o = Outcome;
                Outcome = ConnectOutcome.None;
                return o;
            }

            public bool TakeClosed()
            {
                bool c = Closed;
                Closed = false;
                return c;
            }

            public bool Subscribe(string[] topics)
            {
                Subscribes++;
                return true;
            }

            public bool Publish(OutgoingMessage message)
            {
                Publishes++;
                return true;
            }
        }

        private sealed class NullDriver : IRelayDriver
        {
            public bool Apply(RelayWriteBuffer writes, Instant now, out RelayWrite failed)
            {
                failed = default(RelayWrite);
                return true;
            }
        }
    }
}
