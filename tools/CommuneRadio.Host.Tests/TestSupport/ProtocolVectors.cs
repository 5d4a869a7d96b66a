using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CommuneRadio.Host.Tests.TestSupport;

/// <summary>
/// The shared signature vectors, read from docs/protocol-vectors.json in the repository (the folder holding
/// CommuneRadio.sln, found upwards from the test binaries). A missing or unreadable file fails the test.
/// </summary>
public static class ProtocolVectors
{
    private static readonly Lazy<IReadOnlyList<ProtocolVector>> Loaded = new(Load);

    /// <summary>Every vector, in file order.</summary>
    public static IReadOnlyList<ProtocolVector> All => Loaded.Value;

    /// <summary>The payloads a station accepts.</summary>
    public static IEnumerable<ProtocolVector> Valid => All.Where(v => v.Accept);

    /// <summary>The tampered payloads a station refuses as bad-signature.</summary>
    public static IEnumerable<ProtocolVector> Tampered => All.Where(v => !v.Accept);

    /// <summary>The vector with a name.</summary>
    public static ProtocolVector Named(string name) => All.Single(v => v.Name == name);

    /// <summary>The key of an issuer: the key of the valid vectors whose body has that "iss".</summary>
    public static byte[] KeyOf(string issuer)
    {
        byte[][] keys = Valid.Where(v => IssuerOf(v.Body) == issuer).Select(v => v.Key).ToArray();
        if (keys.Length == 0 || keys.Any(k => !k.AsSpan().SequenceEqual(keys[0])))
        {
            throw new InvalidDataException("No single key for issuer " + issuer + " in " + FilePath);
        }

        return keys[0];
    }

    /// <summary>The decoded "iss" of a body.</summary>
    public static string IssuerOf(string body)
    {
        using JsonDocument doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("iss").GetString()!;
    }

    /// <summary>The vectors for a [DynamicData] source: one row per vector.</summary>
    public static IEnumerable<object[]> Rows(IEnumerable<ProtocolVector> vectors) => vectors.Select(v => new object[] { v.Name });

    /// <summary>Absolute path of the vectors file.</summary>
    public static string FilePath => Path.Combine(RepoRoot(), "docs", "protocol-vectors.json");

    private static IReadOnlyList<ProtocolVector> Load()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(FilePath));
        List<ProtocolVector> list = new();
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            list.Add(new ProtocolVector(
                v.GetProperty("name").GetString()!,
                v.GetProperty("topic").GetString()!,
                Convert.FromHexString(v.GetProperty("key").GetString()!),
                v.GetProperty("body").GetString()!,
                v.GetProperty("sig").GetString()!,
                v.GetProperty("envelope").GetString()!,
                v.GetProperty("compact").GetBoolean(),
                v.GetProperty("accept").GetBoolean(),
                v.TryGetProperty("tampered_from", out JsonElement from) ? from.GetString() : null));
        }

        return list;
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommuneRadio.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No CommuneRadio.sln above " + AppContext.BaseDirectory);
    }
}
