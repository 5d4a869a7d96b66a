using System.Collections;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    /// <summary>
    /// docs/protocol.md §4.3 at every instant: a burst of authentic commands of every kind (70 status requests first, as
    /// seen in the field, then each command with an effect, and refused ones) runs on a persistent station whose power is
    /// cut at its k-th flash write, for every k (the write torn part-way or not started, nothing after it reaching the
    /// flash, nothing of the call in progress leaving the station). A fresh station then boots from what the flash
    /// holds and every command of the burst is replayed: each one that completed before the cut — its effect applied,
    /// its result sent — is refused <c>replayed</c> (status, whose replay only publishes state again, may be accepted),
    /// and the command cut short is refused too whenever anything of it reached the flash.
    /// </summary>
    [TestClass]
    public class PowerCutReplayTests
    {
        private const string NewKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        private const long Start = 9 * 3600000L;

        private static string ItemJson(string id, int seconds)
        {
            return "{\"id\":\"" + id + "\",\"kind\":\"weekly\",\"days\":[\"mon\"],\"time\":\"20:00\",\"duration\":" + seconds + ",\"class\":\"normal\",\"lines\":[0],\"source\":0}";
        }

        // The burst, as (builder, durable check) pairs; the check tells whether the command's persisted effect is on flash.
        private static ArrayList Burst(EndpointHarness h)
        {
            ArrayList list = new ArrayList();
            for (int i = 0; i < 70; i++)
            {
                list.Add(h.Commune("status", "{}"));
            }

            list.Add(h.Commune("play", "{\"class\":\"normal\",\"duration\":600,\"lines\":[0],\"source\":0}"));
            list.Add(h.Commune("schedule.add", "{\"item\":" + ItemJson("ev", 60) + "}"));
            list.Add(h.Commune("schedule.replace", "{\"item\":" + ItemJson("ev", 120) + "}"));
            list.Add(h.Commune("schedule.add", "{\"item\":" + ItemJson("tmp", 60) + "}"));
            list.Add(h.Commune("schedule.remove", "{\"item_id\":\"tmp\"}"));
            list.Add(h.Commune("schedule.sync", "{\"version\":5,\"items\":[" + ItemJson("ev2", 300) + "]}"));
            list.Add(h.Commune("stop", "{}"));
            list.Add(h.Province("emergency.start", "{\"duration\":60,\"lines\":[0],\"source\":0}"));
            list.Add(h.Province("emergency.stop", "{}"));
            list.Add(h.Commune("relay.selftest", "{}"));
            list.Add(h.Province("time", "{\"utc_ms\":" + h.Station.Utc + "}"));
            list.Add(h.Commune("config.set", "{\"telemetry_s\":30}"));
            list.Add(h.Province("key.rotate", "{\"issuer\":\"com.ht.xy\",\"key\":\"" + NewKeyHex + "\"}"));
            list.Add(h.Commune("schedule.add", "{\"item\":" + ItemJson("ev2", 300) + "}"));
            CommandBuilder expired = h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}");
            expired.IssuedAt -= 7200;
            expired.Expires = expired.IssuedAt + 600;
            list.Add(expired);
            list.Add(h.Commune("stop", "{\"programme\":\"nothing\"}"));
            list.Add(h.Commune("reboot.now", "{}"));
            list.Add(h.Commune("status", "{}"));
            return list;
        }

        // True when the persisted effect of command b (cut short) is on the rebooted station.
        private static bool EffectDurable(EndpointHarness rebooted, CommandBuilder b)
        {
            ScheduleEntry e;
            switch (b.Cmd)
            {
                case "schedule.add":
                    if (b.Args.IndexOf("\"ev2\"") >= 0)
                    {
                        return false; // refused duplicate-id: nothing of its own to persist
                    }

                    return rebooted.Station.Core.Schedule.TryGet(b.Args.IndexOf("\"tmp\"") >= 0 ? "tmp" : "ev", out e);
                case "schedule.replace":
                    return rebooted.Station.Core.Schedule.TryGet("ev", out e) && e.Item.DurationSeconds == 120;
                case "schedule.remove":
                    return !rebooted.Station.Core.Schedule.TryGet("tmp", out e);
                case "schedule.sync":
                    return rebooted.Station.Core.Schedule.Version == 5;
                case "config.set":
                    return rebooted.Station.Core.Settings.TelemetryPeriodMs == 30000;
                case "key.rotate":
                    return EndpointHarness.HexOf(rebooted.Endpoint.Keys.Find("com.ht.xy").Key) == NewKeyHex;
                default:
                    return false;
            }
        }

        // Runs the burst with the power cut at write k (tear keeping tearBytes of it); -1: no cut. Returns the writes made.
        private static int RunCut(int k, int tearBytes)
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, StationHarness.MondayMidnightUtc + Start, true);
            int bootWrites = flash.WriteAttempts;
            ArrayList burst = Burst(h);
            byte[][] payloads = new byte[burst.Count][];
            for (int i = 0; i < burst.Count; i++)
            {
                payloads[i] = ((CommandBuilder)burst[i]).Build();
            }

            if (k >= 0)
            {
                flash.WritesBeforeTear = k;
                flash.TearNextWriteAt = tearBytes;
            }

            // completed: the calls that returned before the power failed (their relay writes and results left the station).
            int completed = 0;
            int interrupted = -1;
            for (int i = 0; i < burst.Count && interrupted < 0; i++)
            {
                CommandBuilder b = (CommandBuilder)burst[i];
                h.Send(b.To, payloads[i], false);
                if (flash.Torn)
                {
                    interrupted = i;
                    break;
                }

                completed++;
                h.Station.Run(StationHarness.TickMs);
                if (flash.Torn)
                {
                    break;
                }
            }

            int writes = flash.WriteAttempts - bootWrites;
            string at = "cut at write " + k + " (tear " + tearBytes + " bytes), " + completed + " commands completed";
            flash.Torn = false;
            flash.TearNextWriteAt = -1;
            EndpointHarness rebooted = EndpointHarness.Persistent(flash, h.Station.Utc + 2000, true);
            bool interruptedDurable = interrupted >= 0 && EffectDurable(rebooted, (CommandBuilder)burst[interrupted]);
            for (int i = 0; i < burst.Count; i++)
            {
                CommandBuilder b = (CommandBuilder)burst[i];
                string replayed = EndpointHarness.Refused(b.Id, "replayed", "ctr");
                string result = rebooted.Send(b.To, payloads[i], false);
                if (i < completed && b.Cmd == "status")
                {
                    Assert.IsTrue(result == replayed || result == EndpointHarness.Accepted(b.Id), at + ": status " + b.Id + " gave " + result);
                }
                else if (i < completed || (i == interrupted && interruptedDurable))
                {
                    Assert.AreEqual(replayed, result, at + ": replay of " + b.Cmd + " " + b.Id + (i == interrupted ? " (cut short, effect on flash)" : string.Empty));
                }
            }

            return writes;
        }

        [TestMethod]
        public void PowerCutAtEveryWrite_EveryCompletedCommandStaysReplayed()
        {
            int total = RunCut(-1, 0);
            Assert.IsTrue(total >= 20, "the burst writes the flash (" + total + " writes)");
            for (int k = 0; k <= total; k++)
            {
                RunCut(k, 0);
                RunCut(k, 13);
            }
        }

        [TestMethod]
        public void StatusBurstThenPlay_PowerCutTwoSecondsLater_PlayReplayRefused()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, StationHarness.MondayMidnightUtc + Start, true);
            for (int i = 0; i < 70; i++)
            {
                h.Send(h.Commune("status", "{}"));
            }

            CommandBuilder play = h.Commune("play", "{\"class\":\"normal\",\"duration\":600,\"lines\":[0],\"source\":0}");
            byte[] payload = play.Build();
            Assert.AreEqual(EndpointHarness.Accepted(play.Id), h.Send(play.To, payload, false));
            h.Station.Run(2000);

            EndpointHarness rebooted = EndpointHarness.Persistent(flash, h.Station.Utc + 5000, true);
            Assert.AreEqual(EndpointHarness.Refused(play.Id, "replayed", "ctr"), rebooted.Send(play.To, payload, false));
            Assert.IsTrue(rebooted.Station.Core.Relays.AllOutputsOff, "the replayed play did not go on air");
        }

        [TestMethod]
        public void CounterWriteFails_CommandRefusedStorageError_NothingApplied()
        {
            MemoryStorage flash = new MemoryStorage();
            EndpointHarness h = EndpointHarness.Persistent(flash, StationHarness.MondayMidnightUtc + Start, true);
            flash.FailWrites = true;
            CommandBuilder play = h.Commune("play", "{\"class\":\"normal\",\"duration\":600,\"lines\":[0],\"source\":0}");
            Assert.AreEqual(EndpointHarness.Refused(play.Id, "storage-error", null), h.Send(play));
            h.Station.Run(3000);
            Assert.IsTrue(h.Station.Core.Relays.AllOutputsOff, "not on air");
            CommandBuilder status = h.Commune("status", "{}");
            Assert.AreEqual(EndpointHarness.Accepted(status.Id), h.Send(status), "status needs no write");
        }
    }
}
