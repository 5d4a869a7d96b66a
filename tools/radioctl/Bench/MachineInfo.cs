using System;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace CommuneRadio.Cli.Bench;

/// <summary>What the figures were measured on: cores, CPU, memory, OS, .NET, GC mode and open-file limits.</summary>
/// <param name="Cores">Logical processors this process may use.</param>
/// <param name="Cpu">CPU model from /proc/cpuinfo, or empty.</param>
/// <param name="MemoryGb">Memory available to the process, GB.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Gc">"server" or "workstation", and "concurrent" when background GC is on.</param>
/// <param name="FileLimit">This process's open-file soft limit.</param>
/// <param name="BrokerFileLimit">Mosquitto's open-file limit (0 when unknown).</param>
/// <param name="Broker">Mosquitto's version line from its log, or empty.</param>
/// <param name="Load">1-minute load average when the run started (other processes sharing the cores), or -1.</param>
public sealed record MachineInfo(int Cores, string Cpu, double MemoryGb, string Os, string Runtime, string Gc, long FileLimit, long BrokerFileLimit, string Broker, double Load)
{
    /// <summary>Collects the figures of this machine and of <paramref name="broker"/>.</summary>
    public static MachineInfo Collect(BenchBroker broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        string version = broker.Mosquitto.ReadLog().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("mosquitto version", StringComparison.Ordinal)) ?? string.Empty;
        int at = version.IndexOf("mosquitto version", StringComparison.Ordinal);
        return new MachineInfo(
            Environment.ProcessorCount,
            CpuModel(),
            Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode != GCLatencyMode.Batch ? ", concurrent" : string.Empty),
            Bench.FileLimit.Current().Soft,
            broker.BrokerFileLimit,
            at >= 0 ? version[at..].Replace(" starting", string.Empty, StringComparison.Ordinal) : string.Empty,
            LoadAverage());
    }

    /// <summary>One line for the text report.</summary>
    public override string ToString() =>
        $"{Cores} cores ({Cpu}), {MemoryGb} GB, {Os}, {Runtime}, {Gc} GC, load {Load}; open files: radioctl {FileLimit}, mosquitto {BrokerFileLimit}; {Broker}";

    /// <summary>Writes the figures as a JSON object.</summary>
    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("cores", Cores);
        json.WriteString("cpu", Cpu);
        json.WriteNumber("memory_gb", MemoryGb);
        json.WriteString("os", Os);
        json.WriteString("runtime", Runtime);
        json.WriteString("gc", Gc);
        json.WriteNumber("nofile", FileLimit);
        json.WriteNumber("broker_nofile", BrokerFileLimit);
        json.WriteString("broker", Broker);
        json.WriteNumber("load", Load);
        json.WriteEndObject();
    }

    private static double LoadAverage()
    {
        try
        {
            string first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static string CpuModel()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? string.Empty : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
