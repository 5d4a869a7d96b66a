using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Npgsql;

namespace CommuneRadio.Server.Tests.TestSupport;

/// <summary>
/// An empty database of either kind for one test: a SQLite file in a temporary directory, or a new database on
/// the test run's PostgreSQL cluster (<see cref="TemporaryPostgres"/>, started on first use and stopped by
/// <c>AssemblyHooks</c>). Tests take the kind as a DataRow: <c>[DataRow("sqlite")] [DataRow("postgresql")]</c>.
/// A missing PostgreSQL fails the test.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TemporaryPostgres? _cluster;
    private static int _count;

    private TestDatabase(string kind, string directory, string? connectionString)
    {
        Kind = kind;
        Directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>"sqlite" or "postgresql".</summary>
    public string Kind { get; }

    /// <summary>A temporary directory (the SQLite file, the server's data).</summary>
    public string Directory { get; }

    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>The SQLite file.</summary>
    public string SqlitePath => Path.Combine(Directory, "fleet.db");

    /// <summary>The shared cluster (started when first asked for).</summary>
    public static async Task<TemporaryPostgres> ClusterAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _cluster ??= await TemporaryPostgres.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new empty database of <paramref name="kind"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(string kind)
    {
        string dir = System.IO.Directory.CreateTempSubdirectory("cr-store-").FullName;
        switch (kind)
        {
            case "sqlite":
                return new TestDatabase(kind, dir, null);
            case "postgresql":
                TemporaryPostgres cluster = await ClusterAsync();
                return new TestDatabase(kind, dir, await cluster.CreateDatabaseAsync("t" + Interlocked.Increment(ref _count) + "_" + Guid.NewGuid().ToString("N")[..8]));
            default:
                throw new ArgumentException("sqlite or postgresql", nameof(kind));
        }
    }

    /// <summary>Stops the shared cluster (end of the test run).</summary>
    public static async Task StopClusterAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    /// <summary>Opens the store on this database (running migrations).</summary>
    public IFleetStore Open() => ConnectionString is null ? SqliteFleetStore.Open(SqlitePath) : PostgresFleetStore.Open(ConnectionString);

    /// <summary>The server options' database part.</summary>
    public void Apply(FleetServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DataDirectory = Directory;
        options.PostgresConnectionString = ConnectionString;
    }

    /// <summary>Runs SQL on the database directly (behind the store's back).</summary>
    public void Execute(string sql) => Scalar(sql);

    /// <summary>Runs SQL and returns the first column of the first row.</summary>
    public object? Scalar(string sql)
    {
        if (ConnectionString is null)
        {
            using var db = new SqliteConnection($"Data Source={SqlitePath};Pooling=false");
            db.Open();
            using SqliteCommand cmd = db.CreateCommand();
            cmd.CommandText = sql;
            return cmd.ExecuteScalar();
        }

        using var pg = new NpgsqlConnection(ConnectionString);
        pg.Open();
        using var command = new NpgsqlCommand(sql, pg);
        return command.ExecuteScalar();
    }

    /// <summary>Deletes the directory (the PostgreSQL database goes with the cluster).</summary>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
