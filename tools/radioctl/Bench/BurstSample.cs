namespace CommuneRadio.Cli.Bench;

/// <summary>One burst's cost (or a mean of several): CPU ms of radioctl and Mosquitto, MB allocated, GC pause ms and collections (any generation) inside it.</summary>
/// <param name="ProcessMs">CPU of this process, ms.</param>
/// <param name="BrokerMs">CPU of Mosquitto, ms.</param>
/// <param name="AllocatedMb">Bytes allocated by this process, MB.</param>
/// <param name="GcPauseMs">Time this process was paused by the GC, ms.</param>
/// <param name="Collections">Garbage collections that started (gen 0 count, which every collection increments).</param>
public readonly record struct BurstSample(double ProcessMs, double BrokerMs, double AllocatedMb, double GcPauseMs, double Collections);
