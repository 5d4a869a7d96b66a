using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

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

    /// <summary>"met" or "MISSED", as the benchmark reports print a target.</summary>
    public static string Mark(bool met) => met ? "met" : "MISSED";

    /// <summary>Appends one report row: name, p50, p95, p99, max (whole ms) and the sample count.</summary>
    public void AppendRow(StringBuilder text, string name) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-44} {P50,7:F0} {P95,7:F0} {P99,7:F0} {Max,7:F0} {Count,7}");

    /// <summary>Writes the figures as <c>{prefix}p50_ms</c> … <c>{prefix}samples</c>.</summary>
    public void WriteJson(Utf8JsonWriter json, string prefix)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteNumber(prefix + "p50_ms", P50);
        json.WriteNumber(prefix + "p95_ms", P95);
        json.WriteNumber(prefix + "p99_ms", P99);
        json.WriteNumber(prefix + "max_ms", Max);
        json.WriteNumber(prefix + "samples", Count);
    }

    private static double Rank(double[] sorted, double p)
    {
        int rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
