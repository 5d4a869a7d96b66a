using System;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Measure
{
    /// <summary>
    /// Host-measured heap use of Core operations (the device heap is ~100 KB). Allocation counts are
    /// deterministic (GC.GetAllocatedBytesForCurrentThread), so the zero-allocation quiet tick is asserted;
    /// the other figures are printed for the record and bounded loosely. On nanoFramework object headers
    /// are smaller than on .NET, so these host numbers are an upper bound.
    /// </summary>
    [TestClass]
    public sealed class CoreAllocationTests
    {
        private static readonly long Monday = LocalCalendar.ToUtc(LocalCalendar.DayFromDate(2026, 11, 23), 0, 420);

        public TestContext TestContext { get; set; }

        private static StationSettings Settings()
        {
            RelayChannel[] amps = { new RelayChannel(25, true, 0), new RelayChannel(26, true, 0) };
            RelayChannel[] lines = { new RelayChannel(16, true, 0), new RelayChannel(17, true, 0), new RelayChannel(18, true, 1), new RelayChannel(19, true, 1) };
            RelayChannel[] sources = { new RelayChannel(21, false, 0), new RelayChannel(22, false, 0) };
            return new StationSettings(new RelayLayout(amps, lines, sources));
        }

        private static ScheduleItem Item(int n)
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "slot-" + n.ToString("D4") + "-morning-news";
            i.Kind = ItemKind.Weekly;
            i.DaysMask = 0x7F;
            i.StartSecond = (12 * 60 + n * 5 % 600) * 60;
            i.DurationSeconds = 600;
            i.Class = BroadcastClass.Normal;
            i.Level = IssuerLevel.Commune;
            i.Issuer = "commune-xa-an-binh-huyen-phu-vang";
            i.Lines = 0xF;
            i.Source = 0;
            return i;
        }

        private static StationCore FullStation(out Instant now)
        {
            StationCore core = new StationCore(Settings());
            now = new Instant(1000, Monday + 3 * 3600000L);
            core.Boot(now);
            core.ClockSynced(now);
            for (int i = 0; i < 64; i++)
            {
                Assert.IsTrue(core.AddItem(Item(i + 400), now).Accepted);
            }

            return core;
        }

        [TestMethod]
        public void Tick_NothingChanging_AllocatesZeroBytes()
        {
            Instant now;
            StationCore core = FullStation(out now);
            for (int i = 0; i < 20; i++)
            {
                now = now.Plus(250);
                core.Tick(now);
            }

            const int Ticks = 10000;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Ticks; i++)
            {
                now = now.Plus(1);
                core.Tick(now);
            }

            long perTick = (GC.GetAllocatedBytesForCurrentThread() - before) / Ticks;
            TestContext.WriteLine("quiet tick with a full 64-item schedule: " + perTick + " bytes allocated per tick");
            Assert.AreEqual(0L, perTick);
        }

        [TestMethod]
        public void AddItem_Accepted_AllocationPerCommand()
        {
            Instant now;
            StationCore core = FullStation(out now);
            core.RemoveItem(Item(400).Id, now);
            ScheduleItem item = Item(400);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.IsTrue(core.AddItem(item, now).Accepted);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            TestContext.WriteLine("accepted add-item command (Core only, item already parsed): " + bytes + " bytes");
            Assert.IsTrue(bytes < 2048, bytes + " bytes");
        }

        [TestMethod]
        public void Station_EmptyAndFullSchedule_RetainedSize()
        {
            // GC.GetTotalMemory is coarse for one object graph, so measure 100 stations and divide.
            const int Stations = 100;
            Instant now = new Instant(1000, Monday + 3 * 3600000L);
            StationCore[] cores = new StationCore[Stations];
            long start = GC.GetTotalMemory(true);
            for (int s = 0; s < Stations; s++)
            {
                cores[s] = new StationCore(Settings());
                cores[s].Boot(now);
                cores[s].ClockSynced(now);
                while (cores[s].Events.Count > 0)
                {
                    cores[s].Events.Dequeue();
                }
            }

            long empty = GC.GetTotalMemory(true);
            for (int s = 0; s < Stations; s++)
            {
                for (int i = 0; i < 64; i++)
                {
                    // Fresh strings per station, as the parser would produce them: they are part of what is kept.
                    Assert.IsTrue(cores[s].AddItem(Item(i), now).Accepted);
                }
            }

            long full = GC.GetTotalMemory(true);
            GC.KeepAlive(cores);
            long perEmpty = (empty - start) / Stations;
            long perSchedule = (full - empty) / Stations;
            TestContext.WriteLine("empty station (2 amps, 4 lines, 2 sources; room for 64 items, 16 programmes, 64 events): " + perEmpty + " bytes");
            TestContext.WriteLine("full 64-item schedule incl. id and issuer strings: " + perSchedule + " bytes (" + (perSchedule / 64) + " per item)");
            Assert.IsTrue(perSchedule < 64 * 512, perSchedule + " bytes");
            Assert.IsTrue(perEmpty < 8192, perEmpty + " bytes");
        }
    }
}
