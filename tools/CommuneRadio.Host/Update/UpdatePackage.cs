using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Host.Update;

/// <summary>
/// An application update as the stations receive it (docs/protocol.md §8): the <c>.pe</c> files of a build
/// directory, a version and a chunk size, and the arguments of <c>update.begin</c>, <c>update.chunk</c> and
/// <c>update.commit</c>. The image MAC depends on the key the stations verify it with (an issuer's key as one
/// province's stations hold it), so <see cref="BeginArgs"/> takes that key; it is computed by the Core's own
/// <see cref="ImageChain"/>, the code the stations run.
/// <code>
/// var package = UpdatePackage.FromDirectory("bin/Release", "1.4.0");
/// package.BeginArgs(provinceKey)  >> {"version":"1.4.0","files":[{"name":"CommuneRadio.Core.pe","size":48213},…],"chunk":4096,"mac":"9f…"}
/// package.ChunkArgs(0, 4096)      >> {"version":"1.4.0","file":0,"offset":4096,"data":"TVqQ…"}
/// </code>
/// </summary>
public sealed class UpdatePackage
{
    /// <summary>The default chunk: 4 KiB, a signed chunk command of about 6 KB.</summary>
    public const int DefaultChunkSize = 4096;

    private UpdatePackage(string version, int chunkSize, IReadOnlyList<string> names, IReadOnlyList<byte[]> contents)
    {
        Version = version;
        ChunkSize = chunkSize;
        Names = names;
        Contents = contents;
    }

    /// <summary>The version being installed.</summary>
    public string Version { get; }

    /// <summary>Bytes per chunk.</summary>
    public int ChunkSize { get; }

    /// <summary>File names in transfer order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>File contents, by index of <see cref="Names"/>.</summary>
    public IReadOnlyList<byte[]> Contents { get; }

    /// <summary>Total bytes.</summary>
    public long TotalBytes => Contents.Sum(c => (long)c.Length);

    /// <summary>Every chunk in transfer order: file index and offset.</summary>
    public IReadOnlyList<(int File, int Offset)> Chunks =>
        Enumerable.Range(0, Names.Count).SelectMany(f => Enumerable.Range(0, (Contents[f].Length + ChunkSize - 1) / ChunkSize).Select(i => (f, i * ChunkSize))).ToList();

    /// <summary>
    /// The <c>.pe</c> files of <paramref name="directory"/> (ordinal name order), as the manifest allows them.
    /// </summary>
    /// <exception cref="InvalidDataException">No <c>.pe</c> file, too many, a name or size the stations refuse, a bad version or chunk size.</exception>
    public static UpdatePackage FromDirectory(string directory, string version, int chunkSize = DefaultChunkSize)
    {
        string[] paths = Directory.GetFiles(directory, "*.pe").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToArray();
        if (paths.Length == 0)
        {
            throw new InvalidDataException($"{directory}: no .pe files (build the application and point at its bin/Release folder)");
        }

        var package = new UpdatePackage(version, chunkSize, paths.Select(Path.GetFileName).ToArray()!, paths.Select(File.ReadAllBytes).ToArray());
        string? fault = package.Manifest(new byte[32]).Check();
        if (fault is not null)
        {
            throw new InvalidDataException(fault switch
            {
                "args.version" => $"version '{version}': 1–{UpdateManifest.MaxVersionLength} letters, digits, '.', '-' or '_'",
                "args.chunk" => $"chunk size {chunkSize}: {UpdateManifest.MinChunkSize}–{UpdateManifest.MaxChunkSize} bytes",
                _ => $"{directory}: at most {UpdateManifest.MaxFiles} files of at most {UpdateManifest.MaxFileSize:N0} bytes, names of letters, digits, '.', '-' or '_' (at most {UpdateManifest.MaxNameLength})",
            });
        }

        return package;
    }

    /// <summary>The manifest with the image MAC under <paramref name="stationKey"/>.</summary>
    public UpdateManifest Manifest(byte[] stationKey)
    {
        ArgumentNullException.ThrowIfNull(stationKey);
        var chain = new ImageChain();
        byte[] link = ImageChain.Start(stationKey, Version);
        foreach ((int file, int offset) in Chunks)
        {
            link = chain.Next(stationKey, link, file, offset, Contents[file], offset, Length(file, offset));
        }

        return new UpdateManifest
        {
            Version = Version,
            Names = Names.ToArray(),
            Sizes = Contents.Select(c => c.Length).ToArray(),
            ChunkSize = ChunkSize,
            ImageMac = link,
        };
    }

    /// <summary><c>update.begin</c>'s args for stations that hold <paramref name="stationKey"/>.</summary>
    public string BeginArgs(byte[] stationKey)
    {
        UpdateManifest m = Manifest(stationKey);
        var files = string.Join(",", Names.Select((n, i) => "{\"name\":\"" + n + "\",\"size\":" + Contents[i].Length.ToString(CultureInfo.InvariantCulture) + "}"));
        return "{\"version\":\"" + Version + "\",\"files\":[" + files + "],\"chunk\":" + ChunkSize.ToString(CultureInfo.InvariantCulture) + ",\"mac\":\"" + Hex.ToHex(m.ImageMac) + "\"}";
    }

    /// <summary><c>update.chunk</c>'s args for the chunk of <paramref name="file"/> at <paramref name="offset"/>.</summary>
    public string ChunkArgs(int file, int offset) =>
        "{\"version\":\"" + Version + "\",\"file\":" + file.ToString(CultureInfo.InvariantCulture) + ",\"offset\":" + offset.ToString(CultureInfo.InvariantCulture) +
        ",\"data\":\"" + Convert.ToBase64String(Contents[file], offset, Length(file, offset)) + "\"}";

    /// <summary><c>update.commit</c>'s args.</summary>
    public string CommitArgs() => "{\"version\":\"" + Version + "\"}";

    /// <summary>The length of the chunk at <paramref name="offset"/> of <paramref name="file"/>.</summary>
    public int Length(int file, int offset) => Math.Min(ChunkSize, Contents[file].Length - offset);

    /// <summary>A short description: version, files and sizes, chunks.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}: {Names.Count} files, {TotalBytes:N0} bytes, {Chunks.Count} chunks of {ChunkSize} bytes");
}
