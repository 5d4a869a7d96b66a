using System;
using System.Diagnostics;
using System.Threading;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// What this process did while one side's rounds ran: garbage collections and their pause time (from the
/// runtime's counters), CPU, and the largest thread-pool size and work-item backlog seen by <see cref="Sample"/>
/// (called from the benchmark's polling loop) — a growing backlog is the sign of thread-pool starvation. The two
/// sides' rounds alternate, so the counters add up only the windows between <see cref="Resume"/> and
/// <see cref="Pause"/>.
/// </summary>
public sealed class ProcessSampler
{
    private ProcessCounters _total;
    private ProcessCounters _since;
    private long _wallTicks;
    private long _startedAt;
    private double _brokerSeconds;
    private double _brokerSince;
    private bool _running;

    /// <summary>Largest thread-pool thread count seen.</summary>
    public int MaxThreads { get; private set; }

    /// <summary>Largest number of queued thread-pool work items seen.</summary>
    public long MaxPendingWork { get; private set; }

    /// <summary>Mosquitto's CPU inside the windows over their wall time (1.0 = one core busy).</summary>
    public double BrokerCpuCores => Cores(_brokerSeconds);

    /// <summary>Starts a window (the broker's CPU so far is <paramref name="brokerCpuSeconds"/>).</summary>
    public void Resume(double brokerCpuSeconds)
    {
        _since = ProcessCounters.Now();
        _brokerSince = brokerCpuSeconds;
        _startedAt = Stopwatch.GetTimestamp();
        _running = true;
    }

    /// <summary>Ends the window and adds it to the totals.</summary>
    public void Pause(double brokerCpuSeconds)
    {
        if (!_running)
        {
            return;
        }

        _total = _total.Add(ProcessCounters.Now().Since(_since));
        _brokerSeconds += brokerCpuSeconds - _brokerSince;
        _wallTicks += Stopwatch.GetTimestamp() - _startedAt;
        _running = false;
    }

    /// <summary>Records the thread pool's current size and backlog.</summary>
    public void Sample()
    {
        MaxThreads = Math.Max(MaxThreads, ThreadPool.ThreadCount);
        MaxPendingWork = Math.Max(MaxPendingWork, ThreadPool.PendingWorkItemCount);
    }

    /// <summary>One line for the text report.</summary>
    public override string ToString() =>
        $"GC {_total.Gen0}/{_total.Gen1}/{_total.Gen2} (gen0/1/2), pauses {Math.Round(_total.GcPauseMs, 1)} ms; thread pool ≤ {MaxThreads} threads, " +
        $"backlog ≤ {MaxPendingWork}; radioctl CPU {Cores(_total.CpuMs / 1000)} cores";

    private double Cores(double cpuSeconds)
    {
        double wall = Stopwatch.GetElapsedTime(0, _wallTicks).TotalSeconds;
        return wall <= 0 ? 0 : Math.Round(cpuSeconds / wall, 2);
    }
}
