using System.Collections.Generic;
using System.Text.Json;

namespace CommuneRadio.Server.Api;

/// <summary>An emergency for a scope, <c>POST /api/emergency/start</c> and <c>/stop</c>.</summary>
/// <param name="Scope">Addressee, <c>g/{group}</c> or <c>st/{id}</c>.</param>
/// <param name="DurationSeconds">Start only: how long (default 600).</param>
/// <param name="Lines">Start only: speaker lines (default 0–3).</param>
/// <param name="Source">Start only: audio source (default 0).</param>
/// <param name="TimeoutSeconds">How long to wait for results (default 10).</param>
public sealed record EmergencyRequest(string Scope, int? DurationSeconds, int[]? Lines, int? Source, int? TimeoutSeconds);
