using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    /// <summary>Boot from storage, commands that persist before they apply, and a failing or full store.</summary>
    [TestClass]
    public class StationPersistenceTests
    {
        private const string Morning = "{\"item\":{\"id\":\"morning\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}";
        private const string Evening = "{\"item\":{\"id\":\"evening\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"17:00\",\"duration\":600,\"class\":\"normal\",\"lines\":[0],\"source\":0}}";

        private static long At(int hour, int minute)
        {
            return StationHarness.MondayMidnightUtc + (hour * 60L + minute) * 60000;
        }

        [TestMethod]
        public void Reboot_ScheduleKeysCountersAndBootCount_Survive()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            Assert.AreEqual(1, h.Boot.BootCount);
            Assert.AreEqual("first-boot", h.Boot.PreviousReset);
            CommandBuilder add = h.Commune("schedule.add", Morning);
            Assert.AreEqual(EndpointHarness.Accepted(add.Id), h.Send(add));
            byte[] replay = add.Build();

            EndpointHarness after = EndpointHarness.Persistent(flash, At(5, 10), true);
            Assert.AreEqual(2, after.Boot.BootCount);
            Assert.AreEqual("power-or-crash", after.Boot.PreviousReset);
            Assert.IsTrue(after.Boot.ScheduleRestored);
            Assert.AreEqual(1, after.Station.Core.Schedule.Count);
            Assert.AreEqual(EndpointHarness.Refused(add.Id, "replayed", "ctr"), after.Send(add.To, replay, false));
        }

        [TestMethod]
        public void Reboot_WithoutClock_ReplayStillRefused()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, 0, false);
            CommandBuilder play = h.Commune("play", "{\"class\":\"normal\",\"duration\":30,\"lines\":[0],\"source\":0}");
            byte[] payload = play.Build();
            Assert.AreEqual(EndpointHarness.Accepted(play.Id), h.Send(play.To, payload, false));
            h.Station.Run(2000);

            EndpointHarness after = EndpointHarness.Persistent(flash, 0, false);
            Assert.AreEqual(EndpointHarness.Refused(play.Id, "replayed", "ctr"), after.Send(play.To, payload, false));
        }

        [TestMethod]
        public void ScheduleAdd_StorageFull_RefusedStorageErrorNothingChanged()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            uint digest = h.Station.Core.Schedule.Digest;
            flash.CapacityBytes = flash.UsedBytes();

            CommandBuilder add = h.Commune("schedule.add", Evening);
            Assert.AreEqual(EndpointHarness.Refused(add.Id, "storage-error", null), h.Send(add));
            Assert.AreEqual(digest, h.Station.Core.Schedule.Digest);
            Assert.AreEqual(1, h.Station.Core.Schedule.Count);
            h.Station.Run(1000);
            Assert.IsTrue((h.Station.Core.Faults & FaultFlags.StorageError) != 0);

            EndpointHarness after = EndpointHarness.Persistent(flash, At(5, 1), true);
            Assert.AreEqual(1, after.Station.Core.Schedule.Count, "the refused item was not half-written either");
        }

        [TestMethod]
        public void ScheduleRemove_StorageFailing_RefusedAndItemKeepsPlaying()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 29), true);
            h.Send(h.Commune("schedule.add", Morning));
            h.Station.RunUntil(0, 5, 35, 0);
            flash.FailWrites = true;
            CommandBuilder remove = h.Commune("schedule.remove", "{\"item_id\":\"morning\"}");
            Assert.AreEqual(EndpointHarness.Refused(remove.Id, "storage-error", null), h.Send(remove));
            Assert.AreEqual("morning", h.Station.Core.OnAir.Id);
            Assert.AreEqual(0xF, h.Station.Core.Relays.LinesOn);
            Assert.AreEqual(0, h.Station.Core.Effects.Writes.Count);
        }

        [TestMethod]
        public void StorageRecovers_FaultClears()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            flash.FailWrites = true;
            h.Send(h.Commune("schedule.add", Morning));
            h.Station.Run(1000);
            Assert.IsTrue((h.Station.Core.Faults & FaultFlags.StorageError) != 0);
            flash.FailWrites = false;
            CommandBuilder add = h.Commune("schedule.add", Morning);
            Assert.AreEqual(EndpointHarness.Accepted(add.Id), h.Send(add));
            h.Station.Run(1000);
            Assert.IsTrue((h.Station.Core.Faults & FaultFlags.StorageError) == 0);
        }

        [TestMethod]
        public void RebootMidSlot_PlaysRemainderAndPlayedSlotNeverReplays()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            h.Station.RunUntil(0, 5, 40, 0);

            EndpointHarness after = EndpointHarness.Persistent(flash, At(5, 45), true);
            after.Station.RunUntil(0, 6, 10, 0);
            Assert.AreEqual("Mon 05:45:02 started morning none\nMon 06:00:00 ended morning none\n", StationHarness.Lines(after.Station.EventLog));

            EndpointHarness again = EndpointHarness.Persistent(flash, At(6, 20), true);
            again.Station.RunUntil(0, 7, 0, 0);
            Assert.AreEqual(0, again.Station.EventLog.Count);
        }

        [TestMethod]
        public void PowerOffOverSlot_ReportsMissedPoweredOffAfterBoot()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            h.Station.RunUntil(0, 5, 10, 0);

            EndpointHarness after = EndpointHarness.Persistent(flash, At(7, 0), true);
            after.Station.Run(1000);
            Assert.AreEqual("Mon 07:00:00 missed morning powered-off\n", StationHarness.Lines(after.Station.EventLog));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void MissRecorded_NextWriteTornByPowerCut_MissStillReported(int writesBeforeTear)
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            h.Station.RunUntil(0, 5, 10, 0);

            // Off over the slot; at the next boot the miss is found, and power fails during the writes after it.
            EndpointHarness after = EndpointHarness.Persistent(flash, At(7, 0), false);
            after.Endpoint.Connected = false;
            flash.TearNextWriteAt = 5;
            flash.WritesBeforeTear = writesBeforeTear;
            after.Station.Sync();
            after.Station.Run(1000);
            Assert.IsTrue(flash.Torn);

            EndpointHarness third = EndpointHarness.Persistent(flash, At(7, 5), true);
            third.Station.Run(1000);
            Assert.Contains("missed morning powered-off", StationHarness.Lines(third.Station.EventLog));
        }

        [TestMethod]
        public void UndeliveredEvents_SurviveReboot_DeliveredInOrder()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            h.Endpoint.Connected = false;
            h.Station.RunUntil(0, 6, 5, 0);
            Assert.AreEqual(2, h.Station.Core.Events.Count, "started and ended wait for the connection");

            EndpointHarness after = EndpointHarness.Persistent(flash, At(6, 10), true);
            Assert.IsTrue(after.Boot.EventsRestored);
            string[] kinds = after.DeliveredEventKinds();
            Assert.AreEqual(2, kinds.Length);
            Assert.AreEqual("started", kinds[0]);
            Assert.AreEqual("ended", kinds[1]);
        }

        [TestMethod]
        public void CorruptSchedule_BootsSafelyWithFault()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(5, 0), true);
            h.Send(h.Commune("schedule.add", Morning));
            flash.Put("schedule.a", new byte[] { 1, 2, 3 });
            flash.Put("schedule.b", new byte[] { 4, 5, 6 });

            EndpointHarness after = EndpointHarness.Persistent(flash, At(5, 1), true);
            Assert.IsTrue(after.Boot.Corrupt);
            Assert.AreEqual(0, after.Station.Core.Schedule.Count);
            Assert.IsTrue(after.Station.Core.Relays.AllOutputsOff);
            after.Station.Run(1000);
            Assert.IsTrue((after.Station.Core.Faults & FaultFlags.StorageError) != 0);
        }

        [TestMethod]
        public void KeyRotation_SurvivesReboot()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(9, 0), true);
            string newKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
            h.Send(h.Province("key.rotate", "{\"issuer\":\"com.ht.ab\",\"key\":\"" + newKey + "\"}"));

            EndpointHarness after = EndpointHarness.Persistent(flash, At(9, 5), true);
            Assert.AreEqual(newKey, EndpointHarness.HexOf(after.Endpoint.Keys.Find("com.ht.ab").Key));
        }

        [TestMethod]
        public void KeyRotated_ThenReprovisionedWithFreshKey_ConfigurationKeyWins()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(9, 0), true);
            string rotated = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
            h.Send(h.Province("key.rotate", "{\"issuer\":\"com.ht.ab\",\"key\":\"" + rotated + "\"}"));

            byte[] fresh = CommandBuilder.TestKey(0xA0);
            EndpointHarness after = EndpointHarness.Persistent(flash, At(9, 5), true, fresh);
            Assert.AreEqual(EndpointHarness.HexOf(fresh), EndpointHarness.HexOf(after.Endpoint.Keys.Find("com.ht.ab").Key));
        }

        [TestMethod]
        public void BackgroundWrites_StayWithinHourlyBudget()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, At(0, 0), true);
            for (int i = 0; i < 200; i++)
            {
                h.Send(h.Commune("status", "{}"));
            }

            int attempts = flash.WriteAttempts;
            Assert.IsTrue(attempts <= 64, "counter writes in a burst of 200 commands: " + attempts);
        }
    }
}
