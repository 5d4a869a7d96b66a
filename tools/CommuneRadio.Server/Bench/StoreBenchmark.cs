using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Server.Ingest;
using CommuneRadio.Server.Storage;

namespace CommuneRadio.Server.Bench;

/// <summary>
/// The store path under a province's load, in real time: <c>stations</c> health snapshots spread evenly over each
/// 60 s period (every station once per period, as with telemetry_s = 60), and in the middle of the first period a
/// burst of <c>events</c> proof-of-play events within one second. Measures the time from a message entering the
/// write buffer to its commit (p50/p99/max), checks every message was stored, and extrapolates the database size
/// per station-day from the bytes the file grew per stored row. No MQTT: this is the database side only.
/// </summary>
public static class StoreBenchmark
{
    /// <summary>Runs the benchmark in a temporary directory and returns the report lines.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(int stations, int events, int seconds, int eventsPerStationDay, CancellationToken ct = default)
    {
        string dir = Directory.CreateTempSubdirectory("cr-store-bench-").FullName;
        try
        {
            string path = Path.Combine(dir, "fleet.db");
            var latencies = new ConcurrentBag<long>();
            long healthSent = 0;
            using SqliteFleetStore store = SqliteFleetStore.Open(path);
            long emptyBytes = DatabaseBytes(path);
            await using (var buffer = new WriteBuffer(store, 1_000_000))
            {
                var clock = Stopwatch.StartNew();
                var pending = new List<Task>();
                Task burst = Task.Run(
                    async () =>
                    {
                        await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, seconds / 2.0)), ct).ConfigureAwait(false);
                        var started = Stopwatch.StartNew();
                        for (int i = 0; i < events; i++)
                        {
                            string station = "st-" + (i % stations).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
                            Track(buffer.Add(Message(station, "event", EventJson(station, i + 1)), TimeSpan.FromSeconds(5)), latencies);
                            // Spread the burst over one second.
                            if (i % 100 == 99 && started.Elapsed < TimeSpan.FromMilliseconds(1000.0 * i / events))
                            {
                                await Task.Delay(TimeSpan.FromMilliseconds(1000.0 * i / events) - started.Elapsed, ct).ConfigureAwait(false);
                            }
                        }
                    },
                    ct);
                long total = (long)stations * seconds / 60;
                for (long n = 0; n < total; n++)
                {
                    TimeSpan due = TimeSpan.FromMilliseconds(n * 60_000.0 / stations);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed, ct).ConfigureAwait(false);
                    }

                    string station = "st-" + (n % stations).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
                    Track(buffer.Add(Message(station, "health", HealthJson(station)), TimeSpan.Zero), latencies);
                    healthSent++;
                }

                await burst.ConfigureAwait(false);
                await buffer.FlushAndStopAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
                var sorted = latencies.OrderBy(t => t).ToArray();
                long storedEvents = store.Events(new EventQuery(null, null, 0, long.MaxValue, int.MaxValue)).Count;
                long storedHealth = healthSent - buffer.DroppedCount.GetValueOrDefault("health");
                store.Dispose();
                long bytes = DatabaseBytes(path) - emptyBytes;
                double perRow = (double)bytes / Math.Max(1, storedHealth + storedEvents);
                double perStationDay = perRow * (1440 + eventsPerStationDay);
                return new[]
                {
                    $"stations {stations}, health every 60 s for {seconds} s ({healthSent} snapshots), burst {events} events in 1 s",
                    $"stored: health {storedHealth}/{healthSent}, events {storedEvents}/{events}, dropped {string.Join(",", buffer.DroppedCount.Select(d => d.Key + "=" + d.Value))}",
                    $"store latency (buffer entry to commit): p50 {Ms(sorted, 0.50)} ms, p99 {Ms(sorted, 0.99)} ms, max {Ms(sorted, 1.0)} ms over {sorted.Length} messages",
                    $"database: {bytes / 1024.0 / 1024.0:F1} MiB for {storedHealth + storedEvents} rows = {perRow:F0} B/row; per station-day (1,440 health + {eventsPerStationDay} events): {perStationDay / 1024.0:F0} KiB",
                };
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Track(Task? committed, ConcurrentBag<long> latencies)
    {
        if (committed is null)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        committed.ContinueWith(_ => latencies.Add(Stopwatch.GetTimestamp() - start), TaskScheduler.Default);
    }

    private static string Ms(long[] sorted, double q) =>
        sorted.Length == 0 ? "-" : (sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))] * 1000.0 / Stopwatch.Frequency).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    private static long DatabaseBytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static StationMessage Message(string station, string kind, string json) =>
        new(station, kind, Encoding.UTF8.GetBytes(json), false, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    // The protocol §6 example snapshot, about 430 bytes.
    private static string HealthJson(string station) =>
        "{\"station\":\"" + station + "\",\"uptime_ms\":5402000,\"utc_ms\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"clock\":\"synced\",\"last_sync_ms\":5400000," +
        "\"schedule\":{\"count\":2,\"digest\":\"9f1c22e0\",\"version\":7},\"on_air\":null,\"relays\":{\"amps\":0,\"lines\":0,\"source\":0},\"faults\":[]," +
        "\"counters\":{\"accepted\":12,\"refused\":1,\"reconnects\":0,\"events_pending\":0,\"events_dropped\":0},\"free_bytes\":61234}";

    private static string EventJson(string station, long seq) =>
        "{\"station\":\"" + station + "\",\"seq\":" + seq + ",\"kind\":\"started\",\"programme\":\"morning-news\",\"occurrence\":1763850600000,\"class\":\"normal\",\"reason\":\"none\",\"at\":" +
        DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"mono\":5402000,\"clock\":true,\"dropped\":0}";
}
