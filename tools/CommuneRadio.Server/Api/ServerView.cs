using System.Collections.Generic;
using System.Text.Json;

namespace CommuneRadio.Server.Api;

/// <summary>The server's own state, <c>GET /api/server</c>.</summary>
/// <param name="BrokerConnected">MQTT connection up.</param>
/// <param name="SchemaVersion">Database schema version.</param>
/// <param name="Pending">Messages waiting in the write buffer.</param>
/// <param name="Capacity">Buffer capacity.</param>
/// <param name="Written">Messages written since start.</param>
/// <param name="WriteFailures">Failed write attempts (each retried).</param>
/// <param name="LastError">Last write error.</param>
/// <param name="Dropped">Messages dropped because the buffer stayed full, by kind.</param>
public sealed record ServerView(bool BrokerConnected, int SchemaVersion, int Pending, int Capacity, long Written, long WriteFailures, string? LastError, IReadOnlyDictionary<string, long> Dropped);
