using System.Collections.Generic;
using System.Text.Json;

namespace CommuneRadio.Server.Api;

/// <summary>A command to send, <c>POST /api/commands</c>.</summary>
/// <param name="To">Addressee, <c>st/{id}</c> or <c>g/{group}</c>.</param>
/// <param name="Cmd">Command name (protocol §3.2).</param>
/// <param name="Args">Arguments object (protocol §3.2); empty when none.</param>
/// <param name="TimeoutSeconds">How long to wait for results (default 10, at most 120).</param>
public sealed record CommandRequest(string To, string Cmd, JsonElement? Args, int? TimeoutSeconds);
