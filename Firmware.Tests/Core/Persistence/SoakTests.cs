using System.Collections;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    /// <summary>
    /// Three weeks in fake time of a station with a realistic programme, random power cuts (half of them
    /// tearing a flash write in progress), network outages of up to eight hours and slow time sync after
    /// reboots. Asserts what the field needs: no scheduled occurrence is played again after it ended or was
    /// reported missed, none is lost without a start or a recorded miss, and the relays are never left on
    /// without a programme.
    /// </summary>
    // Partial: the host build adds [TestCategory("Slow")] (Firmware.Tests/Host/Categories/SlowTests.cs).
    [TestClass]
    public partial class SoakTests
    {
        private const long Minute = 60000;
        private const long Hour = 60 * Minute;
        private const int Days = 21;

        private static uint _seed;

        private static int Next(int max)
        {
            _seed = _seed * 1664525 + 1013904223;
            return (int)((_seed >> 8) % (uint)max);
        }

        private static readonly string[] Items =
        {
            "{\"item\":{\"id\":\"morning\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}",
            "{\"item\":{\"id\":\"noon\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"],\"time\":\"11:00\",\"duration\":900,\"class\":\"normal\",\"lines\":[0,1],\"source\":0}}",
            "{\"item\":{\"id\":\"evening\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"17:00\",\"duration\":2700,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}",
            "{\"item\":{\"id\":\"notice\",\"kind\":\"weekly\",\"days\":[\"tue\",\"fri\"],\"time\":\"17:20\",\"duration\":600,\"class\":\"priority\",\"lines\":[2,3],\"source\":1}}",
            "{\"item\":{\"id\":\"saturday\",\"kind\":\"weekly\",\"days\":[\"sat\"],\"time\":\"20:00\",\"duration\":3600,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":1}}",
        };

        [TestMethod]
        public void Soak_ThreeWeeksOfPowerCutsAndOutages_NoReplayNoSilentLossNoStrayRelays()
        {
            _seed = 20261123;
            MemoryStorage flash = new MemoryStorage();
            long start = StationHarness.MondayMidnightUtc;
            long end = start + Days * 24 * Hour;
            EndpointHarness h = Booted(flash, start, true);
            for (int i = 0; i < Items.Length; i++)
            {
                string result = h.Send(h.Commune("schedule.add", Items[i]));
                Assert.Contains("accepted", result);
            }

            ArrayList records = new ArrayList();
            ArrayList violations = new ArrayList();
            int cuts = 0;
            int torn = 0;
            int outages = 0;
            while (h.Station.Utc < end)
            {
                h.Station.Run(30 * Minute + Next((int)(6 * Hour)));
                int dice = Next(100);
                if (dice < 25)
                {
                    // Power cut; half of the time in the middle of the next flash write.
                    if (Next(2) == 0)
                    {
                        flash.TearNextWriteAt = Next(200);
                        long limit = h.Station.Utc + 12 * Hour;
                        while (!flash.Torn && h.Station.Utc < limit)
                        {
                            h.Station.Run(Minute);
                        }

                        torn += flash.Torn ? 1 : 0;
                        flash.TearNextWriteAt = -1;
                        flash.Torn = false;
                    }

                    Harvest(h, records, violations);
                    cuts++;
                    long utc = h.Station.Utc + Minute + Next((int)(4 * Hour));
                    h = Booted(flash, utc, false);
                    h.Station.Run(Next((int)(10 * Minute)));
                    h.Station.Sync();
                }
                else if (dice < 45)
                {
                    outages++;
                    h.Endpoint.Connected = false;
                    h.Station.Run(10 * Minute + Next((int)(8 * Hour)));
                    h.Endpoint.OnConnected();
                }
            }

            h.Endpoint.OnConnected();
            h.Station.Run(Minute);
            Harvest(h, records, violations);
            OutputHelper.WriteLine(Days + " days: " + cuts + " power cuts (" + torn + " tearing a write), " + outages + " outages, " + records.Count + " events delivered, " + flash.WriteAttempts + " flash writes");

            Assert.AreEqual(0, violations.Count, StationHarness.Lines(violations));
            Assert.IsTrue(cuts >= 10 && torn >= 3 && outages >= 10, "the soak must actually exercise cuts, torn writes and outages");
            AssertEveryOccurrenceAccounted(h.Station.Core.Schedule, records, start + Hour, end - 6 * Hour);
            AssertNothingReplayed(records);
        }

        private static EndpointHarness Booted(MemoryStorage flash, long utc, bool synced)
        {
            EndpointHarness h = EndpointHarness.Persistent(flash, utc, synced);
            h.Station.Step = 1000;
            h.Station.SntpPeriodMs = 6 * Hour;
            return h;
        }

        private static void Harvest(EndpointHarness h, ArrayList records, ArrayList violations)
        {
            for (int i = 0; i < h.Station.EventRecords.Count; i++)
            {
                records.Add(h.Station.EventRecords[i]);
            }

            for (int i = 0; i < h.Station.Violations.Count; i++)
            {
                violations.Add(h.Station.Violations[i]);
            }
        }

        // Every occurrence whose window lies inside [from, to) has a start or a recorded miss.
        private static void AssertEveryOccurrenceAccounted(Schedule schedule, ArrayList records, long from, long to)
        {
            Hashtable seen = new Hashtable();
            for (int i = 0; i < records.Count; i++)
            {
                string[] f = ((string)records[i]).Split('|');
                if (f[0] == "started" || f[0] == "missed")
                {
                    seen[f[1] + "|" + f[2]] = true;
                }
            }

            int expected = 0;
            for (int i = 0; i < schedule.Count; i++)
            {
                ScheduleItem item = schedule.EntryAt(i).Item;
                long after = from;
                long occurrence;
                while (item.TryGetNextStart(after, 420, out occurrence) && occurrence + item.DurationSeconds * 1000L < to)
                {
                    expected++;
                    Assert.IsTrue(seen.Contains(item.Id + "|" + occurrence), "lost without a trace: " + item.Id + " at " + StationHarness.Stamp(occurrence));
                    after = occurrence;
                }
            }

            OutputHelper.WriteLine(expected + " scheduled occurrences, each started or reported missed");
            Assert.IsTrue(expected > 60);
        }

        // After an occurrence ended at the end of its window, nothing more is recorded for it; after it was
        // reported missed, only a duplicate miss may follow (a write torn by a power cut can re-detect it).
        private static void AssertNothingReplayed(ArrayList records)
        {
            Hashtable closed = new Hashtable();
            for (int i = 0; i < records.Count; i++)
            {
                string[] f = ((string)records[i]).Split('|');
                if (f[2] == "0")
                {
                    continue;
                }

                string key = f[1] + "|" + f[2];
                string state = (string)closed[key];
                Assert.IsTrue(state == null || (state == "missed" && f[0] == "missed"), "recorded again after it was " + state + ": " + key + " (" + f[0] + " " + f[3] + ")");
                if ((f[0] == "ended" && f[3] == "none") || f[0] == "missed")
                {
                    closed[key] = f[0];
                }
            }
        }
    }
}
