using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Security;
using CommuneRadio.Server.Api;
using CommuneRadio.Server.Commands;
using CommuneRadio.Server.WebConsole;
using CommuneRadio.Server.Ingest;
using CommuneRadio.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommuneRadio.Server;

/// <summary>
/// The fleet server of <c>radioctl serve</c> (docs/server.md): the database behind a write buffer, the MQTT
/// ingest, the command service and the HTTP API, started and stopped together.
/// </summary>
public sealed class FleetServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FleetIngest _ingest;
    private readonly WriteBuffer _buffer;
    private readonly IFleetStore _store;
    private bool _stopped;

    private FleetServer(WebApplication app, FleetIngest ingest, WriteBuffer buffer, IFleetStore store)
    {
        _app = app;
        _ingest = ingest;
        _buffer = buffer;
        _store = store;
    }

    /// <summary>The HTTP address it listens on (with the actual port).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The write buffer (counters for the API and tests).</summary>
    public WriteBuffer Buffer => _buffer;

    /// <summary>Opens the database, connects to the broker, subscribes and starts serving HTTP.</summary>
    public static async Task<FleetServer> StartAsync(FleetServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        IFleetStore store = OpenStore(options);
        var buffer = new WriteBuffer(store, options.BufferCapacity);
        var ingest = new FleetIngest(options.Fleet.Prefix, buffer);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "CommuneRadio.Server" });
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CommuneRadio fleet server";
            document.Info.Version = "v1";
            document.Info.Description = "radioctl serve (docs/server.md). Every /api call needs Authorization: Bearer <token>; refusals are {\"error\",\"detail\"}.";
            return Task.CompletedTask;
        }));
        // Requests the framework refuses itself (a body that is not JSON, a missing body) get a problem+json body too.
        builder.Services.AddProblemDetails();
        WebApplication app = builder.Build();
        app.UseStatusCodePages();
        var commands = new CommandService(new Auth.FleetScope(options.Fleet), options.Keyring, ingest.Client, buffer);
        ingest.Received += commands.OnStationMessage;
        var server = new FleetServer(app, ingest, buffer, store);
        var api = new ApiContext(new Auth.FleetScope(options.Fleet), options.Tokens, buffer, commands, ingest);
        ApiEndpoints.Map(app, api);
        ConsoleEndpoints.Map(app, api);
        ConsoleAssets.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        try
        {
            options.Broker.ClientId = options.ClientId;
            await ingest.StartAsync(options.Broker, cancellationToken).ConfigureAwait(false);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    /// <summary>Opens the database of <paramref name="options"/>: PostgreSQL when a connection string is given, else SQLite under the data directory.</summary>
    public static IFleetStore OpenStore(FleetServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PostgresConnectionString is { Length: > 0 } pg
            ? PostgresFleetStore.Open(pg)
            : SqliteFleetStore.Open(Path.Combine(options.DataDirectory, "fleet.db"));
    }

    /// <summary>
    /// Stops as a crash would (for tests): the MQTT socket closes first without DISCONNECT, so nothing in hand
    /// is acknowledged, then the buffer is abandoned unwritten.
    /// </summary>
    public async Task KillAsync()
    {
        _stopped = true;
        await _ingest.AbortAsync().ConfigureAwait(false);
        await _buffer.AbandonAsync().ConfigureAwait(false);
        await _ingest.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }

    /// <summary>Clean stop: HTTP, then MQTT (DISCONNECT), then the buffer is written out, then the database closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync().ConfigureAwait(false);
        await _ingest.DisposeAsync().ConfigureAwait(false);
        await _buffer.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }
}
