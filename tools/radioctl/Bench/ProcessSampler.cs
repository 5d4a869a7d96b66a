using System;
using System.Threading;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// What this process did while a phase of a benchmark ran: garbage collections and their pause time (from the
/// runtime's counters), and the largest thread-pool size and work-item backlog seen by <see cref="Sample"/>
/// (called from the benchmark's polling loop) — a growing backlog is the sign of thread-pool starvation.
/// </summary>
public sealed class ProcessSampler
{
    private readonly int _gen0 = GC.CollectionCount(0);
    private readonly int _gen1 = GC.CollectionCount(1);
    private readonly int _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _pause = GC.GetTotalPauseDuration();
    private readonly TimeSpan _cpu = Environment.CpuUsage.TotalTime;
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Largest thread-pool thread count seen.</summary>
    public int MaxThreads { get; private set; }

    /// <summary>Largest number of queued thread-pool work items seen.</summary>
    public long MaxPendingWork { get; private set; }

    /// <summary>Largest value given to <see cref="Note"/> (e.g. the scheduler's tick duration, ms).</summary>
    public double MaxNoted { get; private set; }

    /// <summary>Records the thread pool's current size and backlog.</summary>
    public void Sample()
    {
        MaxThreads = Math.Max(MaxThreads, ThreadPool.ThreadCount);
        MaxPendingWork = Math.Max(MaxPendingWork, ThreadPool.PendingWorkItemCount);
    }

    /// <summary>Keeps the largest of the values given.</summary>
    public void Note(double value) => MaxNoted = Math.Max(MaxNoted, value);

    /// <summary>Collections (gen 0, 1, 2) since this sampler was created.</summary>
    public (int Gen0, int Gen1, int Gen2) Collections =>
        (GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1, GC.CollectionCount(2) - _gen2);

    /// <summary>Total GC pause since this sampler was created, ms.</summary>
    public double GcPauseMs => Math.Round((GC.GetTotalPauseDuration() - _pause).TotalMilliseconds, 1);

    /// <summary>This process's CPU time since creation divided by the wall time (1.0 = one core busy).</summary>
    public double CpuCores
    {
        get
        {
            double wall = System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds;
            return wall <= 0 ? 0 : Math.Round((Environment.CpuUsage.TotalTime - _cpu).TotalSeconds / wall, 2);
        }
    }

    /// <summary>One line for the text report.</summary>
    public override string ToString()
    {
        (int g0, int g1, int g2) = Collections;
        return $"GC {g0}/{g1}/{g2} (gen0/1/2), pauses {GcPauseMs} ms; thread pool ≤ {MaxThreads} threads, backlog ≤ {MaxPendingWork}; radioctl CPU {CpuCores} cores";
    }
}
