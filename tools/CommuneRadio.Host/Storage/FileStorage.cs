using System;
using System.IO;
using CommuneRadio.Core.Persistence;

namespace CommuneRadio.Host.Storage;

/// <summary>
/// <see cref="IStorage"/> on a directory of the host: one file per name under the station's data
/// directory (created on first write). A write goes to "name.tmp" first and is then renamed over the
/// old file, so a crash mid-write leaves either the old or the new content, never a mix (the Core's
/// RecordStore adds checksums and two slots on top; this only keeps the host from being worse than
/// flash). Never throws: failures are false/null, as the port requires.
/// <code>
/// new FileStorage("/var/lib/radioctl/ht-ab-001").Write("schedule.a", bytes, n)
///   >> /var/lib/radioctl/ht-ab-001/schedule.a.tmp written, flushed, renamed to schedule.a
/// </code>
/// </summary>
public sealed class FileStorage : IStorage
{
    private const string TempSuffix = ".tmp";

    /// <summary>Creates a store in <paramref name="directory"/> (created on first write).</summary>
    public FileStorage(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The directory holding the files.</summary>
    public string Directory { get; }

    /// <summary>Failed operations since creation (for the host's own diagnostics).</summary>
    public int Failures { get; private set; }

    /// <inheritdoc/>
    public byte[]? Read(string name)
    {
        string? path = PathOf(name);
        try
        {
            return path is not null && File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failures++;
            return null;
        }
    }

    /// <inheritdoc/>
    public bool Write(string name, byte[] data, int count)
    {
        string? path = PathOf(name);
        if (path is null || data is null || count < 0 || count > data.Length)
        {
            Failures++;
            return false;
        }

        string temp = path + TempSuffix;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (FileStream stream = new(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(data, 0, count);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failures++;
            TryDelete(temp);
            return false;
        }
    }

    /// <inheritdoc/>
    public bool Delete(string name)
    {
        string? path = PathOf(name);
        if (path is null)
        {
            Failures++;
            return false;
        }

        return TryDelete(path);
    }

    // Names are flat file names chosen by the Core ("schedule.a", "keys.b"): anything that could leave the
    // directory is refused rather than sanitised.
    private string? PathOf(string name)
    {
        if (string.IsNullOrEmpty(name) || name == "." || name == ".." || name.EndsWith(TempSuffix, StringComparison.Ordinal)
            || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/') || name.Contains('\\'))
        {
            return null;
        }

        return Path.Combine(Directory, name);
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failures++;
            return !File.Exists(path);
        }
    }
}
