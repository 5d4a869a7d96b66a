using CommuneRadio.Server.Auth;
using CommuneRadio.Server.Commands;
using CommuneRadio.Server.Ingest;

namespace CommuneRadio.Server.Api;

/// <summary>What the HTTP handlers use.</summary>
/// <param name="Scope">Scope rules over the fleet.</param>
/// <param name="Tokens">API tokens.</param>
/// <param name="Db">The database, behind its write buffer.</param>
/// <param name="Commands">The command service.</param>
/// <param name="Ingest">The MQTT ingest (connection state, counters).</param>
public sealed record ApiContext(FleetScope Scope, TokenFile Tokens, WriteBuffer Db, CommandService Commands, FleetIngest Ingest);
