using System.Collections.Generic;
using System.Text.Json;

namespace CommuneRadio.Server.Api;

/// <summary>A machine-readable refusal: <c>{"error":"out-of-scope","detail":"…"}</c>.</summary>
/// <param name="Error">Reason code.</param>
/// <param name="Detail">What to do about it.</param>
public sealed record ApiError(string Error, string Detail);
