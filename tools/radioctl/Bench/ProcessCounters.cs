using System;

namespace CommuneRadio.Cli.Bench;

/// <summary>This process's cumulative counters at one moment: CPU, bytes allocated, GC pause and collections per generation.</summary>
/// <param name="CpuMs">CPU time, ms.</param>
/// <param name="AllocatedBytes">Bytes allocated by all threads.</param>
/// <param name="GcPauseMs">Time paused by the GC, ms.</param>
/// <param name="Gen0">Collections of generation 0 (every collection counts here).</param>
/// <param name="Gen1">Collections of generation 1.</param>
/// <param name="Gen2">Collections of generation 2.</param>
public readonly record struct ProcessCounters(double CpuMs, long AllocatedBytes, double GcPauseMs, int Gen0, int Gen1, int Gen2)
{
    /// <summary>The counters now.</summary>
    public static ProcessCounters Now() => new(
        Environment.CpuUsage.TotalTime.TotalMilliseconds,
        GC.GetTotalAllocatedBytes(),
        GC.GetTotalPauseDuration().TotalMilliseconds,
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2));

    /// <summary>What happened between <paramref name="earlier"/> and this.</summary>
    public ProcessCounters Since(ProcessCounters earlier) => new(
        CpuMs - earlier.CpuMs, AllocatedBytes - earlier.AllocatedBytes, GcPauseMs - earlier.GcPauseMs, Gen0 - earlier.Gen0, Gen1 - earlier.Gen1, Gen2 - earlier.Gen2);

    /// <summary>Component-wise sum.</summary>
    public ProcessCounters Add(ProcessCounters other) => new(
        CpuMs + other.CpuMs, AllocatedBytes + other.AllocatedBytes, GcPauseMs + other.GcPauseMs, Gen0 + other.Gen0, Gen1 + other.Gen1, Gen2 + other.Gen2);
}
