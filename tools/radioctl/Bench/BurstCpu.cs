using System;
using System.Collections.Generic;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// What one burst (publish → every station answered) cost: CPU used by radioctl (this process and its worker
/// processes, if any) and by Mosquitto, the bytes radioctl allocated, and the garbage collections that fell inside
/// it (their count and pause, summed over radioctl's processes). CPU time,
/// unlike latency, does not grow when other processes share the cores, so it compares the station's work with
/// the bare client's even on a busy machine; the pauses inside the burst are the part of a latency that stops
/// every station of the process at once.
/// </summary>
public sealed class BurstCpu
{
    private readonly BenchBroker _broker;
    private readonly double _brokerSeconds;
    private readonly ProcessCounters _start = ProcessCounters.Now();

    /// <summary>Starts measuring now.</summary>
    public BurstCpu(BenchBroker broker)
    {
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        _brokerSeconds = broker.BrokerCpuSeconds;
    }

    /// <summary>Adds what the burst cost since the start to <paramref name="into"/> (null: discard, e.g. a warm-up round).</summary>
    public void Stop(List<BurstSample>? into)
    {
        ProcessCounters used = ProcessCounters.Now().Since(_start);
        into?.Add(new BurstSample(used.CpuMs, (_broker.BrokerCpuSeconds - _brokerSeconds) * 1000, used.AllocatedBytes / 1e6, used.GcPauseMs, used.Gen0));
    }

    /// <summary>Mean of each column, rounded (ms, ms, 0.1 MB, ms, 0.1 collections).</summary>
    public static BurstSample Mean(List<BurstSample> bursts)
    {
        ArgumentNullException.ThrowIfNull(bursts);
        if (bursts.Count == 0)
        {
            return default;
        }

        double p = 0;
        double b = 0;
        double a = 0;
        double g = 0;
        double c = 0;
        foreach (BurstSample s in bursts)
        {
            p += s.ProcessMs;
            b += s.BrokerMs;
            a += s.AllocatedMb;
            g += s.GcPauseMs;
            c += s.Collections;
        }

        int n = bursts.Count;
        return new BurstSample(Math.Round(p / n), Math.Round(b / n), Math.Round(a / n, 1), Math.Round(g / n), Math.Round(c / n, 1));
    }
}
