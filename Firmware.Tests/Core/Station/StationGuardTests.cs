using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Station
{
    [TestClass]
    public class StationGuardTests
    {
        private static StationHarness WithMaxOnTime(long maxOnMs)
        {
            StationSettings s = StationHarness.DefaultSettings();
            s.MaxOnTimeMs = maxOnMs;
            StationHarness h = new StationHarness(s, StationHarness.MondayMidnightUtc + 8 * 3600000L);
            h.Boot(true);
            return h;
        }

        [TestMethod]
        public void OnTimeGuard_ChainedNormalProgrammes_SecondIsCutAndRelaysGoOff()
        {
            StationHarness h = WithMaxOnTime(10 * 60000L);
            Assert.IsTrue(h.Core.PlayNow("a", BroadcastClass.Normal, IssuerLevel.Commune, "op", 480, 0xF, 0, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.Run(5 * 60000L);
            Assert.IsTrue(h.Core.PlayNow("b", BroadcastClass.Normal, IssuerLevel.Commune, "op", 600, 0xF, 0, h.Now).Accepted, "waits for a, then follows it");
            h.Collect(h.Core.Effects);
            h.Run(5 * 60000L + 500);
            Assert.IsFalse(h.Core.Relays.AnyAmplifierOn && h.Core.Relays.LinesOn != 0, "lines are cut when the guard trips");
            h.Run(60000L);

            string events = StationHarness.Lines(h.EventLog);
            Assert.Contains("ended a none", events);
            Assert.Contains("ended b on-time-limit", events);
            Assert.IsTrue(h.Core.Relays.AllOutputsOff, events);
            Assert.AreEqual(0, h.Violations.Count, StationHarness.Lines(h.Violations));
        }

        [TestMethod]
        public void OnTimeGuard_NormalLongerThanGuard_RefusedEmergencyAccepted()
        {
            StationHarness h = WithMaxOnTime(10 * 60000L);
            CommuneRadio.Core.Results.CommandResult r = h.Core.PlayNow("long", BroadcastClass.Priority, IssuerLevel.Commune, "op", 601, 0xF, 0, h.Now);
            Assert.AreEqual("invalid-duration duration", CommuneRadio.Core.Results.ReasonNames.Of(r.Reason) + " " + r.Field);
            Assert.IsTrue(h.Core.PlayNow("fits", BroadcastClass.Normal, IssuerLevel.Commune, "op", 600, 0xF, 0, h.Now).Accepted);
            Assert.IsTrue(h.Core.PlayNow("storm", BroadcastClass.Emergency, IssuerLevel.Province, "p", 3600, 0xF, 0, h.Now).Accepted, "emergencies are exempt from the guard");

            ScheduleItem item = StationHarness.Daily("evening", 20, 0, 11);
            r = h.Core.AddItem(item, h.Now);
            Assert.AreEqual("invalid-duration duration", CommuneRadio.Core.Results.ReasonNames.Of(r.Reason) + " " + r.Field);
            item.Class = BroadcastClass.Emergency;
            Assert.IsTrue(h.Core.AddItem(item, h.Now).Accepted);
        }

        [TestMethod]
        public void OnTimeGuard_BackToBackProgrammes_ForcesAmplifiersOffBeforeNextNormal()
        {
            StationHarness h = WithMaxOnTime(10 * 60000L);
            h.Core.PlayNow("a", BroadcastClass.Normal, IssuerLevel.Commune, "op", 480, 0xF, 0, h.Now);
            h.Run(5 * 60000L);
            h.Core.PlayNow("b", BroadcastClass.Normal, IssuerLevel.Commune, "op", 600, 0xF, 0, h.Now);
            h.Core.PlayNow("c", BroadcastClass.Normal, IssuerLevel.Commune, "op", 600, 0xF, 0, h.Now);
            h.Run(5 * 60000L + 500);
            Assert.IsFalse(h.Core.Relays.AnyAmplifierOn && h.Core.Relays.LinesOn != 0, "lines are cut when the guard trips");
            h.Run(5000);

            string events = StationHarness.Lines(h.EventLog);
            Assert.Contains("ended b on-time-limit", events);
            Assert.Contains("started c none", events);
            Assert.Contains("lines=0 src=-1 amps=0", StationHarness.Lines(h.Speakers), "the amplifiers rested before c");
        }

        [TestMethod]
        public void OnTimeGuard_Emergency_IsExempt()
        {
            StationHarness h = WithMaxOnTime(10 * 60000L);
            Assert.IsTrue(h.Core.StartEmergency("storm", "national", IssuerLevel.National, "n", 1800, 0xF, 1, h.Now).Accepted);
            h.Collect(h.Core.Effects);
            h.Run(20 * 60000L);

            Assert.IsTrue(h.Core.Relays.Delivering);
            Assert.AreEqual(-1, StationHarness.Lines(h.EventLog).IndexOf("on-time-limit"));
        }

        [TestMethod]
        public void NothingOnAir_ThreeInTheMorning_EverythingOff()
        {
            StationHarness h = StationHarness.Create(StationHarness.MondayMidnightUtc);
            h.Boot(true);
            h.Core.AddItem(StationHarness.Daily("morning", 5, 30, 30), h.Now);
            h.RunUntil(1, 3, 0, 0);

            Assert.IsTrue(h.Core.Relays.AllOutputsOff);
            Assert.AreEqual(0, h.Violations.Count, StationHarness.Lines(h.Violations));
        }
    }
}
