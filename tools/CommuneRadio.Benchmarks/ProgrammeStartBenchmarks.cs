using BenchmarkDotNet.Attributes;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Benchmarks
{
    /// <summary>
    /// The tick in which a scheduled occurrence opens: settle the schedule (the occurrence becomes due), add
    /// the programme, arbitrate, put it on air, the first relay writes (amplifiers on) and the health flag.
    /// Each invocation needs a station just before 12:00:00, so each iteration builds <see cref="Stations"/>
    /// stations (full 64-item schedule, item 0 at 12:00 daily) ticked to 11:59:59.900; the timed call is one
    /// tick at 12:00:00.150 on the next of them. The set-up is not timed.
    /// </summary>
    [MemoryDiagnoser]
    [InvocationCount(Stations)]
    public class ProgrammeStartBenchmarks
    {
        public const int Stations = 1024;

        private readonly StationCore[] _cores = new StationCore[Stations];
        private Instant _start;
        private int _next;

        [IterationSetup]
        public void IterationSetup()
        {
            Instant now = new Instant(1000, BenchStation.MondayMidnightUtc + 11 * 3600000L + 59 * 60000L);
            for (int s = 0; s < Stations; s++)
            {
                StationCore core = BenchStation.Core(now, 64, 0x7F, 12);
                core.Tick(now.Plus(59900));
                BenchStation.Check(core.OnAir == null, "silent before 12:00");
                BenchStation.Drain(core);
                _cores[s] = core;
            }

            _start = now.Plus(60150);
            _next = 0;
        }

        [IterationCleanup]
        public void IterationCleanup()
        {
            // BenchmarkDotNet's first (jitting) iteration invokes once, so check the stations actually ticked.
            for (int s = 0; s < _next; s++)
            {
                BenchStation.Check(_cores[s].OnAir != null && _cores[s].OnAir.Id == "slot-00-morning-news", "station " + s + " started item 0");
            }
        }

        [Benchmark(Description = "Tick that opens a scheduled occurrence, 64-item schedule")]
        public int Tick_StartsProgramme()
        {
            return _cores[_next++].Tick(_start).Writes.Count;
        }
    }
}
