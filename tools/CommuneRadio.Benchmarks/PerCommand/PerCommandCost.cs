using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Text;
using System.Threading;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Protocol.Commands;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Benchmarks.PerCommand
{
    /// <summary>
    /// <c>--per-command</c>: for every row of the command table, what one accepted command costs a station that persists as a
    /// station does (docs/benchmarks.md, "Per command kind"):
    /// <list type="bullet">
    /// <item><b>bytes</b>: allocated on this thread by <see cref="StationEndpoint.HandleMessage"/> (receive → parse → verify →
    /// persist → apply → result, events and health queued) and the transport taking the messages from the outbox
    /// (<c>GC.GetAllocatedBytesForCurrentThread</c>, exact; the payload array itself is the transport's and not counted);</item>
    /// <item><b>old objects written</b>: objects reachable from the station before the command (all old: a full blocking
    /// collection ran before it) that, when <c>HandleMessage</c> returns, hold a reference to an object that was not
    /// reachable before — each is a card the next gen-0 collection scans (<see cref="HeapGraph"/>); a reference stored and
    /// overwritten or cleared within the call is not seen here, the gen-0 pause below includes it;</item>
    /// <item><b>new objects kept</b>: objects reachable after the transport took the messages that were not before: what the
    /// command leaves for a gen-0 collection to promote;</item>
    /// <item><b>gen-0 pause</b>: <see cref="Stations"/> stations (one heap, as in <c>radioctl bench fanout</c>) each handle the
    /// command, then one forced gen-0 collection: its pause and promoted bytes per station (the same with no command is the
    /// "idle" line); the shortest pause and the fewest promoted bytes of three such runs, as other processes share the cores. No collection runs while the
    /// stations handle the command (a no-GC region), so the forced one finds everything the N commands left.</item>
    /// </list>
    /// </summary>
    public static class PerCommandCost
    {
        private const string Topic = "cr/v1/g/prov.ht/cmd";
        private const int Warmup = 200;
        private const int Measured = 5;
        private const long NoGcBytes = 240L << 20;
        private const long PrepCounter = 13;
        private const long MeasuredCounter = 14;
        private static readonly byte[] ProvinceKey = Key(0x40);
        private static readonly byte[] CommuneKey = Key(0x10);

        /// <summary>Stations in the gen-0 harness.</summary>
        public static int Stations { get; set; } = 5000;

        /// <summary>Runs every row and prints the table; returns 0 when every command was accepted.</summary>
        public static int Run(bool gcHarness)
        {
            Instant now = new Instant(1000, BenchStation.MondayMidnightUtc + 3 * 3600000L);
            IReadOnlyList<CommandScenario> scenarios = CommandScenario.All(now.UtcMs);
            List<object> statics = HeapGraph.Statics(typeof(StationEndpoint).Assembly);
            Console.WriteLine("per accepted command, station with 8 schedule items and a store (MemoryStorage), " + Environment.ProcessorCount + " cores, load " + LoadAverage());
            Console.WriteLine($"{"command",-18} {"bytes",6} {"old written",11} {"new kept",8}  {"gen-0 pause ms",14} {"promoted B/st",13}  old objects written");
            if (gcHarness)
            {
                (double idlePause, double idlePromoted) = Gen0(null, now);
                Console.WriteLine($"{"(idle)",-18} {"",6} {"",11} {"",8}  {idlePause,14:F1} {idlePromoted,13:F0}");
            }

            int failures = 0;
            foreach (CommandScenario s in scenarios)
            {
                byte[] payload = Signed("c-bench", MeasuredCounter, now.UtcMs, s.Command, s.Args);
                long bytes = 0;
                int written = 0;
                int fresh = 0;
                List<string> names = new List<string>();
                for (int i = 0; i < Warmup + Measured; i++)
                {
                    StationEndpoint endpoint = Prepare(s, now);
                    var roots = new List<object>(statics) { endpoint };
                    bool measured = i >= Warmup;
                    HashSet<object>? before = null;
                    if (measured)
                    {
                        GC.Collect(2, GCCollectionMode.Forced, true, true);
                        GC.WaitForPendingFinalizers();
                        before = HeapGraph.Reachable(roots);
                    }

                    byte[] copy = (byte[])payload.Clone();
                    long a0 = GC.GetAllocatedBytesForCurrentThread();
                    endpoint.HandleMessage(Topic, copy, false, Ready(now));
                    long a1 = GC.GetAllocatedBytesForCurrentThread();
                    if (!Accepted(endpoint, out string result))
                    {
                        Console.WriteLine($"{s.Command,-18} NOT ACCEPTED: {result}");
                        failures++;
                        break;
                    }

                    List<string>? writtenNames = null;
                    int w = 0;
                    if (measured)
                    {
                        writtenNames = HeapGraph.Diff(roots, before!, out w, out _);
                    }

                    long a2 = GC.GetAllocatedBytesForCurrentThread();
                    Take(endpoint);
                    long a3 = GC.GetAllocatedBytesForCurrentThread();
                    if (measured)
                    {
                        HeapGraph.Diff(roots, before!, out _, out int f);
                        bytes = Math.Max(bytes, (a1 - a0) + (a3 - a2));
                        written = Math.Max(written, w);
                        fresh = Math.Max(fresh, f);
                        names = writtenNames!;
                    }

                    GC.KeepAlive(copy);
                }

                string gc = string.Empty;
                if (gcHarness)
                {
                    (double pause, double promoted) = Gen0(s, now);
                    gc = $"{pause,14:F1} {promoted,13:F0}";
                }
                else
                {
                    gc = $"{"",14} {"",13}";
                }

                Console.WriteLine($"{s.Command,-18} {bytes,6} {written,11} {fresh,8}  {gc}  {Summarize(names)}");
            }

            // Rows without a scenario here (added to the command table later) are named, not silently left out.
            for (int kind = 1; kind <= CommandTable.Count; kind++)
            {
                string name = CommandTable.NameOf((CommandKind)kind);
                if (!scenarios.Any(x => x.Command == name))
                {
                    Console.WriteLine($"{name,-18} not measured: no scenario in CommandScenario.All");
                }
            }

            return failures == 0 ? 0 : 1;
        }

        // The shortest of three gen-0 pauses and the fewest promoted bytes per station of the three (other processes
        // share the cores; other threads of this one — tiering, timers — allocate now and then too).
        private static (double PauseMs, double PromotedPerStation) Gen0(CommandScenario? s, Instant now)
        {
            (double PauseMs, double PromotedPerStation) best = (double.MaxValue, double.MaxValue);
            for (int i = 0; i < 3; i++)
            {
                (double PauseMs, double PromotedPerStation) one = Gen0Once(s, now);
                best = (Math.Min(best.PauseMs, one.PauseMs), Math.Min(best.PromotedPerStation, one.PromotedPerStation));
            }

            return best;
        }

        // N stations handle the command (each on its own fresh copy of the payload, as a transport delivers it), the
        // transport takes their messages, then one forced gen-0 collection.
        private static (double PauseMs, double PromotedPerStation) Gen0Once(CommandScenario? s, Instant now)
        {
            var endpoints = new StationEndpoint[Stations];
            CommandScenario prepOnly = s ?? CommandScenario.All(now.UtcMs).First(x => x.Command == "status");
            for (int i = 0; i < endpoints.Length; i++)
            {
                endpoints[i] = Prepare(prepOnly, now);
            }

            byte[]? payload = s != null ? Signed("c-bench", MeasuredCounter, now.UtcMs, s.Command, s.Args) : null;
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            GC.Collect(2, GCCollectionMode.Forced, true, true);

            // No collection may run while the stations handle the command, or the forced one would see only the last of
            // them: what they allocate (at most 3 KB × N) fits a no-GC region.
            BenchStation.Check(GC.TryStartNoGCRegion(NoGcBytes), "no-GC region of " + NoGcBytes + " bytes"); // collects first
            int during = GC.CollectionCount(0);
            if (payload != null)
            {
                foreach (StationEndpoint e in endpoints)
                {
                    e.HandleMessage(Topic, (byte[])payload.Clone(), false, Ready(now));
                    Take(e);
                }
            }

            BenchStation.Check(GCSettings.LatencyMode == GCLatencyMode.NoGCRegion, "the stations' commands fitted the no-GC region");
            GC.EndNoGCRegion();
            BenchStation.Check(GC.CollectionCount(0) == during, "no collection while the stations handled the command");
            int before = GC.CollectionCount(0);
            GC.Collect(0, GCCollectionMode.Forced, true);
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            BenchStation.Check(GC.CollectionCount(0) == before + 1, "one gen-0 collection");
            GC.KeepAlive(endpoints);
            return (info.PauseDurations[0].TotalMilliseconds, (double)info.PromotedBytes / Stations);
        }

        // A booted station with its store and the keys of the province and the commune, in its steady state: commands of
        // the kinds that write each record have run (time: the keys record with the replay counters and the first HMAC;
        // schedule.add and .remove: the schedule record; config.set: the config record; play and stop: two events and the
        // events record), twice, then the scenario's prep command; outbox emptied.
        private static StationEndpoint Prepare(CommandScenario s, Instant now)
        {
            StationCore core = BenchStation.Core(now, 8, 0x7F, 12);
            Keyring keys = new Keyring();
            keys.Put(new IssuerKey("prov.ht", IssuerLevel.Province, ProvinceKey, new[] { "g/prov.ht" }, true));
            keys.Put(new IssuerKey("com.ht.ab", IssuerLevel.Commune, CommuneKey, new[] { "g/com.ht.ab" }, false));
            var endpoint = new StationEndpoint(core, new ProtocolSettings("cr/v1", "ht-ab-001", new[] { "vn", "prov.ht", "com.ht.ab" }), keys, BenchStation.Store());
            // Twice: a record store writes each record into two slots in turn, so both exist before the measured command.
            long counter = 0;
            Instant at = now;
            for (int pass = 0; pass < 2; pass++)
            {
                Prime(endpoint, "prime-" + ++counter, counter, "time", "{\"utc_ms\":" + at.UtcMs + "}", at);
                Prime(endpoint, "prime-" + ++counter, counter, "schedule.add", "{\"item\":" + BenchStation.ItemJson("prime-item", "22:00") + "}", at);
                Prime(endpoint, "prime-" + ++counter, counter, "schedule.remove", "{\"item_id\":\"prime-item\"}", at);
                Prime(endpoint, "prime-" + ++counter, counter, "config.set", "{\"telemetry_s\":" + (60 + pass) + "}", at);
                Prime(endpoint, "prime-" + ++counter, counter, "play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0}", at);
                at = at.Plus(2500);
                endpoint.Tick(at);
                Prime(endpoint, "prime-" + ++counter, counter, "stop", "{}", at);
                at = at.Plus(2500);
                endpoint.Tick(at);
            }

            Take(endpoint);
            if (s.PrepCommand != null)
            {
                Prime(endpoint, CommandScenario.PrepId, PrepCounter, s.PrepCommand, s.PrepArgs!, Ready(now));
            }

            return endpoint;
        }

        // When a prepared station is ready for the measured command (after the prime commands' ticks).
        private static Instant Ready(Instant start)
        {
            return start.Plus(10000);
        }

        private static void Prime(StationEndpoint endpoint, string id, long counter, string cmd, string args, Instant now)
        {
            endpoint.HandleMessage(Topic, Signed(id, counter, now.UtcMs, cmd, args), false, now);
            BenchStation.Check(Accepted(endpoint, out string result), cmd + ": " + result);
            Take(endpoint);
        }

        private static bool Accepted(StationEndpoint endpoint, out string result)
        {
            result = "no result";
            for (int i = 0; i < endpoint.Outbox.Count; i++)
            {
                OutgoingMessage m = endpoint.Outbox.Dequeue();
                endpoint.Outbox.Enqueue(m);
                if (m.Topic == endpoint.Topics.Result)
                {
                    result = Encoding.UTF8.GetString(m.Payload);
                }
            }

            return result.Contains("\"accepted\"", StringComparison.Ordinal);
        }

        // What StationRuntime.PumpOutbox does with a transport that takes everything.
        private static void Take(StationEndpoint endpoint)
        {
            while (endpoint.Outbox.Dequeue() != null)
            {
            }
        }

        private static string Summarize(List<string> names)
        {
            return string.Join(", ", names.GroupBy(n => n).Select(g => g.Count() > 1 ? g.Key + " ×" + g.Count() : g.Key));
        }

        private static byte[] Signed(string id, long counter, long utcMs, string cmd, string args)
        {
            long iat = utcMs / 1000;
            string body = "{\"v\":1,\"id\":\"" + id + "\",\"iss\":\"prov.ht\",\"to\":\"g/prov.ht\",\"iat\":" + iat + ",\"exp\":" + (iat + 600) +
                ",\"ctr\":" + counter + ",\"cmd\":\"" + cmd + "\",\"args\":" + args + "}";
            byte[] b = Encoding.UTF8.GetBytes(body);
            string sig = Hex.ToHex(Signature.Compute(ProvinceKey, b, 0, b.Length));
            return Encoding.UTF8.GetBytes("{\"body\":" + body + ",\"sig\":\"" + sig + "\"}");
        }

        private static string LoadAverage()
        {
            try
            {
                return System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (System.IO.IOException)
            {
                return "?";
            }
        }

        private static byte[] Key(byte fill)
        {
            byte[] k = new byte[32];
            for (int i = 0; i < k.Length; i++)
            {
                k[i] = (byte)(fill + i);
            }

            return k;
        }
    }
}
