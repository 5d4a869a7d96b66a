using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CommuneRadio.Cli.Demo;

/// <summary>What the live demo saw, its checks and its one-line summary.</summary>
public sealed class LiveDemoResult
{
    /// <summary>Per station, in fleet order.</summary>
    public List<LiveDemoStation> Stations { get; } = new();

    /// <summary>Scheduled start of the announcement (UTC ms).</summary>
    public long AnnouncementUtcMs { get; set; }

    /// <summary>When the emergency command was published (UTC ms).</summary>
    public long EmergencyPublishedUtcMs { get; set; }

    /// <summary>Commands the stations accepted / refused.</summary>
    public int Accepted { get; set; }

    /// <summary>Commands refused (any reason).</summary>
    public int Refused { get; set; }

    /// <summary>Wall time of the whole run.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Problems found by the demo's checks.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>True when every station behaved.</summary>
    public bool Ok => Problems.Count == 0;

    /// <summary>Emergency latencies (publish → lines connected) of the stations that played it, sorted.</summary>
    public List<long> Latencies => Stations.Where(s => s.EmergencyStartUtcMs > 0).Select(s => s.EmergencyStartUtcMs - EmergencyPublishedUtcMs).OrderBy(x => x).ToList();

    /// <summary>The one-line summary.</summary>
    public string Summary
    {
        get
        {
            int n = Stations.Count;
            List<long> lat = Latencies;
            string latency = lat.Count == 0 ? "no latency" : $"p50 {lat[(lat.Count - 1) / 2]} ms, max {lat[^1]} ms";
            return string.Create(CultureInfo.InvariantCulture,
                $"demo: {n} stations, announcement started on {Stations.Count(s => s.AnnouncementStartUtcMs > 0)}/{n}, " +
                $"emergency on speakers on {Stations.Count(s => s.EmergencyStartUtcMs > 0)}/{n} ({latency}), " +
                $"resumed on {Stations.Count(s => s.ResumedUtcMs > 0)}/{n}, ended on {Stations.Count(s => s.EndedUtcMs > 0)}/{n}, " +
                $"{Elapsed.TotalSeconds:0.0} s — {(Ok ? "ok" : "FAILED: " + string.Join("; ", Problems))}");
        }
    }
}
