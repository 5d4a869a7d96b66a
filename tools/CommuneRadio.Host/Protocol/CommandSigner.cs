/*
 * Signed command payloads, host side. Spec: docs/protocol.md §3.1 (envelope) and §4.1 (signature);
 * shared vectors: docs/protocol-vectors.json.
 *
 *   body      {"v":1,"id":"c-1","iss":"com.ht.ab","to":"g/com.ht.ab","iat":1763850000,"exp":1763850600,"ctr":17,"cmd":"stop","args":{}}
 *   sig       hex(HMAC-SHA256(key(iss), body bytes))      64 lowercase hex digits
 *   envelope  {"body":<body bytes>,"sig":"<sig>"}
 *
 * The MAC covers the body's bytes exactly as they are sent, from its '{' to its matching '}': nothing is
 * re-serialised on either side, so whitespace, member order and escapes are part of what is signed
 * ("v": 1 and "v":1 have different signatures). This file is written independently of the firmware
 * Core's Json and Signature classes, on System.Text.Json and .NET's HMACSHA256, so that the shared
 * vectors test two implementations against each other.
 */

using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CommuneRadio.Host.Protocol;

/// <summary>
/// Writes, signs, reads and verifies command payloads for host tools (radioctl, server scripts,
/// simulators). See the spec block at the top of this file.
/// </summary>
public static class CommandSigner
{
    /// <summary>Length of an issuer key in bytes (§4.1).</summary>
    public const int KeyBytes = 32;

    /// <summary>Length of a signature in hex characters.</summary>
    public const int SignatureChars = 64;

    /// <summary>
    /// The body as compact JSON with the members in the order v, id, iss, to, iat, exp, ctr, cmd, args.
    /// Strings are escaped by <see cref="Utf8JsonWriter"/>'s default encoder (v1 values are ASCII tokens, which
    /// it leaves as they are); <see cref="CommandBody.Args"/> is copied verbatim.
    /// </summary>
    /// <exception cref="ArgumentException">Args is not one JSON object.</exception>
    public static byte[] SerializeBody(CommandBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[] args = Encoding.UTF8.GetBytes(body.Args);
        RequireObject(args, nameof(body));
        ArrayBufferWriter<byte> buffer = new ArrayBufferWriter<byte>();
        using (Utf8JsonWriter w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("v", body.V);
            w.WriteString("id", body.Id);
            w.WriteString("iss", body.Iss);
            w.WriteString("to", body.To);
            w.WriteNumber("iat", body.Iat);
            w.WriteNumber("exp", body.Exp);
            w.WriteNumber("ctr", body.Ctr);
            w.WriteString("cmd", body.Cmd);
            w.WritePropertyName("args");
            w.WriteRawValue(args, skipInputValidation: false);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The signature of exact body bytes: lowercase hex of HMAC-SHA256 under <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static string SignatureOf(ReadOnlySpan<byte> bodyBytes, byte[] key)
    {
        RequireKey(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, bodyBytes));
    }

    /// <summary>The signed payload of <paramref name="body"/>: <c>{"body":…,"sig":"…"}</c> around <see cref="SerializeBody"/>.</summary>
    public static byte[] Sign(CommandBody body, byte[] key)
    {
        return SignBody(SerializeBody(body), key);
    }

    /// <summary>
    /// Signs body bytes written by the caller (any whitespace or member order) and wraps them unchanged as
    /// <c>{"body":&lt;bodyBytes&gt;,"sig":"…"}</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The bytes are not one JSON object from '{' to '}', or the key is not 32 bytes.</exception>
    public static byte[] SignBody(ReadOnlySpan<byte> bodyBytes, byte[] key)
    {
        // The signed span runs from '{' to '}': surrounding whitespace would be sent but not signed.
        if (bodyBytes.IsEmpty || bodyBytes[0] != (byte)'{' || bodyBytes[^1] != (byte)'}')
        {
            throw new ArgumentException("A body starts with '{' and ends with '}'.", nameof(bodyBytes));
        }

        RequireObject(bodyBytes, nameof(bodyBytes));
        string sig = SignatureOf(bodyBytes, key);
        ArrayBufferWriter<byte> buffer = new ArrayBufferWriter<byte>(bodyBytes.Length + SignatureChars + 20);
        using (Utf8JsonWriter w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("body");
            w.WriteRawValue(bodyBytes, skipInputValidation: true);
            w.WriteString("sig", sig);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Finds the raw body and the signature of a payload without re-serialising anything: the payload must be
    /// one object with exactly the members "body" (an object) and "sig" (a string without escapes, as the
    /// station requires), in either order. <paramref name="body"/> is the range of the body's bytes in
    /// <paramref name="payload"/>, '{' to '}' inclusive. Structure only: the station also checks UTF-8, depth
    /// and the body's members.
    /// <code>
    /// { "sig" : "42f7…" , "body" : {"v":1,…} }   >>  payload[body] = {"v":1,…}   sigHex = "42f7…"
    /// </code>
    /// </summary>
    public static bool TryReadEnvelope(ReadOnlySpan<byte> payload, out Range body, out string sigHex)
    {
        body = default;
        sigHex = string.Empty;
        bool haveBody = false;
        bool haveSig = false;
        try
        {
            Utf8JsonReader r = new Utf8JsonReader(payload);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (!haveBody && r.ValueTextEquals("body"u8))
                {
                    if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
                    {
                        return false;
                    }

                    int start = checked((int)r.TokenStartIndex);
                    r.Skip();
                    body = start..checked((int)r.BytesConsumed);
                    haveBody = true;
                }
                else if (!haveSig && r.ValueTextEquals("sig"u8))
                {
                    if (!r.Read() || r.TokenType != JsonTokenType.String || r.ValueIsEscaped)
                    {
                        return false;
                    }

                    sigHex = r.GetString() ?? string.Empty;
                    haveSig = true;
                }
                else
                {
                    // An unknown member, or "body"/"sig" given twice.
                    return false;
                }
            }

            // The reader throws on anything but whitespace after the outer object.
            return r.TokenType == JsonTokenType.EndObject && !r.Read() && haveBody && haveSig;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="payload"/> is an envelope whose "sig" is the 64-digit lowercase hex MAC of its
    /// raw body under <paramref name="key"/>. Compares in constant time.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> payload, byte[] key)
    {
        RequireKey(key);
        if (!TryReadEnvelope(payload, out Range body, out string sigHex) || !IsLowerHex(sigHex, SignatureChars))
        {
            return false;
        }

        byte[] expected = HMACSHA256.HashData(key, payload[body]);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(sigHex));
    }

    private static bool IsLowerHex(string text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c) && (c < 'a' || c > 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException("An issuer key is " + KeyBytes + " bytes, not " + key.Length + ".", nameof(key));
        }
    }

    private static void RequireObject(ReadOnlySpan<byte> json, string parameter)
    {
        if (!IsOneObject(json))
        {
            throw new ArgumentException("Expected exactly one JSON object.", parameter);
        }
    }

    private static bool IsOneObject(ReadOnlySpan<byte> json)
    {
        try
        {
            Utf8JsonReader r = new Utf8JsonReader(json);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            r.Skip();
            return !r.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
