using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    [TestClass]
    public class StationArbitrationTests
    {
        private static StationHarness BootedMonday(int hour, int minute)
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc + (hour * 60L + minute) * 60000);
            h.Boot(true);
            return h;
        }

        [TestMethod]
        public void ScheduledItem_AtItsTime_ConnectsLinesAfterSequenceAndEndsOnTime()
        {
            StationHarness h = BootedMonday(5, 29);
            Assert.IsTrue(h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now).Accepted);
            h.RunUntil(0, 6, 5, 0);

            // amp0 and source 0 at 05:30; amp1 one stagger later (300 ms, next 250 ms tick); lines of each
            // amplifier after its 1.5 s warm-up; at the end lines off, amplifiers off 1 s later.
            string expected =
                "Mon 05:30:00.000 lines=0 src=0 amps=1\n" +
                "Mon 05:30:00.500 lines=0 src=0 amps=3\n" +
                "Mon 05:30:01.500 lines=3 src=0 amps=3\n" +
                "Mon 05:30:02.000 lines=15 src=0 amps=3\n" +
                "Mon 06:00:00.000 lines=0 src=-1 amps=3\n" +
                "Mon 06:00:01.000 lines=0 src=-1 amps=0\n";
            Assert.AreEqual(expected, StationHarness.Lines(h.Speakers), StationHarness.Lines(h.Writes));
            Assert.AreEqual("Mon 05:30:02 started morning none\nMon 06:00:00 ended morning none\n", StationHarness.Lines(h.EventLog));
            Assert.AreEqual(0, h.Violations.Count, StationHarness.Lines(h.Violations));
        }

        [TestMethod]
        public void Emergency_DuringSlot_PreemptsWithinThreeSecondsAndSlotResumes()
        {
            StationHarness h = BootedMonday(5, 29);
            h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now);
            h.RunUntil(0, 5, 40, 0);

            Assert.IsTrue(h.Core.StartEmergency("storm-1", "national", IssuerLevel.National, "ncdc", 300, 0xF, 1, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.RunUntil(0, 6, 5, 0);

            // Lines and source 0 off together at 05:40:00.000, source 1 after the 50 ms break (next tick),
            // lines back once their 500 ms minimum switching interval has passed: 0.5 s to the speakers.
            string expected =
                "Mon 05:30:00.000 lines=0 src=0 amps=1\n" +
                "Mon 05:30:00.500 lines=0 src=0 amps=3\n" +
                "Mon 05:30:01.500 lines=3 src=0 amps=3\n" +
                "Mon 05:30:02.000 lines=15 src=0 amps=3\n" +
                "Mon 05:40:00.000 lines=0 src=-1 amps=3\n" +
                "Mon 05:40:00.250 lines=0 src=1 amps=3\n" +
                "Mon 05:40:00.500 lines=15 src=1 amps=3\n" +
                "Mon 05:45:00.000 lines=0 src=-1 amps=3\n" +
                "Mon 05:45:00.250 lines=0 src=0 amps=3\n" +
                "Mon 05:45:00.500 lines=15 src=0 amps=3\n" +
                "Mon 06:00:00.000 lines=0 src=-1 amps=3\n" +
                "Mon 06:00:01.000 lines=0 src=-1 amps=0\n";
            Assert.AreEqual(expected, StationHarness.Lines(h.Speakers), StationHarness.Lines(h.Writes));
            Assert.AreEqual(
                "Mon 05:30:02 started morning none\n" +
                "Mon 05:40:00 preempted morning preempted\n" +
                "Mon 05:40:00 started storm-1 none\n" +
                "Mon 05:45:00 ended storm-1 none\n" +
                "Mon 05:45:00 resumed morning none\n" +
                "Mon 06:00:00 ended morning none\n",
                StationHarness.Lines(h.EventLog));
            Assert.AreEqual(0, h.Violations.Count, StationHarness.Lines(h.Violations));
        }

        [TestMethod]
        public void Emergency_FromSilence_ReachesSpeakersWithinThreeSeconds()
        {
            StationHarness h = BootedMonday(3, 0);
            h.Run(10000);
            Assert.IsTrue(h.Core.StartEmergency("flood-7", "province/quang-tri", IssuerLevel.Province, "quang-tri", 600, 0xF, 1, h.Now).Accepted);
            long issued = h.Mono;
            h.Collect(h.Core.Effects);
            while (!h.Core.Relays.Delivering)
            {
                h.Run(StationHarness.TickMs);
            }

            long latency = h.Mono - issued;
            OutputHelper.WriteLine("emergency latency from all-off: " + latency + " ms");
            Assert.IsTrue(latency <= 3000, "latency " + latency);
        }

        [TestMethod]
        public void PriorityNotice_OverNormalSlot_PreemptsAndSlotResumesForItsRemainder()
        {
            StationHarness h = BootedMonday(16, 59);
            h.Core.AddItem(StationHarness.Daily("evening", 17, 0, 45), h.Now);
            ScheduleItem notice = StationHarness.Once("notice-12", 0, 17, 10, 10, BroadcastClass.Priority, IssuerLevel.Province);
            notice.Lines = 0x3;
            notice.Source = 1;
            h.Core.AddItem(notice, h.Now);
            h.RunUntil(0, 17, 50, 0);

            Assert.AreEqual(
                "Mon 17:00:02 started evening none\n" +
                "Mon 17:10:00 preempted evening preempted\n" +
                "Mon 17:10:00 started notice-12 none\n" +
                "Mon 17:20:00 ended notice-12 none\n" +
                "Mon 17:20:01 resumed evening none\n" +
                "Mon 17:45:00 ended evening none\n",
                StationHarness.Lines(h.EventLog));
            Assert.AreEqual(0, h.Violations.Count, StationHarness.Lines(h.Violations));
        }

        [TestMethod]
        public void Tie_SameClassAndLevel_KeepsWhatIsOnAirAndLaterOneIsMissedIfItsWindowCloses()
        {
            StationHarness h = BootedMonday(7, 59);
            h.Core.AddItem(StationHarness.Daily("a-long", 8, 0, 30), h.Now);
            h.Core.AddItem(StationHarness.Daily("b-short", 8, 5, 10), h.Now);
            h.RunUntil(0, 8, 35, 0);

            Assert.AreEqual(
                "Mon 08:00:02 started a-long none\n" +
                "Mon 08:15:00 missed b-short preempted\n" +
                "Mon 08:30:00 ended a-long none\n",
                StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void Tie_LaterOneStillOpen_PlaysRemainderAfterFirstEnds()
        {
            StationHarness h = BootedMonday(7, 59);
            h.Core.AddItem(StationHarness.Daily("a", 8, 0, 10), h.Now);
            h.Core.AddItem(StationHarness.Daily("b", 8, 5, 15), h.Now);
            h.RunUntil(0, 8, 25, 0);

            Assert.AreEqual(
                "Mon 08:00:02 started a none\n" +
                "Mon 08:10:00 ended a none\n" +
                "Mon 08:10:00 started b none\n" +
                "Mon 08:20:00 ended b none\n",
                StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void HigherIssuerLevel_SameClass_Preempts()
        {
            StationHarness h = BootedMonday(7, 59);
            h.Core.AddItem(StationHarness.Daily("commune", 8, 0, 30), h.Now);
            h.RunUntil(0, 8, 10, 0);
            Assert.IsTrue(h.Core.PlayNow("prov-1", BroadcastClass.Normal, IssuerLevel.Province, "province", 60, 0xF, 0, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.RunUntil(0, 8, 12, 0);

            Assert.AreEqual(
                "Mon 08:00:02 started commune none\n" +
                "Mon 08:10:00 preempted commune preempted\n" +
                "Mon 08:10:00 started prov-1 none\n" +
                "Mon 08:11:00 ended prov-1 none\n" +
                "Mon 08:11:00 resumed commune none\n",
                StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void Emergency_CoveringWholeWindow_ReportsSlotMissedAsPreempted()
        {
            StationHarness h = BootedMonday(7, 58);
            h.Core.AddItem(StationHarness.Daily("short", 8, 0, 5), h.Now);
            h.Core.StartEmergency("fire-1", "commune/an-binh", IssuerLevel.Commune, "an-binh", 900, 0xF, 1, h.Now);
            h.Collect(h.Core.Effects);
            h.RunUntil(0, 8, 20, 0);

            Assert.AreEqual(
                "Mon 07:58:02 started fire-1 none\n" +
                "Mon 08:05:00 missed short preempted\n" +
                "Mon 08:13:00 ended fire-1 none\n",
                StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void StopEmergency_ForItsScope_EndsItAndScheduledResumes()
        {
            StationHarness h = BootedMonday(7, 59);
            h.Core.AddItem(StationHarness.Daily("slot", 8, 0, 30), h.Now);
            h.RunUntil(0, 8, 1, 0);
            h.Core.StartEmergency("e1", "province/hue", IssuerLevel.Province, "hue", 900, 0xF, 1, h.Now);
            h.Collect(h.Core.Effects);
            h.RunUntil(0, 8, 2, 0);

            Assert.IsFalse(h.Core.StopEmergency("province/hue", IssuerLevel.Commune, h.Now).Accepted, "a commune cannot stop a provincial emergency");
            Assert.IsFalse(h.Core.StopEmergency("province/other", IssuerLevel.Province, h.Now).Accepted);
            Assert.IsTrue(h.Core.StopEmergency("province/hue", IssuerLevel.Province, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.RunUntil(0, 8, 3, 0);

            Assert.AreEqual(ProgrammeKind.Scheduled, h.Core.OnAir.Kind);
            Assert.Contains("ended e1 stopped", StationHarness.Lines(h.EventLog));
            Assert.Contains("resumed slot none", StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void Stop_ScheduledOccurrence_DoesNotRestartInSameWindow()
        {
            StationHarness h = BootedMonday(7, 59);
            h.Core.AddItem(StationHarness.Daily("slot", 8, 0, 30), h.Now);
            h.RunUntil(0, 8, 5, 0);
            Assert.IsTrue(h.Core.Stop("slot", IssuerLevel.Commune, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.RunUntil(0, 8, 40, 0);

            Assert.AreEqual("Mon 08:00:02 started slot none\nMon 08:05:00 ended slot stopped\n", StationHarness.Lines(h.EventLog));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
        }

        [TestMethod]
        public void PlayNow_WithoutValidClock_Plays()
        {
            StationHarness h = StationHarness.Create(0);
            h.Boot(false);
            CommuneRadio.Core.Results.CommandResult r = h.Core.PlayNow("now-1", BroadcastClass.Normal, IssuerLevel.Commune, "op", 30, 0x1, 0, h.Now);
            Assert.IsTrue(r.Accepted, CommuneRadio.Core.Results.ReasonNames.Of(r.Reason) + " " + r.Field);
            h.Collect(h.Core.Effects);
            h.Run(40000);

            Assert.Contains("started now-1 none", StationHarness.Lines(h.EventLog));
            Assert.Contains("ended now-1 none", StationHarness.Lines(h.EventLog));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
        }

        [TestMethod]
        public void Emergency_WithoutValidClock_Plays()
        {
            StationHarness h = StationHarness.Create(0);
            h.Boot(false);
            Assert.IsTrue(h.Core.StartEmergency("e", "national", IssuerLevel.National, "n", 10, 0xF, 1, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.Run(3000);
            Assert.IsTrue(h.Core.Relays.Delivering);
        }

        [TestMethod]
        public void LineFault_OtherLinesKeepPlaying_AllFaultyIsMissedAsRelayFault()
        {
            StationHarness h = BootedMonday(7, 59);
            h.Core.AddItem(StationHarness.Daily("slot", 8, 0, 10), h.Now);
            h.Core.ReportRelayFault(CommuneRadio.Core.Relays.RelayRole.Line, 2, true, h.Now);
            h.RunUntil(0, 8, 1, 0);
            Assert.AreEqual(0xB, h.Core.Relays.LinesOn);

            ScheduleItem only2 = StationHarness.Daily("only2", 9, 0, 5);
            only2.Lines = 0x4;
            h.Core.AddItem(only2, h.Now);
            h.RunUntil(0, 9, 10, 0);
            Assert.Contains("missed only2 relay-fault", StationHarness.Lines(h.EventLog));
        }
    }
}
