using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
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
/// 60 s period (every station once per period, as with telemetry_s = 60), and in the middle of the run (at most 30 s
/// in) a burst of <c>events</c> proof-of-play events within one second. Measures the time from a message entering
/// the write buffer to its commit (p50/p99/max), checks every message was stored, and extrapolates the database size
/// per station-day from the bytes the tables and indexes grew per stored row. The same load runs on each database
/// asked for, one after the other in the same process, so the figures stand side by side. No MQTT: the database
/// side only.
/// </summary>
public static class StoreBenchmark
{
    /// <summary>The databases <see cref="RunAsync(IReadOnlyList{string}, string?, int, int, int, int, CancellationToken)"/> knows.</summary>
    public static readonly IReadOnlyList<string> Databases = new[] { "sqlite", "postgresql" };

    /// <summary>
    /// Runs the load on each of <paramref name="databases"/>: SQLite in a temporary file, PostgreSQL on
    /// <paramref name="postgres"/> (an Npgsql connection string of an empty database) or, when null, on a throw-away
    /// cluster (<see cref="TemporaryPostgres"/>, needs PostgreSQL installed).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown database name.</exception>
    /// <exception cref="InvalidOperationException">The PostgreSQL database given already holds stations.</exception>
    public static async Task<IReadOnlyList<StoreBenchmarkResult>> RunAsync(
        IReadOnlyList<string> databases, string? postgres, int stations, int events, int seconds, int eventsPerStationDay, CancellationToken ct = default)
    {
        foreach (string name in databases.Where(d => !Databases.Contains(d)))
        {
            throw new ArgumentException($"unknown database '{name}' (sqlite or postgresql)", nameof(databases));
        }

        var results = new List<StoreBenchmarkResult>();
        foreach (string database in databases)
        {
            if (database == "sqlite")
            {
                string dir = Directory.CreateTempSubdirectory("cr-store-bench-").FullName;
                try
                {
                    using SqliteFleetStore store = SqliteFleetStore.Open(Path.Combine(dir, "fleet.db"));
                    results.Add(await RunAsync(store, stations, events, seconds, eventsPerStationDay, ct).ConfigureAwait(false));
                }
                finally
                {
                    Directory.Delete(dir, true);
                }
            }
            else if (postgres is not null)
            {
                using PostgresFleetStore store = PostgresFleetStore.Open(postgres);
                if (store.Stations().Count > 0)
                {
                    throw new InvalidOperationException("the PostgreSQL database already holds stations: give the benchmark an empty database");
                }

                results.Add(await RunAsync(store, stations, events, seconds, eventsPerStationDay, ct).ConfigureAwait(false));
            }
            else
            {
                await using TemporaryPostgres cluster = await TemporaryPostgres.StartAsync().ConfigureAwait(false);
                using PostgresFleetStore store = PostgresFleetStore.Open(await cluster.CreateDatabaseAsync("bench").ConfigureAwait(false));
                results.Add(await RunAsync(store, stations, events, seconds, eventsPerStationDay, ct).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Runs the load on <paramref name="store"/> (empty, migrated) through a write buffer of its own.</summary>
    public static async Task<StoreBenchmarkResult> RunAsync(IFleetStore store, int stations, int events, int seconds, int eventsPerStationDay, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(stations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        var latencies = new ConcurrentBag<double>();
        var tracked = new ConcurrentBag<Task>();
        long emptyBytes = store.SizeBytes();
        long healthSent = 0;
        long written;
        IReadOnlyDictionary<string, long> dropped;
        await using (var buffer = new WriteBuffer(store, 1_000_000))
        {
            var clock = Stopwatch.StartNew();
            Task burst = Task.Run(
                async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, seconds / 2.0)), ct).ConfigureAwait(false);
                    var started = Stopwatch.StartNew();
                    for (int i = 0; i < events; i++)
                    {
                        string station = StationId(i % stations);
                        Track(buffer.Add(Message(station, "event", EventJson(station, i + 1)), TimeSpan.FromSeconds(5)), latencies, tracked);
                        // Spread the burst over one second.
                        TimeSpan due = TimeSpan.FromMilliseconds(1000.0 * i / events);
                        if (i % 100 == 99 && started.Elapsed < due)
                        {
                            await Task.Delay(due - started.Elapsed, ct).ConfigureAwait(false);
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

                string station = StationId((int)(n % stations));
                Track(buffer.Add(Message(station, "health", HealthJson(station)), TimeSpan.Zero), latencies, tracked);
                healthSent++;
            }

            await burst.ConfigureAwait(false);
            await buffer.FlushAndStopAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            await Task.WhenAll(tracked).ConfigureAwait(false);
            written = buffer.Written;
            dropped = new Dictionary<string, long>(buffer.DroppedCount);
        }

        long storedEvents = store.Events(new EventQuery(null, null, 0, long.MaxValue, int.MaxValue)).Count;
        double[] sorted = latencies.OrderBy(t => t).ToArray();
        return new StoreBenchmarkResult(
            store.Kind, stations, seconds, healthSent, events, written, storedEvents, dropped, sorted, store.SizeBytes() - emptyBytes, eventsPerStationDay);
    }

    /// <summary>The results as a table, one column per database, then one line per database saying whether all was stored.</summary>
    public static IReadOnlyList<string> Report(IReadOnlyList<StoreBenchmarkResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return Array.Empty<string>();
        }

        StoreBenchmarkResult first = results[0];
        var rows = new List<(string Name, Func<StoreBenchmarkResult, string> Value)>
        {
            ("stored (health + events)", r => $"{r.Written:N0}/{r.HealthSent + r.EventsSent:N0}"),
            ("events in the database", r => $"{r.EventsStored:N0}/{r.EventsSent:N0}"),
            ("dropped", r => r.Dropped.Count == 0 ? "none" : string.Join(",", r.Dropped.Select(d => d.Key + "=" + d.Value))),
            ("store latency p50 (ms)", r => Ms(r.Quantile(0.50))),
            ("store latency p99 (ms)", r => Ms(r.Quantile(0.99))),
            ("store latency max (ms)", r => Ms(r.Quantile(1.0))),
            ("bytes per row", r => r.BytesPerRow.ToString("F0", CultureInfo.InvariantCulture)),
            ($"per station-day (1,440 health + {first.EventsPerStationDay} events)", r => $"{r.BytesPerStationDay / 1024.0:F0} KiB"),
            ($"per day for {first.Stations:N0} stations", r => $"{r.BytesPerStationDay * r.Stations / 1e9:F2} GB"),
        };
        int nameWidth = rows.Max(r => r.Name.Length);
        int width = Math.Max(12, rows.Max(r => results.Max(x => r.Value(x).Length)));
        var lines = new List<string>
        {
            $"stations {first.Stations:N0}, health every 60 s for {first.Seconds} s ({first.HealthSent:N0} snapshots), burst of {first.EventsSent:N0} events in 1 s; load average {LoadAverage()}",
            string.Empty.PadRight(nameWidth) + string.Concat(results.Select(r => "  " + r.Database.PadLeft(width))),
        };
        lines.AddRange(rows.Select(row => row.Name.PadRight(nameWidth) + string.Concat(results.Select(r => "  " + row.Value(r).PadLeft(width)))));
        if (results.Any(r => r.Written < 10_000))
        {
            lines.Add("sizes: fewer than 10,000 rows grow a database by whole pages, so the size figures of this run say little; run the full load");
        }

        lines.AddRange(results.Select(r => r.Database + ": " + (r.StoredEverything ? "everything stored" : "NOT everything stored")));
        return lines;
    }

    private static void Track(Task? committed, ConcurrentBag<double> latencies, ConcurrentBag<Task> tracked)
    {
        if (committed is null)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        tracked.Add(committed.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            },
            TaskScheduler.Default));
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("F1", CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string StationId(int n) => "st-" + n.ToString("00000", CultureInfo.InvariantCulture);

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
