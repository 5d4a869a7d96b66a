using System;
using System.Collections.Generic;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// CPU used by this process and by Mosquitto during one burst (publish → every station answered), in ms, and
/// the bytes this process allocated meanwhile. CPU
/// time, unlike latency, does not grow when other processes share the cores, so it compares the station's work
/// with the bare client's even on a busy machine.
/// </summary>
public sealed class BurstCpu
{
    private readonly BenchBroker _broker;
    private readonly TimeSpan _process = Environment.CpuUsage.TotalTime;
    private readonly double _brokerSeconds;
    private readonly long _allocated = GC.GetTotalAllocatedBytes();

    /// <summary>Starts measuring now.</summary>
    public BurstCpu(BenchBroker broker)
    {
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        _brokerSeconds = broker.BrokerCpuSeconds;
    }

    /// <summary>
    /// Adds (radioctl ms, mosquitto ms, MB allocated by radioctl) since the start to <paramref name="into"/>
    /// (null: discard, e.g. a warm-up round).
    /// </summary>
    public void Stop(List<(double Process, double Broker, double AllocatedMb)>? into) =>
        into?.Add((
            (Environment.CpuUsage.TotalTime - _process).TotalMilliseconds,
            (_broker.BrokerCpuSeconds - _brokerSeconds) * 1000,
            (GC.GetTotalAllocatedBytes() - _allocated) / 1e6));

    /// <summary>Mean of each column, rounded (ms, ms, 0.1 MB).</summary>
    public static (double Process, double Broker, double AllocatedMb) Mean(List<(double Process, double Broker, double AllocatedMb)> bursts)
    {
        ArgumentNullException.ThrowIfNull(bursts);
        if (bursts.Count == 0)
        {
            return (0, 0, 0);
        }

        double p = 0;
        double b = 0;
        double a = 0;
        foreach ((double process, double broker, double allocated) in bursts)
        {
            p += process;
            b += broker;
            a += allocated;
        }

        return (Math.Round(p / bursts.Count), Math.Round(b / bursts.Count), Math.Round(a / bursts.Count, 1));
    }
}
