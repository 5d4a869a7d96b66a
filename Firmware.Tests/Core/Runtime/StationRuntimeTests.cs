using CommuneRadio.Core.Health;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Runtime
{
    [TestClass]
    public class StationRuntimeTests
    {
        private static EndpointHarness At9()
        {
            return new EndpointHarness(StationHarness.MondayMidnightUtc + 9L * 3600000L, true);
        }

        [TestMethod]
        public void AfterCoreCall_LineRefusesWrite_RaisesRelayFaultAndOtherLinesConnect()
        {
            EndpointHarness h = At9();
            RefusingDriver driver = new RefusingDriver(RelayRole.Line, 2);
            StationRuntime runtime = new StationRuntime(h.Endpoint, driver);
            h.Send(h.Province("emergency.start", "{\"duration\":600,\"lines\":[0,1,2,3],\"source\":1}"));
            runtime.AfterCoreCall(h.Station.Now);
            for (int i = 0; i < 20; i++)
            {
                h.Station.Mono += 250;
                h.Station.Utc += 250;
                h.Endpoint.Tick(h.Station.Now);
                runtime.AfterCoreCall(h.Station.Now);
            }

            Assert.IsTrue((h.Endpoint.Core.Faults & FaultFlags.RelayFault) != 0);
            Assert.AreEqual(0xB, driver.LinesOn);
        }

        [TestMethod]
        public void AfterCoreCall_AllWritesAccepted_NoRelayFault()
        {
            EndpointHarness h = At9();
            RefusingDriver driver = new RefusingDriver(RelayRole.Line, 9);
            StationRuntime runtime = new StationRuntime(h.Endpoint, driver);
            h.Send(h.Province("emergency.start", "{\"duration\":600,\"lines\":[0,1,2,3],\"source\":1}"));
            runtime.AfterCoreCall(h.Station.Now);
            for (int i = 0; i < 20; i++)
            {
                h.Station.Mono += 250;
                h.Station.Utc += 250;
                h.Endpoint.Tick(h.Station.Now);
                runtime.AfterCoreCall(h.Station.Now);
            }

            Assert.IsTrue((h.Endpoint.Core.Faults & FaultFlags.RelayFault) == 0);
            Assert.AreEqual(0xF, driver.LinesOn);
        }

        [TestMethod]
        public void AfterCoreCall_ClockSetRequested_ReturnedOnceThenCleared()
        {
            EndpointHarness h = At9();
            StationRuntime runtime = new StationRuntime(h.Endpoint, new RefusingDriver(RelayRole.Line, 9));
            h.Endpoint.ClockSetRequestUtcMs = 1234567L;

            Assert.AreEqual(1234567L, runtime.AfterCoreCall(h.Station.Now));
            Assert.AreEqual(0L, runtime.AfterCoreCall(h.Station.Now));
        }

        [TestMethod]
        public void OutputFailed_LineOnAir_FaultRaisedAndTheLineDroppedAtOnce()
        {
            EndpointHarness h = At9();
            RefusingDriver driver = new RefusingDriver(RelayRole.Line, 9);
            StationRuntime runtime = new StationRuntime(h.Endpoint, driver);
            h.Send(h.Province("emergency.start", "{\"duration\":600,\"lines\":[0,1,2,3],\"source\":1}"));
            runtime.AfterCoreCall(h.Station.Now);
            for (int i = 0; i < 20; i++)
            {
                h.Station.Mono += 250;
                h.Station.Utc += 250;
                runtime.Tick(h.Station.Now);
            }

            Assert.AreEqual(0xF, driver.LinesOn);
            runtime.OutputFailed(RelayRole.Line, 2, h.Station.Now);
            Assert.IsTrue((h.Endpoint.Core.Faults & FaultFlags.RelayFault) != 0);
            Assert.AreEqual(0xB, driver.LinesOn, "the off write is applied in the same call");
        }

        [TestMethod]
        public void ClockSet_Unsynced_ClockBecomesValid()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9L * 3600000L, false);
            StationRuntime runtime = new StationRuntime(h.Endpoint, new RefusingDriver(RelayRole.Line, 9));
            Assert.IsFalse(h.Endpoint.Core.Clock.Valid);
            runtime.ClockSet(h.Station.Now);
            Assert.IsTrue(h.Endpoint.Core.Clock.Valid);
        }

        [TestMethod]
        public void HandleMessage_Command_HandledThenItsRelayWritesApplied()
        {
            EndpointHarness h = At9();
            CountingDriver driver = new CountingDriver();
            StationRuntime runtime = new StationRuntime(h.Endpoint, driver);
            Assert.AreSame(h.Endpoint, runtime.Endpoint);
            CommandBuilder b = h.Province("emergency.start", "{\"duration\":600,\"lines\":[0,1,2,3],\"source\":1}");
            runtime.HandleMessage("cr/v1/" + b.To + "/cmd", b.Build(), false, h.Station.Now);
            Assert.AreEqual(0xF, h.Endpoint.Core.Relays.TargetLines, "the emergency is on air");
            for (int i = 0; i < 4; i++)
            {
                h.Station.Mono += 250;
                h.Station.Utc += 250;
                runtime.Tick(h.Station.Now);
            }

            Assert.IsTrue(driver.Writes > 0, "its relay writes reach the driver");
        }

        [TestMethod]
        public void ClockSet_WallClockJumpsPastTheProgrammeOnAir_LinesDroppedInTheSameCall()
        {
            EndpointHarness h = At9();
            RefusingDriver driver = new RefusingDriver(RelayRole.Line, 9);
            StationRuntime runtime = new StationRuntime(h.Endpoint, driver);
            h.Send(h.Commune("schedule.add", "{\"item\":{\"id\":\"nine\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"09:00\",\"duration\":600,\"class\":\"normal\",\"lines\":[0,1],\"source\":0}}"));
            for (int i = 0; i < 40; i++)
            {
                h.Station.Mono += 250;
                h.Station.Utc += 250;
                runtime.Tick(h.Station.Now);
            }

            Assert.AreEqual(0x3, driver.LinesOn, "on air");
            h.Station.Utc += 3600000;
            runtime.ClockSet(h.Station.Now);
            Assert.AreEqual(0, driver.LinesOn, "the item's window has passed by the new clock");
        }

        // Counts the writes it is given.
        private sealed class CountingDriver : IRelayDriver
        {
            public int Writes;

            public bool Apply(RelayWriteBuffer writes, Instant now, out RelayWrite failed)
            {
                failed = default(RelayWrite);
                Writes += writes.Count;
                return true;
            }
        }

        // A relay board whose one output refuses every write; it keeps the lines' logical state (on = connected).
        private sealed class RefusingDriver : IRelayDriver
        {
            private readonly RelayRole _role;
            private readonly int _index;

            public RefusingDriver(RelayRole role, int index)
            {
                _role = role;
                _index = index;
            }

            public int LinesOn;

            public bool Apply(RelayWriteBuffer writes, Instant now, out RelayWrite failed)
            {
                failed = default(RelayWrite);
                bool ok = true;
                for (int i = 0; i < writes.Count; i++)
                {
                    RelayWrite w = writes.At(i);
                    if (w.Role == _role && w.Index == _index)
                    {
                        if (ok)
                        {
                            failed = w;
                        }

                        ok = false;
                        continue;
                    }

                    if (w.Role == RelayRole.Line)
                    {
                        LinesOn = w.On ? LinesOn | (1 << w.Index) : LinesOn & ~(1 << w.Index);
                    }
                }

                return ok;
            }
        }
    }
}
