using System.Text.Json.Serialization;

namespace CommuneRadio.Server.Api;

/// <summary>
/// A machine-readable refusal: <c>{"error":"out-of-scope","detail":"…"}</c>; a refusal by the stations' Core before
/// sending also names the member and the station it was checked as:
/// <c>{"error":"invalid-time","detail":"…","field":"args.item.time","station":"ht-ab-001"}</c>.
/// </summary>
/// <param name="Error">Reason code.</param>
/// <param name="Detail">What to do about it.</param>
/// <param name="Field">The member at fault, when known.</param>
/// <param name="Station">The station the Core checked it as, when it was.</param>
public sealed record ApiError(
    string Error,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Station = null);
