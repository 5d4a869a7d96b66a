using System.Text;
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
    /// <summary>The runtime's connection, outbox and watchdog, with a fake transport and a fake clock.</summary>
    [TestClass]
    public class StationRuntimeConnectionTests
    {
        private const uint Seed = 4242;

        private static EndpointHarness _h;
        private static FakeTransport _transport;
        private static KickCounter _watchdog;
        private static StationRuntime _runtime;

        [TestMethod]
        public void ConnectOptions_EveryAttempt_PersistentSessionStationIdRetainedOfflineWill()
        {
            Start();
            Pass();

            ConnectOptions o = _transport.Options;
            Assert.AreSame(_runtime.ConnectOptions, o);
            Assert.IsFalse(o.CleanSession);
            Assert.AreEqual("ht-ab-001", o.ClientId);
            Assert.AreEqual(60, o.KeepAliveSeconds);
            Assert.AreEqual(_h.Endpoint.Topics.State, o.WillTopic);
            Assert.IsTrue(o.WillRetain);
            Assert.AreEqual(1, o.WillQos);
            Assert.Contains("\"online\":false", Text(o.WillPayload));
        }

        [TestMethod]
        public void Pass_FirstConnect_OnlineStateThenRetainedConfigReportThenSubscriptions()
        {
            Start();
            Assert.IsFalse(_h.Endpoint.Connected, "disconnected until the first connect");
            Pass();
            Assert.AreEqual(ConnectionChange.Connected, Pass());

            Assert.IsTrue(_h.Endpoint.Connected);
            Assert.AreEqual(2, _transport.Published.Count);
            OutgoingMessage state = _transport.At(0);
            Assert.AreEqual(_h.Endpoint.Topics.State, state.Topic);
            Assert.IsTrue(state.Retain);
            Assert.Contains("\"online\":true", Text(state.Payload));
            OutgoingMessage report = _transport.At(1);
            Assert.AreEqual("cr/v1/st/ht-ab-001/config", report.Topic);
            Assert.IsTrue(report.Retain);
            Assert.AreEqual(1, report.Qos);
            Assert.Contains("\"valid\":true", Text(report.Payload));
            Assert.AreEqual(1, _transport.Subscriptions.Count);
            Assert.AreSame(_h.Endpoint.Topics.Subscriptions, _transport.Subscriptions[0]);
            Assert.AreEqual(0L, _h.Endpoint.Core.Counters.Reconnects, "the first connect after boot is no reconnect");
        }

        [TestMethod]
        public void Pass_ConnectionLostThenBack_DisconnectedMeanwhileStateAndReportAgainReconnectCounted()
        {
            Start();
            Pass();
            Pass();
            _transport.Drop();
            Assert.AreEqual(ConnectionChange.Lost, Pass());
            Assert.IsFalse(_h.Endpoint.Connected);
            Assert.IsFalse(_runtime.IsConnected);

            RunUntilAttempts(2, 10);
            Assert.AreEqual(ConnectionChange.Connected, Pass());

            Assert.IsTrue(_h.Endpoint.Connected);
            Assert.AreEqual(1L, _h.Endpoint.Core.Counters.Reconnects);
            Assert.AreEqual(2, _transport.CountOn("cr/v1/st/ht-ab-001/config"));
            Assert.AreEqual(2, _transport.CountOn(_h.Endpoint.Topics.State));
            Assert.AreEqual(2, _transport.Subscriptions.Count);
            Assert.AreEqual(2, _runtime.Connections);
        }

        [TestMethod]
        public void Pass_AttemptsKeepFailing_AttemptTimesFollowReconnectPolicy()
        {
            Start();
            _transport.FailConnects = true;
            ReconnectPolicy mirror = new ReconnectPolicy(1000, 300000, Seed);
            long step = 10;
            long end = _h.Station.Mono + 20L * 60000L;
            long expected = _h.Station.Mono;
            int checkedAttempts = 0;
            while (_h.Station.Mono < end)
            {
                int before = _transport.AttemptTimes.Count;
                ConnectionChange change = Pass();
                if (change == ConnectionChange.AttemptFailed)
                {
                    mirror.Failed(_h.Station.Mono);
                    expected = mirror.NextAttemptMs;
                }

                if (_transport.AttemptTimes.Count > before)
                {
                    long at = (long)_transport.AttemptTimes[before];
                    Assert.IsTrue(at >= expected && at < expected + step, "attempt " + before + " at " + at + ", policy says " + expected);
                    checkedAttempts++;
                }

                _h.Station.Mono += step;
                _h.Station.Utc += step;
            }

            // Independent of the mirror: each gap at least the 1 s minimum and at most the cap of its failure count.
            for (int i = 1; i < _transport.AttemptTimes.Count; i++)
            {
                long gap = (long)_transport.AttemptTimes[i] - (long)_transport.AttemptTimes[i - 1];
                long cap = 1000L << (i > 20 ? 20 : i);
                cap = (cap > 300000 ? 300000 : cap) + 2 * step;
                Assert.IsTrue(gap >= 1000 && gap <= cap, "gap " + i + ": " + gap + " ms, cap " + cap);
            }

            Assert.AreEqual(_transport.AttemptTimes.Count, checkedAttempts);
            Assert.IsTrue(checkedAttempts >= 8 && checkedAttempts <= 20, checkedAttempts + " attempts in 20 min");
            Assert.AreEqual(_transport.AttemptTimes.Count, _runtime.Attempts);
        }

        [TestMethod]
        public void AfterCoreCall_FullOutbox_AtMostEightPerCallInOrder()
        {
            Start();
            Pass();
            Pass();
            int before = _transport.Published.Count;
            for (int i = 0; i < 20; i++)
            {
                _h.Endpoint.Outbox.Enqueue(new OutgoingMessage("cr/v1/st/ht-ab-001/event", new byte[] { (byte)i }, 1, false));
            }

            _runtime.AfterCoreCall(_h.Station.Now);
            Assert.AreEqual(before + 8, _transport.Published.Count);
            Assert.AreEqual(12, _h.Endpoint.Outbox.Count);
            _runtime.AfterCoreCall(_h.Station.Now);
            _runtime.AfterCoreCall(_h.Station.Now);
            Assert.AreEqual(0, _h.Endpoint.Outbox.Count);
            for (int i = 0; i < 20; i++)
            {
                Assert.AreEqual((byte)i, _transport.At(before + i).Payload[0]);
            }
        }

        [TestMethod]
        public void AfterCoreCall_TransportRefusesOrDisconnected_MessagesStayQueued()
        {
            Start();
            _h.Endpoint.Outbox.Enqueue(new OutgoingMessage("cr/v1/st/ht-ab-001/event", new byte[1], 1, false));
            _runtime.AfterCoreCall(_h.Station.Now);
            Assert.AreEqual(1, _h.Endpoint.Outbox.Count, "nothing leaves before a connect");

            // Connected, but the online state could not go out yet: the outbox waits behind it.
            _transport.RefusePublish = true;
            Pass();
            Pass();
            Assert.AreEqual(1, _h.Endpoint.Outbox.Count);
            _transport.RefusePublish = false;
            Pass();
            Assert.AreEqual(0, _h.Endpoint.Outbox.Count);
            Assert.AreEqual(_h.Endpoint.Topics.State, _transport.At(0).Topic);
            Assert.AreEqual("cr/v1/st/ht-ab-001/event", _transport.At(2).Topic);
        }

        [TestMethod]
        public void Pass_EveryPass_KicksWatchdogWithMonotonicTime()
        {
            Start();
            for (int i = 0; i < 5; i++)
            {
                Pass();
                _h.Station.Mono += 250;
            }

            Assert.AreEqual(5, _watchdog.Kicks);
            Assert.AreEqual(_h.Station.Mono - 250, _watchdog.LastMs);

            // A station without network still kicks, and never attempts.
            KickCounter alone = new KickCounter();
            StationRuntime offline = new StationRuntime(_h.Endpoint, new NullDriver(), null, alone, Settings());
            Assert.AreEqual(ConnectionChange.None, offline.Pass(_h.Station.Now));
            Assert.AreEqual(1, alone.Kicks);
            Assert.AreEqual(0, offline.Attempts);
        }

        private static void Start()
        {
            _h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9L * 3600000L, true);
            _transport = new FakeTransport();
            _watchdog = new KickCounter();
            _runtime = new StationRuntime(_h.Endpoint, new NullDriver(), _transport, _watchdog, Settings());
        }

        private static RuntimeSettings Settings()
        {
            RuntimeSettings s = new RuntimeSettings(ConfigReport.Payload("ht-ab-001", "devkit-4relay", null));
            s.Seed = Seed;
            return s;
        }

        private static ConnectionChange Pass()
        {
            _transport.NowMs = _h.Station.Mono;
            return _runtime.Pass(_h.Station.Now);
        }

        private static void RunUntilAttempts(int attempts, long stepMs)
        {
            while (_transport.AttemptTimes.Count < attempts)
            {
                _h.Station.Mono += stepMs;
                _h.Station.Utc += stepMs;
                Pass();
            }
        }

        private static string Text(byte[] bytes)
        {
            return Encoding.UTF8.GetString(bytes, 0, bytes.Length);
        }

        private sealed class KickCounter : IWatchdog
        {
            public int Kicks;
            public long LastMs;

            public void Kick(long monotonicMs)
            {
                Kicks++;
                LastMs = monotonicMs;
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
