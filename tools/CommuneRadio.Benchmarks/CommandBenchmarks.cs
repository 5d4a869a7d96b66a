using System.Text;
using BenchmarkDotNet.Attributes;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Benchmarks
{
    /// <summary>
    /// One schedule.add through <see cref="StationEndpoint.HandleMessage"/>: size check, envelope and body
    /// parse, HMAC-SHA256 verification, replay window, args and item parse, authorisation, Core.AddItem
    /// (validation, schedule insert, digest, settle, arbitration), the result message and the health message
    /// an accepted schedule change queues. Replay protection needs a fresh counter per command, so
    /// <see cref="Payloads"/> signed commands (counters 1…N) are built once and each iteration starts on a new
    /// station (8 items, valid clock). Each invocation then also removes the added item with a direct
    /// Core.RemoveItem (no parsing) and empties the outbox, so the schedule is the same for every invocation;
    /// <see cref="CoreOnly_AddThenRemove"/> measures that Core part alone, the difference is the protocol's cost.
    /// With <see cref="Persisted"/> the endpoint also saves what a station saves (an in-memory flash): the
    /// keys record with the replay counters before applying, the schedule record, each with its CRC.
    /// </summary>
    [MemoryDiagnoser]
    [InvocationCount(Payloads)]
    public class CommandBenchmarks
    {
        public const int Payloads = 16384;
        private const string ItemId = "bench-evening-news";

        private readonly byte[][] _payloads = new byte[Payloads][];
        private ScheduleItem _item = null!;
        private Instant _now;
        private StationCore _core = null!;
        private StationEndpoint _endpoint = null!;
        private int _next;

        /// <summary>Whether the endpoint persists like a station (false: a tool's endpoint that keeps nothing).</summary>
        [Params(false, true)]
        public bool Persisted { get; set; }

        [GlobalSetup]
        public void GlobalSetup()
        {
            _now = new Instant(1000, BenchStation.MondayMidnightUtc + 3 * 3600000L);
            string args = "{\"item\":" + BenchStation.ItemJson(ItemId, "20:00") + "}";
            for (int i = 0; i < Payloads; i++)
            {
                _payloads[i] = BenchStation.Signed("c-" + (i + 1), i + 1, _now.UtcMs, "schedule.add", args);
            }

            _item = BenchStation.Item(0, 0x7F, 20);
            _item.Id = ItemId;

            // The payloads must be accepted, or the benchmark would time a refusal.
            IterationSetup();
            _endpoint.HandleMessage(BenchStation.Topic, _payloads[0], false, _now);
            string result = Encoding.UTF8.GetString(_endpoint.Outbox.Dequeue().Payload);
            BenchStation.Check(result.Contains("\"accepted\""), result + " (" + _payloads[0].Length + " bytes)");
        }

        [IterationSetup]
        public void IterationSetup()
        {
            _core = BenchStation.Core(_now, 8, 0x7F, 12);
            _endpoint = BenchStation.Endpoint(_core, Persisted ? BenchStation.Store() : null);
            _next = 0;
        }

        [IterationCleanup]
        public void IterationCleanup()
        {
            BenchStation.Check(_core.Counters.Refused == 0, _core.Counters.Refused + " commands refused");
            BenchStation.Check(!Persisted || _endpoint.Store.Writes >= _next, "persisted endpoint wrote " + (Persisted ? _endpoint.Store.Writes : 0) + " records for " + _next + " commands");
        }

        [Benchmark(Description = "schedule.add: HandleMessage (parse, verify, apply) + Core.RemoveItem")]
        public int ScheduleAdd_HandleMessage()
        {
            _endpoint.HandleMessage(BenchStation.Topic, _payloads[_next++], false, _now);
            _core.RemoveItem(ItemId, _now);
            int n = _endpoint.Outbox.Count;
            while (_endpoint.Outbox.Count > 0)
            {
                _endpoint.Outbox.Dequeue();
            }

            return n;
        }

        [Benchmark(Baseline = true, Description = "Core.AddItem + Core.RemoveItem (item already parsed)")]
        public int CoreOnly_AddThenRemove()
        {
            _core.AddItem(_item, _now);
            _core.RemoveItem(ItemId, _now);
            return _core.Schedule.Count;
        }
    }
}
