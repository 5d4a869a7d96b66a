using System;
using System.Security.Cryptography;
using System.Text;

namespace CommuneRadio.Host.Fleet;

/*
 * Per-province station keys (docs/security.md, protocol §4.2). An issuer's key in a fleet or keyring file is its
 * master key; it never goes to a station. A station of province P holds, under the issuer's name, the key
 *
 *   key(issuer, P) = HMAC-SHA256(master key, UTF-8 "commune-radio/v1/province/" + P)        32 bytes
 *
 *   master 000102…1f, province "ha-tinh"  >>  key(issuer, "ha-tinh") = HMAC-SHA256(000102…1f, "commune-radio/v1/province/ha-tinh")
 *
 * so what one station's flash gives away signs only for stations of its own province: a command to a station of
 * another province needs that province's key, which is HMAC of the master key and cannot be computed from any
 * other province's key. The station verifies with its key as with any other (no new crypto on the device);
 * the signers (radioctl, the fleet server) derive the key of the addressee's province and send a command that
 * spans provinces once per province (CommandIssuer.CreateAll).
 */

/// <summary>Derives the key a station of one province holds for an issuer (spec block above).</summary>
public static class ProvinceKeys
{
    /// <summary>The derivation label before the province slug.</summary>
    public const string Label = "commune-radio/v1/province/";

    /// <summary>The key stations of <paramref name="province"/> hold for the issuer whose master key is <paramref name="master"/>.</summary>
    /// <exception cref="ArgumentException">The master key is not 32 bytes or the province is not a token.</exception>
    public static byte[] Derive(byte[] master, string province)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(province);
        if (master.Length != 32)
        {
            throw new ArgumentException("An issuer key is 32 bytes, not " + master.Length + ".", nameof(master));
        }

        if (!FleetIssuer.Token.IsMatch(province))
        {
            throw new ArgumentException($"province '{province}' is not a token (1-48 of a-z A-Z 0-9 . _ - :)", nameof(province));
        }

        return HMACSHA256.HashData(master, Encoding.UTF8.GetBytes(Label + province));
    }

    /// <summary>The same as <see cref="Derive"/> in 64 lowercase hex digits (the form of configuration and keyring files).</summary>
    public static string DeriveHex(string masterHex, string province)
    {
        ArgumentNullException.ThrowIfNull(masterHex);
        if (masterHex.Length != 64)
        {
            throw new FormatException($"a key is 64 hex digits, not {masterHex.Length} characters");
        }

        return Convert.ToHexStringLower(Derive(Convert.FromHexString(masterHex), province));
    }
}
