using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    /// <summary>
    /// A week of a realistic commune programme in fake time: daily 05:30 (30 min) and 17:00 (45 min) slots,
    /// a provincial priority notice, a national emergency in the middle of a slot, a power cut during a
    /// slot with the clock unknown after reboot, a bad clock step forward and its correction, and a jump
    /// over a whole slot. The full relay timeline and every proof-of-play event are asserted.
    /// </summary>
    // Partial: the host build adds [TestCategory("Slow")] (Firmware.Tests/Host/Categories/SlowTests.cs).
    [TestClass]
    public partial class StationWeekTests
    {
        private const long Minute = 60000;

        public static StationHarness RunWeek()
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc);
            h.SntpPeriodMs = 6 * 3600 * 1000L;
            h.Boot(true);
            h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now);
            h.Core.AddItem(StationHarness.Daily("evening", 17, 0, 45), h.Now);

            // Monday noon: the province schedules a priority notice for Tuesday 17:10 on lines 0-1, source 1.
            h.RunUntil(0, 12, 0, 0);
            ScheduleItem notice = StationHarness.Once("notice-tue", 1, 17, 10, 10, BroadcastClass.Priority, IssuerLevel.Province);
            notice.Lines = 0x3;
            notice.Source = 1;
            h.Core.AddItem(notice, h.Now);
            h.Collect(h.Core.Effects);

            // Wednesday 05:40: a national storm warning for 5 minutes.
            h.RunUntil(2, 5, 40, 0);
            h.Core.StartEmergency("storm-wed", "national", IssuerLevel.National, "ncdc", 300, 0xF, 1, h.Now);
            h.Collect(h.Core.Effects);

            // Thursday 17:15: power cut for 5 minutes; no time server until 17:21.
            h.RunUntil(3, 17, 15, 0);
            h.PowerCycle(5 * Minute, false);
            h.RunUntil(3, 17, 21, 0);
            h.Sync();

            // Saturday 05:00: a bad time source steps the clock 45 min forward; SNTP corrects it at 06:10.
            h.RunUntil(5, 5, 0, 0);
            h.StepClock(45 * Minute);
            h.RunUntil(5, 6, 10, 0);
            h.StepClock(-45 * Minute);
            h.Sync();

            // Sunday 16:50: the clock jumps an hour forward, over the whole evening slot.
            h.RunUntil(6, 16, 50, 0);
            h.StepClock(60 * Minute);
            h.RunUntil(7, 0, 0, 0);
            return h;
        }

        [TestMethod]
        public void Week_RealisticProgramme_EventsAsExpected()
        {
            StationHarness h = RunWeek();
            OutputHelper.WriteLine(StationHarness.Lines(h.EventLog));
            Assert.AreEqual(ExpectedEvents, StationHarness.Lines(h.EventLog));
        }

        [TestMethod]
        public void Week_RealisticProgramme_FullRelayTimeline()
        {
            StationHarness h = RunWeek();
            OutputHelper.WriteLine(StationHarness.Lines(h.Speakers));
            Assert.AreEqual(ExpectedSpeakers, StationHarness.Lines(h.Speakers));
        }

        [TestMethod]
        public void Week_RealisticProgramme_NoSafetyViolation()
        {
            StationHarness h = RunWeek();
            Assert.AreEqual(0, h.Violations.Count, StationHarness.Lines(h.Violations));
            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
        }

        private const string ExpectedEvents =
            "Mon 05:30:02 started morning none\n" +
            "Mon 06:00:00 ended morning none\n" +
            "Mon 17:00:02 started evening none\n" +
            "Mon 17:45:00 ended evening none\n" +
            "Tue 05:30:02 started morning none\n" +
            "Tue 06:00:00 ended morning none\n" +
            "Tue 17:00:02 started evening none\n" +
            "Tue 17:10:00 preempted evening preempted\n" +
            "Tue 17:10:00 started notice-tue none\n" +
            "Tue 17:20:00 ended notice-tue none\n" +
            "Tue 17:20:01 resumed evening none\n" +
            "Tue 17:45:00 ended evening none\n" +
            "Wed 05:30:02 started morning none\n" +
            "Wed 05:40:00 preempted morning preempted\n" +
            "Wed 05:40:00 started storm-wed none\n" +
            "Wed 05:45:00 ended storm-wed none\n" +
            "Wed 05:45:00 resumed morning none\n" +
            "Wed 06:00:00 ended morning none\n" +
            "Wed 17:00:02 started evening none\n" +
            "Wed 17:45:00 ended evening none\n" +
            "Thu 05:30:02 started morning none\n" +
            "Thu 06:00:00 ended morning none\n" +
            "Thu 17:00:02 started evening none\n" +
            "Thu 17:21:02 started evening none\n" +
            "Thu 17:45:00 ended evening none\n" +
            "Fri 05:30:02 started morning none\n" +
            "Fri 06:00:00 ended morning none\n" +
            "Fri 17:00:02 started evening none\n" +
            "Fri 17:45:00 ended evening none\n" +
            "Sat 05:45:02 started morning none\n" +
            "Sat 06:00:00 ended morning none\n" +
            "Sat 17:00:02 started evening none\n" +
            "Sat 17:45:00 ended evening none\n" +
            "Sun 05:30:02 started morning none\n" +
            "Sun 06:00:00 ended morning none\n" +
            "Sun 17:50:00 missed evening clock-jump\n";

        private const string ExpectedSpeakers =
            "Mon 05:30:00.000 lines=0 src=0 amps=1\n" +
            "Mon 05:30:00.500 lines=0 src=0 amps=3\n" +
            "Mon 05:30:01.500 lines=3 src=0 amps=3\n" +
            "Mon 05:30:02.000 lines=15 src=0 amps=3\n" +
            "Mon 06:00:00.000 lines=0 src=-1 amps=3\n" +
            "Mon 06:00:01.000 lines=0 src=-1 amps=0\n" +
            "Mon 17:00:00.000 lines=0 src=0 amps=1\n" +
            "Mon 17:00:00.500 lines=0 src=0 amps=3\n" +
            "Mon 17:00:01.500 lines=3 src=0 amps=3\n" +
            "Mon 17:00:02.000 lines=15 src=0 amps=3\n" +
            "Mon 17:45:00.000 lines=0 src=-1 amps=3\n" +
            "Mon 17:45:01.000 lines=0 src=-1 amps=0\n" +
            "Tue 05:30:00.000 lines=0 src=0 amps=1\n" +
            "Tue 05:30:00.500 lines=0 src=0 amps=3\n" +
            "Tue 05:30:01.500 lines=3 src=0 amps=3\n" +
            "Tue 05:30:02.000 lines=15 src=0 amps=3\n" +
            "Tue 06:00:00.000 lines=0 src=-1 amps=3\n" +
            "Tue 06:00:01.000 lines=0 src=-1 amps=0\n" +
            "Tue 17:00:00.000 lines=0 src=0 amps=1\n" +
            "Tue 17:00:00.500 lines=0 src=0 amps=3\n" +
            "Tue 17:00:01.500 lines=3 src=0 amps=3\n" +
            "Tue 17:00:02.000 lines=15 src=0 amps=3\n" +
            "Tue 17:10:00.000 lines=0 src=-1 amps=3\n" +
            "Tue 17:10:00.250 lines=0 src=1 amps=3\n" +
            "Tue 17:10:00.500 lines=3 src=1 amps=3\n" +
            "Tue 17:10:01.000 lines=3 src=1 amps=1\n" +
            "Tue 17:20:00.000 lines=0 src=-1 amps=3\n" +
            "Tue 17:20:00.250 lines=0 src=0 amps=3\n" +
            "Tue 17:20:00.500 lines=3 src=0 amps=3\n" +
            "Tue 17:20:01.500 lines=15 src=0 amps=3\n" +
            "Tue 17:45:00.000 lines=0 src=-1 amps=3\n" +
            "Tue 17:45:01.000 lines=0 src=-1 amps=0\n" +
            "Wed 05:30:00.000 lines=0 src=0 amps=1\n" +
            "Wed 05:30:00.500 lines=0 src=0 amps=3\n" +
            "Wed 05:30:01.500 lines=3 src=0 amps=3\n" +
            "Wed 05:30:02.000 lines=15 src=0 amps=3\n" +
            "Wed 05:40:00.000 lines=0 src=-1 amps=3\n" +
            "Wed 05:40:00.250 lines=0 src=1 amps=3\n" +
            "Wed 05:40:00.500 lines=15 src=1 amps=3\n" +
            "Wed 05:45:00.000 lines=0 src=-1 amps=3\n" +
            "Wed 05:45:00.250 lines=0 src=0 amps=3\n" +
            "Wed 05:45:00.500 lines=15 src=0 amps=3\n" +
            "Wed 06:00:00.000 lines=0 src=-1 amps=3\n" +
            "Wed 06:00:01.000 lines=0 src=-1 amps=0\n" +
            "Wed 17:00:00.000 lines=0 src=0 amps=1\n" +
            "Wed 17:00:00.500 lines=0 src=0 amps=3\n" +
            "Wed 17:00:01.500 lines=3 src=0 amps=3\n" +
            "Wed 17:00:02.000 lines=15 src=0 amps=3\n" +
            "Wed 17:45:00.000 lines=0 src=-1 amps=3\n" +
            "Wed 17:45:01.000 lines=0 src=-1 amps=0\n" +
            "Thu 05:30:00.000 lines=0 src=0 amps=1\n" +
            "Thu 05:30:00.500 lines=0 src=0 amps=3\n" +
            "Thu 05:30:01.500 lines=3 src=0 amps=3\n" +
            "Thu 05:30:02.000 lines=15 src=0 amps=3\n" +
            "Thu 06:00:00.000 lines=0 src=-1 amps=3\n" +
            "Thu 06:00:01.000 lines=0 src=-1 amps=0\n" +
            "Thu 17:00:00.000 lines=0 src=0 amps=1\n" +
            "Thu 17:00:00.500 lines=0 src=0 amps=3\n" +
            "Thu 17:00:01.500 lines=3 src=0 amps=3\n" +
            "Thu 17:00:02.000 lines=15 src=0 amps=3\n" +
            "Thu 17:15:00.000 power cut: all relays de-energised\n" +
            "Thu 17:20:00.000 power back\n" +
            "Thu 17:21:00.000 lines=0 src=0 amps=1\n" +
            "Thu 17:21:00.500 lines=0 src=0 amps=3\n" +
            "Thu 17:21:01.500 lines=3 src=0 amps=3\n" +
            "Thu 17:21:02.000 lines=15 src=0 amps=3\n" +
            "Thu 17:45:00.000 lines=0 src=-1 amps=3\n" +
            "Thu 17:45:01.000 lines=0 src=-1 amps=0\n" +
            "Fri 05:30:00.000 lines=0 src=0 amps=1\n" +
            "Fri 05:30:00.500 lines=0 src=0 amps=3\n" +
            "Fri 05:30:01.500 lines=3 src=0 amps=3\n" +
            "Fri 05:30:02.000 lines=15 src=0 amps=3\n" +
            "Fri 06:00:00.000 lines=0 src=-1 amps=3\n" +
            "Fri 06:00:01.000 lines=0 src=-1 amps=0\n" +
            "Fri 17:00:00.000 lines=0 src=0 amps=1\n" +
            "Fri 17:00:00.500 lines=0 src=0 amps=3\n" +
            "Fri 17:00:01.500 lines=3 src=0 amps=3\n" +
            "Fri 17:00:02.000 lines=15 src=0 amps=3\n" +
            "Fri 17:45:00.000 lines=0 src=-1 amps=3\n" +
            "Fri 17:45:01.000 lines=0 src=-1 amps=0\n" +
            "Sat 05:45:00.250 lines=0 src=0 amps=1\n" +
            "Sat 05:45:00.750 lines=0 src=0 amps=3\n" +
            "Sat 05:45:01.750 lines=3 src=0 amps=3\n" +
            "Sat 05:45:02.250 lines=15 src=0 amps=3\n" +
            "Sat 06:00:00.000 lines=0 src=-1 amps=3\n" +
            "Sat 06:00:01.000 lines=0 src=-1 amps=0\n" +
            "Sat 17:00:00.000 lines=0 src=0 amps=1\n" +
            "Sat 17:00:00.500 lines=0 src=0 amps=3\n" +
            "Sat 17:00:01.500 lines=3 src=0 amps=3\n" +
            "Sat 17:00:02.000 lines=15 src=0 amps=3\n" +
            "Sat 17:45:00.000 lines=0 src=-1 amps=3\n" +
            "Sat 17:45:01.000 lines=0 src=-1 amps=0\n" +
            "Sun 05:30:00.000 lines=0 src=0 amps=1\n" +
            "Sun 05:30:00.500 lines=0 src=0 amps=3\n" +
            "Sun 05:30:01.500 lines=3 src=0 amps=3\n" +
            "Sun 05:30:02.000 lines=15 src=0 amps=3\n" +
            "Sun 06:00:00.000 lines=0 src=-1 amps=3\n" +
            "Sun 06:00:01.000 lines=0 src=-1 amps=0\n";
    }
}
