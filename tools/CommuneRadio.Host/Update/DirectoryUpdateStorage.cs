using System;
using System.IO;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Host.Update;

/// <summary>
/// The slot files of a simulated station in a directory (<c>slot0/App.pe</c> → <c>DIR/slot0/App.pe</c>), written
/// piecewise and flushed to disk as the device's FileStream on <c>I:\</c> is. A quota stands in for the drive's size.
/// </summary>
public sealed class DirectoryUpdateStorage : IUpdateStorage
{
    private readonly string _root;

    /// <summary>Slot files under <paramref name="root"/> (created when missing), at most <paramref name="quotaBytes"/> in all.</summary>
    public DirectoryUpdateStorage(string root, long quotaBytes = 1024 * 1024)
    {
        _root = root;
        QuotaBytes = quotaBytes;
        Directory.CreateDirectory(root);
    }

    /// <summary>Bytes the slot files may take in all (the device's drive is 256 KiB shared with the records).</summary>
    public long QuotaBytes { get; set; }

    /// <inheritdoc/>
    public bool WriteAt(string name, int offset, byte[] data, int start, int count)
    {
        try
        {
            string path = PathOf(name);
            long length = File.Exists(path) ? new FileInfo(path).Length : 0;
            if (offset > length || Used() - length + Math.Max(length, offset + count) > QuotaBytes)
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write);
            stream.Seek(offset, SeekOrigin.Begin);
            stream.Write(data, start, count);
            stream.Flush(true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public int ReadAt(string name, int offset, byte[] buffer, int start, int count)
    {
        try
        {
            using var stream = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read);
            stream.Seek(offset, SeekOrigin.Begin);
            int total = 0;
            int n;
            while (total < count && (n = stream.Read(buffer, start + total, count - total)) > 0)
            {
                total += n;
            }

            return total;
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <inheritdoc/>
    public int Length(string name)
    {
        string path = PathOf(name);
        return File.Exists(path) ? (int)new FileInfo(path).Length : -1;
    }

    /// <inheritdoc/>
    public bool Delete(string name)
    {
        try
        {
            // File.Delete throws when the slot's directory does not exist yet: then the file is gone too.
            string path = PathOf(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public long FreeBytes() => Math.Max(0, QuotaBytes - Used());

    private long Used()
    {
        long n = 0;
        foreach (string f in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            n += new FileInfo(f).Length;
        }

        return n;
    }

    private string PathOf(string name)
    {
        // Slot names are "slot{n}/{file}" with file names the manifest check allows: never a rooted path or "..".
        string full = Path.GetFullPath(Path.Combine(_root, name));
        if (!full.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("slot file outside the update directory: " + name, nameof(name));
        }

        return full;
    }
}
