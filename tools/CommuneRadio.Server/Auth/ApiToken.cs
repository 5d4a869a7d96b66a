using System;
using System.Security.Cryptography;
using System.Text;

namespace CommuneRadio.Server.Auth;

/// <summary>
/// One API token as the tokens file holds it: a name (for the audit log), a role, a scope (a group of protocol
/// §1 naming: <c>com.ha-tinh.an-binh</c>, <c>x.district-ky-anh</c>, <c>prov.ha-tinh</c>, <c>vn</c>) and the
/// SHA-256 of the secret (the secret itself is shown once, when the token is made, and never stored).
/// </summary>
public sealed class ApiToken
{
    /// <summary>Commune operator: reads and schedules its commune.</summary>
    public const string Commune = "commune";

    /// <summary>District engineer: reads its stations, runs status, self-tests and safe settings.</summary>
    public const string District = "district";

    /// <summary>Province: everything for its province, emergencies included.</summary>
    public const string Province = "province";

    /// <summary>National: everything, everywhere.</summary>
    public const string National = "national";

    /// <summary>Token name (who), e.g. "an-binh-operator".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><see cref="Commune"/>, <see cref="District"/>, <see cref="Province"/> or <see cref="National"/>.</summary>
    public string Role { get; set; } = Commune;

    /// <summary>The group whose member stations it may read and command (ignored for national).</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>Lowercase hex SHA-256 of the secret.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Lowercase hex SHA-256 of a secret as sent in <c>Authorization: Bearer</c>.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new random secret: "crt_" and 43 base64url characters (32 bytes).</summary>
    public static string NewSecret() =>
        "crt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Whether this role may send <paramref name="cmd"/> (protocol §3.2) at all; the scope is checked apart.
    /// Emergencies: province and national. Key rotation and time beacons: national only (keys are the national
    /// centre's business on a shared server). Application updates (<c>update.*</c>, protocol §8) are no console
    /// command for any role: they are pushed by <c>radioctl update push</c> with a key that holds the update right.
    /// </summary>
    public bool MaySend(string cmd) => !cmd.StartsWith("update.", StringComparison.Ordinal) && Role switch
    {
        National => true,
        Province => cmd != "key.rotate",
        District => cmd is "status" or "relay.selftest" or "config.set",
        Commune => cmd is "schedule.add" or "schedule.replace" or "schedule.remove" or "schedule.sync" or "play" or "stop" or "status",
        _ => false,
    };
}
