using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Mosquitto
{
    /// <summary>
    /// A private Mosquitto 2.x for tests and local tools: listens on free loopback ports only
    /// (127.0.0.1), with a generated mosquitto.conf in its own temporary directory, and is killed on
    /// Dispose. Optional TLS listener (generated CA + server certificate for 127.0.0.1 and
    /// localhost), password file (made with mosquitto_passwd) and ACL file. A missing mosquitto is
    /// an error, never a quiet skip: tests that need a broker must fail without one.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable, IAsyncDisposable
    {
        private const int StartAttempts = 3;
        private readonly MosquittoBrokerOptions _options;
        private readonly string _executable;
        private readonly StringBuilder _output = new StringBuilder();
        private Process? _process;

        private MosquittoBroker(MosquittoBrokerOptions options, string executable, string directory)
        {
            _options = options;
            _executable = executable;
            WorkingDirectory = directory;
        }

        /// <summary>Loopback address every listener is bound to.</summary>
        public string Host => "127.0.0.1";

        /// <summary>Plain MQTT port (0 when <see cref="MosquittoBrokerOptions.EnablePlainListener"/> is off).</summary>
        public int Port { get; private set; }

        /// <summary>TLS port, or null without <see cref="MosquittoBrokerOptions.EnableTls"/>.</summary>
        public int? TlsPort { get; private set; }

        /// <summary>CA that issued the server certificate (and can issue client certificates), or null without TLS.</summary>
        public TestCertificateAuthority? CertificateAuthority { get; private set; }

        /// <summary>Temporary directory with mosquitto.conf, certificates, password file and mosquitto.log.</summary>
        public string WorkingDirectory { get; }

        /// <summary>True while the mosquitto process runs.</summary>
        public bool IsRunning => _process is { HasExited: false };

        /// <summary>Process id of the running mosquitto (for /proc figures such as its resident memory), or null when stopped.</summary>
        public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

        /// <summary>Path of the generated configuration file.</summary>
        public string ConfigurationPath => Path.Combine(WorkingDirectory, "mosquitto.conf");

        /// <summary>Starts a broker; throws <see cref="FileNotFoundException"/> when mosquitto is not installed.</summary>
        public static async Task<MosquittoBroker> StartAsync(MosquittoBrokerOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new MosquittoBrokerOptions();
            string executable = options.ExecutablePath ?? FindExecutable("mosquitto", "/usr/sbin", "/usr/local/sbin");
            DirectoryInfo directory = options.WorkingDirectory is null
                ? Directory.CreateTempSubdirectory("commune-mosquitto-")
                : Directory.CreateDirectory(options.WorkingDirectory);
            var broker = new MosquittoBroker(options, executable, directory.FullName);
            try
            {
                broker.CertificateAuthority = MosquittoConfiguration.WriteSupportFiles(options, broker.WorkingDirectory);
                for (int attempt = 1; ; attempt++)
                {
                    broker.Port = options.EnablePlainListener ? options.Port ?? FindFreePort() : 0;
                    broker.TlsPort = options.EnableTls ? options.TlsPort ?? FindFreePort() : null;
                    MosquittoConfiguration.Write(options, broker.WorkingDirectory, broker.Port, broker.TlsPort);
                    try
                    {
                        await broker.LaunchAsync(cancellationToken).ConfigureAwait(false);
                        return broker;
                    }
                    catch (MosquittoStartException) when (attempt < StartAttempts)
                    {
                        // Another process took the free port between probe and bind: pick new ports.
                    }
                }
            }
            catch
            {
                broker.Dispose();
                throw;
            }
        }

        /// <summary>Finds an executable on PATH or in the extra directories; throws a clear error when absent.</summary>
        public static string FindExecutable(string name, params string[] extraDirectories)
        {
            ArgumentNullException.ThrowIfNull(extraDirectories);
            var candidates = new List<string>();
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                candidates.Add(Path.Combine(directory, name));
            }

            foreach (string directory in extraDirectories)
            {
                candidates.Add(Path.Combine(directory, name));
            }

            foreach (string candidate in candidates)
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException($"'{name}' was not found on PATH or in {string.Join(", ", extraDirectories)}. Install Mosquitto (Debian: apt-get install mosquitto) to run the broker tests.", name);
        }

        /// <summary>Client options for this broker: plain port, or the TLS port trusting the generated CA.</summary>
        public MqttClientOptions CreateClientOptions(string? clientId = null, bool useTls = false)
        {
            var options = new MqttClientOptions { Host = Host, Port = Port, ClientId = clientId ?? string.Empty };
            if (!useTls && !_options.EnablePlainListener)
            {
                throw new InvalidOperationException("This broker has no plain listener.");
            }

            if (useTls)
            {
                options.Port = TlsPort ?? throw new InvalidOperationException("This broker was started without TLS.");
                options.Tls = new MqttTlsOptions { Enabled = true, CaCertificate = CertificateAuthority!.Certificate };
            }

            return options;
        }

        /// <summary>Kills the broker (like a crash: no clean close) and keeps its ports for <see cref="RestartAsync"/>.</summary>
        public async Task StopAsync()
        {
            Process? process = _process;
            _process = null;
            if (process is null)
            {
                return;
            }

            using (process)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Stops the broker if running and starts it again on the same ports and configuration.</summary>
        public async Task RestartAsync(CancellationToken cancellationToken = default)
        {
            await StopAsync().ConfigureAwait(false);
            await LaunchAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>mosquitto's log file and console output so far, for failure messages.</summary>
        public string ReadLog()
        {
            string path = Path.Combine(WorkingDirectory, "mosquitto.log");
            string log = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            lock (_output)
            {
                return log + _output;
            }
        }

        /// <summary>Kills the broker and deletes its directory (unless it was given in <see cref="MosquittoBrokerOptions.WorkingDirectory"/>).</summary>
        public void Dispose()
        {
            StopAsync().GetAwaiter().GetResult();
            CertificateAuthority?.Dispose();
            if (_options.WorkingDirectory is not null)
            {
                return;
            }

            try
            {
                Directory.Delete(WorkingDirectory, true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; failing the test run for it is not.
            }
        }

        /// <summary>Kills the broker and deletes its directory.</summary>
        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private static int FindFreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task LaunchAsync(CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(_executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = WorkingDirectory,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(ConfigurationPath);
            var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => AppendOutput(e.Data);
            process.ErrorDataReceived += (_, e) => AppendOutput(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;

            var ports = new List<int>();
            if (_options.EnablePlainListener)
            {
                ports.Add(Port);
            }

            if (TlsPort is { } tlsPort)
            {
                ports.Add(tlsPort);
            }

            var stopwatch = Stopwatch.StartNew();
            foreach (int port in ports)
            {
                while (!await CanConnectAsync(port, cancellationToken).ConfigureAwait(false))
                {
                    if (process.HasExited)
                    {
                        _process = null;
                        throw new MosquittoStartException($"mosquitto exited with code {process.ExitCode} before listening on 127.0.0.1:{port}.{Environment.NewLine}{ReadLog()}");
                    }

                    if (stopwatch.Elapsed > _options.StartTimeout)
                    {
                        await StopAsync().ConfigureAwait(false);
                        throw new TimeoutException($"mosquitto did not listen on 127.0.0.1:{port} within {_options.StartTimeout}.{Environment.NewLine}{ReadLog()}");
                    }

                    await Task.Delay(20, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private static async Task<bool> CanConnectAsync(int port, CancellationToken cancellationToken)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private void AppendOutput(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
