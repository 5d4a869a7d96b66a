using System.Collections.Generic;

namespace CommuneRadio.Server.Bench;

/// <summary>What one <see cref="StoreBenchmark"/> run measured on one database.</summary>
/// <param name="Database">"sqlite" or "postgresql".</param>
/// <param name="Stations">Stations sending health once per 60 s.</param>
/// <param name="Seconds">How long the load ran (real time).</param>
/// <param name="HealthSent">Health snapshots handed to the write buffer.</param>
/// <param name="EventsSent">Events of the burst handed to the write buffer.</param>
/// <param name="Written">Messages the buffer committed (health + events).</param>
/// <param name="EventsStored">Event rows the database holds afterwards.</param>
/// <param name="Dropped">Messages the buffer dropped, by kind (none when the database kept up).</param>
/// <param name="Latencies">Buffer entry to commit of every message, in milliseconds, ascending.</param>
/// <param name="Bytes">Bytes the tables and indexes grew by.</param>
/// <param name="EventsPerStationDay">Events per station-day assumed for the size estimate.</param>
public sealed record StoreBenchmarkResult(
    string Database,
    int Stations,
    int Seconds,
    long HealthSent,
    long EventsSent,
    long Written,
    long EventsStored,
    IReadOnlyDictionary<string, long> Dropped,
    double[] Latencies,
    long Bytes,
    int EventsPerStationDay)
{
    /// <summary>Whether every message handed to the buffer was committed and every event is in the database.</summary>
    public bool StoredEverything => Written == HealthSent + EventsSent && EventsStored == EventsSent && Dropped.Count == 0;

    /// <summary>Bytes per committed row.</summary>
    public double BytesPerRow => (double)Bytes / System.Math.Max(1, Written);

    /// <summary>Extrapolated bytes per station and day: 1,440 health snapshots and <see cref="EventsPerStationDay"/> events.</summary>
    public double BytesPerStationDay => BytesPerRow * (1440 + EventsPerStationDay);

    /// <summary>The latency at quantile <paramref name="q"/> (0..1) in milliseconds, NaN without samples.</summary>
    public double Quantile(double q) =>
        Latencies.Length == 0 ? double.NaN : Latencies[System.Math.Min(Latencies.Length - 1, (int)(q * Latencies.Length))];
}
