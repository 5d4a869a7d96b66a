using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// The local Mosquitto of the benchmarks, on 127.0.0.1 (a free port), anonymous, tuned for thousands of
/// connections and for one server client that receives a result from every station at once:
/// <code>
/// max_connections -1          no connection cap on the listener
/// max_queued_messages 0       never drop QoS 1 messages queued for a slow client (the sender's 5,000 results)
/// max_inflight_messages 0     no cap on unacknowledged QoS 1 messages per client
/// </code>
/// Each connection is a descriptor, so Mosquitto is started through a small shell wrapper that raises its
/// open-file limit first (<c>ulimit -n WANTED || ulimit -n $(ulimit -Hn); exec mosquitto "$@"</c>) and writes the
/// limit it got to <c>nofile</c> in the broker's directory (<see cref="BrokerFileLimit"/>).
/// </summary>
public sealed class BenchBroker : IAsyncDisposable
{
    private const string Tuning = "max_connections -1\nmax_queued_messages 0\nmax_inflight_messages 0";
    private readonly string _scriptDirectory;

    private BenchBroker(MosquittoBroker mosquitto, string scriptDirectory)
    {
        Mosquitto = mosquitto;
        _scriptDirectory = scriptDirectory;
    }

    /// <summary>The running broker (kill and restart it with its StopAsync / RestartAsync).</summary>
    public MosquittoBroker Mosquitto { get; }

    /// <summary>The open-file limit Mosquitto runs with (written by the wrapper at each start), or 0 when unknown.</summary>
    public long BrokerFileLimit
    {
        get
        {
            string path = Path.Combine(Mosquitto.WorkingDirectory, "nofile");
            return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : 0;
        }
    }

    /// <summary>
    /// CPU time Mosquitto has used since it was (re)started, seconds (user + system, from /proc/PID/stat at
    /// 100 ticks per second), or 0 when unknown. Mosquitto is single-threaded: 1 s per second is a full core.
    /// </summary>
    public double BrokerCpuSeconds
    {
        get
        {
            try
            {
                string pid = File.ReadAllText(Path.Combine(Mosquitto.WorkingDirectory, "mosquitto.pid")).Trim();
                string stat = File.ReadAllText($"/proc/{pid}/stat");

                // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
                string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
            {
                return 0;
            }
        }
    }

    /// <summary>Mosquitto's resident memory (VmRSS from /proc/PID/status), bytes, or 0 when unknown.</summary>
    public long BrokerRssBytes
    {
        get
        {
            try
            {
                string pid = File.ReadAllText(Path.Combine(Mosquitto.WorkingDirectory, "mosquitto.pid")).Trim();
                foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        // "VmRSS:     5120 kB"
                        return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                return 0;
            }

            return 0;
        }
    }

    /// <summary>Path of Mosquitto's log file (connections are logged at the information level).</summary>
    public string LogPath => Path.Combine(Mosquitto.WorkingDirectory, "mosquitto.log");

    /// <summary>Descriptors wanted per process for <paramref name="connections"/> clients (plus files, pipes, a margin).</summary>
    public static long Wanted(int connections) => Math.Max(4096, (connections * 2L) + 1024);

    /// <summary>Starts the broker, sized for <paramref name="connections"/> clients.</summary>
    public static Task<BenchBroker> StartAsync(int connections, CancellationToken cancellationToken) => StartAsync(connections, null, cancellationToken);

    /// <summary>
    /// Starts the broker, sized for <paramref name="connections"/> clients; <paramref name="configure"/> adjusts the
    /// options after the tuning is set (a TLS listener, a bridge section appended to the extra configuration).
    /// </summary>
    public static async Task<BenchBroker> StartAsync(int connections, Action<MosquittoBrokerOptions>? configure, CancellationToken cancellationToken)
    {
        string mosquitto = MosquittoBroker.FindExecutable("mosquitto", "/usr/sbin", "/usr/local/sbin");
        string limit = Wanted(connections).ToString(CultureInfo.InvariantCulture);
        string scriptDirectory = Directory.CreateTempSubdirectory("radioctl-bench-").FullName;
        try
        {
            // The wrapper runs with the broker's directory as working directory; exec keeps the process id, so
            // killing the broker kills Mosquitto itself.
            string script = Path.Combine(scriptDirectory, "mosquitto.sh");
            await File.WriteAllTextAsync(
                script,
                "#!/bin/sh\n" +
                $"ulimit -n {limit} 2>/dev/null || ulimit -n \"$(ulimit -Hn)\" 2>/dev/null\n" +
                "ulimit -n > nofile\n" +
                "echo $$ > mosquitto.pid\n" +
                $"exec '{mosquitto}' \"$@\"\n",
                cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var options = new MosquittoBrokerOptions { ExecutablePath = script, ExtraConfiguration = Tuning, StartTimeout = TimeSpan.FromSeconds(20) };
            configure?.Invoke(options);
            MosquittoBroker broker = await MosquittoBroker.StartAsync(options, cancellationToken).ConfigureAwait(false);
            return new BenchBroker(broker, scriptDirectory);
        }
        catch
        {
            TryDelete(scriptDirectory);
            throw;
        }
    }

    /// <summary>Kills the broker and deletes its files and the wrapper.</summary>
    public ValueTask DisposeAsync()
    {
        Mosquitto.Dispose();
        TryDelete(_scriptDirectory);
        return ValueTask.CompletedTask;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
