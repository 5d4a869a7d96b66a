using System;
using System.Collections.Generic;
using System.Linq;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// Percentiles of a set of latencies in milliseconds, by the nearest-rank method (p99 of 10,000 samples is the
/// 9,900th smallest), so every figure is a latency that was really measured.
/// <code>
/// From([5, 1, 3, 2, 4]) >> Count 5, P50 3, P95 5, P99 5, Max 5
/// </code>
/// </summary>
/// <param name="Count">Number of samples.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest sample.</param>
public sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    /// <summary>No samples: every figure is 0.</summary>
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The statistics of <paramref name="samples"/> (milliseconds).</summary>
    public static LatencyStats From(IEnumerable<double> samples)
    {
        double[] sorted = samples.OrderBy(x => x).ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        return new LatencyStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    /// <summary><paramref name="value"/> / <paramref name="baseline"/>, or 0 when the baseline is 0.</summary>
    public static double Ratio(double value, double baseline) => baseline > 0 ? Math.Round(value / baseline, 3) : 0;

    private static double Rank(double[] sorted, double p)
    {
        int rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
