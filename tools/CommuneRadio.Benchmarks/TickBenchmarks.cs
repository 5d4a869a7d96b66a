using BenchmarkDotNet.Attributes;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Benchmarks
{
    /// <summary>
    /// StationCore.Tick on a station holding a full 64-item schedule when nothing is due: the clock advances
    /// 1 ms per tick from Monday 03:00 and every item is weekly on Sundays (23:00 and later), so no occurrence
    /// opens for six days of simulated time, far more than any run consumes. This is the main loop's steady
    /// state (the device ticks every 250 ms).
    /// </summary>
    [MemoryDiagnoser]
    public class TickBenchmarks
    {
        private StationCore _core = null!;
        private Instant _now;

        [GlobalSetup]
        public void GlobalSetup()
        {
            _now = new Instant(1000, BenchStation.MondayMidnightUtc + 3 * 3600000L);
            _core = BenchStation.Core(_now, 64, 0x40, 23);
            BenchStation.Check(_core.Schedule.Count == 64, "full schedule");
            for (int i = 0; i < 100; i++)
            {
                _now = _now.Plus(250);
                _core.Tick(_now);
            }
        }

        [GlobalCleanup]
        public void GlobalCleanup()
        {
            BenchStation.Check(_core.OnAir == null && _core.Events.Count == 0, "nothing was due");
        }

        [Benchmark(Description = "Tick, nothing due, 64-item schedule")]
        public int Tick_Quiet_FullSchedule()
        {
            _now = _now.Plus(1);
            return _core.Tick(_now).Writes.Count;
        }
    }
}
