using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Npgsql;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// A throw-away PostgreSQL cluster for tests and <c>radioctl serve bench</c>: <c>initdb</c> into a temporary
/// directory, <c>pg_ctl</c> on a free loopback port (127.0.0.1 only, its unix socket in that directory, trust
/// authentication for the one local user <c>radioctl</c>), stopped and deleted on Dispose. PostgreSQL refuses to
/// run as root, so as root the cluster belongs to the <c>postgres</c> user (made by Debian's package) and each
/// program runs through <c>runuser -u postgres --</c>. Binaries: <c>CR_PG_BIN</c>, PATH, or the newest
/// <c>/usr/lib/postgresql/*/bin</c> (Debian: <c>apt-get install postgresql</c>); missing ones are an error, never a skip.
/// </summary>
public sealed class TemporaryPostgres : IAsyncDisposable
{
    private const string User = "radioctl";
    private readonly string _bin;
    private readonly string? _runAs;

    private TemporaryPostgres(string bin, string? runAs, string directory)
    {
        _bin = bin;
        _runAs = runAs;
        Directory = directory;
    }

    /// <summary>The cluster's directory (data/, postgres.log, the unix socket).</summary>
    public string Directory { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Whether the server runs.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Creates and starts a cluster; throws <see cref="FileNotFoundException"/> when PostgreSQL is not installed.</summary>
    public static async Task<TemporaryPostgres> StartAsync()
    {
        string bin = FindBin();
        string? runAs = geteuid() == 0 ? "postgres" : null;
        string dir = System.IO.Directory.CreateTempSubdirectory("cr-postgres-").FullName;
        var pg = new TemporaryPostgres(bin, runAs, dir);
        try
        {
            if (runAs is not null)
            {
                await RunAsync("chown", new[] { runAs, dir }, null).ConfigureAwait(false);
            }

            await pg.RunPgAsync("initdb", "-D", pg.DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale").ConfigureAwait(false);
            for (int attempt = 1; ; attempt++)
            {
                pg.Port = FreePort();
                try
                {
                    await pg.StartServerAsync().ConfigureAwait(false);
                    return pg;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // The free port was taken between probe and bind: try another.
                }
            }
        }
        catch
        {
            await pg.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database, Timeout = 5 }.ToString();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var db = new NpgsqlConnection(ConnectionString());
        await db.OpenAsync().ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", string.Empty, StringComparison.Ordinal)}\"", db);
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Stops the server (fast shutdown: connections are cut) and keeps the cluster for <see cref="StartServerAsync"/>.</summary>
    public async Task StopServerAsync()
    {
        if (IsRunning)
        {
            IsRunning = false;
            NpgsqlConnection.ClearAllPools();
            await RunPgAsync("pg_ctl", "stop", "-D", DataDirectory, "-m", "fast", "-w").ConfigureAwait(false);
        }
    }

    /// <summary>Starts the server on <see cref="Port"/> and waits until it accepts connections.</summary>
    public async Task StartServerAsync()
    {
        await RunPgAsync(
            "pg_ctl", "start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(Directory, "postgres.log"),
            "-o", $"-p {Port} -k {Directory} -c listen_addresses=127.0.0.1 -c max_connections=40").ConfigureAwait(false);
        IsRunning = true;
    }

    /// <summary>The server's log so far, for failure messages.</summary>
    public string ReadLog()
    {
        string path = Path.Combine(Directory, "postgres.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    /// <summary>Stops the server and deletes the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }

    private string DataDirectory => Path.Combine(Directory, "data");

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static string FindBin()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("CR_PG_BIN") is { Length: > 0 } env)
        {
            candidates.Add(env);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (System.IO.Directory.Exists("/usr/lib/postgresql"))
        {
            // Debian keeps each major version apart and puts none of its server programs on PATH.
            candidates.AddRange(System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0).Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new FileNotFoundException("PostgreSQL's initdb and pg_ctl were not found (CR_PG_BIN, PATH, /usr/lib/postgresql/*/bin). Debian: apt-get install postgresql; tools/scripts/test installs it when run as root.", "initdb");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Task RunPgAsync(string program, params string[] args) =>
        _runAs is null
            ? RunAsync(Path.Combine(_bin, program), args, Directory)
            : RunAsync("runuser", new[] { "-u", _runAs, "--", Path.Combine(_bin, program) }.Concat(args).ToArray(), Directory);

    private static async Task RunAsync(string program, string[] args, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? string.Empty };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(" ", args)} exited {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
