using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace CommuneRadio.Server.Auth;

/*
 * The server's tokens file, spec: docs/server.md §Tokens. JSON, mode 0600:
 *
 *   {"version":1,"tokens":[{"name":"an-binh-operator","role":"commune","scope":"com.ha-tinh.an-binh","sha256":"<64 hex>"}]}
 *
 * Only hashes are stored: a stolen file does not give access. Names are unique (the audit log uses them).
 */

/// <summary>The API tokens of one server (spec block above).</summary>
public sealed class TokenFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Format version, 1.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The tokens.</summary>
    public List<ApiToken> Tokens { get; set; } = new();

    /// <summary>Reads <paramref name="path"/>; an absent file is an empty token list.</summary>
    /// <exception cref="InvalidDataException">Not a valid tokens file (the message says what is wrong).</exception>
    public static TokenFile Load(string path)
    {
        if (!File.Exists(path))
        {
            return new TokenFile();
        }

        TokenFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TokenFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a tokens file: {ex.Message}", ex);
        }

        if (file is null || file.Version != 1)
        {
            throw new InvalidDataException($"{path}: version must be 1");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ApiToken t in file.Tokens)
        {
            if (!names.Add(t.Name) || t.Name.Length == 0 || t.Sha256.Length != 64 ||
                t.Role is not (ApiToken.Commune or ApiToken.District or ApiToken.Province or ApiToken.National) ||
                (t.Role != ApiToken.National && t.Scope.Length == 0))
            {
                throw new InvalidDataException($"{path}: token '{t.Name}': a unique name, role commune|district|province|national, a scope group (except national) and a 64-hex sha256 are required");
            }
        }

        return file;
    }

    /// <summary>Adds a token and returns its secret (shown once).</summary>
    public string Add(string name, string role, string scope)
    {
        if (Tokens.Exists(t => t.Name == name))
        {
            throw new ArgumentException($"a token named '{name}' exists", nameof(name));
        }

        string secret = ApiToken.NewSecret();
        Tokens.Add(new ApiToken { Name = name, Role = role, Scope = scope, Sha256 = ApiToken.HashOf(secret) });
        return secret;
    }

    /// <summary>The token whose hash is that of <paramref name="secret"/>, or null.</summary>
    public ApiToken? Find(string secret)
    {
        string hash = ApiToken.HashOf(secret);
        return Tokens.Find(t => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(t.Sha256), System.Text.Encoding.ASCII.GetBytes(hash)));
    }

    /// <summary>Writes the file, mode 0600 on Unix.</summary>
    public void Save(string path)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, JsonSerializer.Serialize(this, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
