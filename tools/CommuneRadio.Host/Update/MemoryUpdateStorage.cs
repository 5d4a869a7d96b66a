using System;
using System.Collections.Generic;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Host.Update;

/// <summary>
/// The slot files of a simulated station kept in memory (a fleet without a data directory): the same rules as
/// <see cref="DirectoryUpdateStorage"/> — a write at most at the file's end, a quota standing in for the drive — without
/// touching the disk. Nothing is allocated until an update arrives. Thread-safe (the station's lock guards it already).
/// </summary>
public sealed class MemoryUpdateStorage : IUpdateStorage
{
    private readonly object _gate = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lengths = new(StringComparer.Ordinal);

    /// <summary>Slot files of at most <paramref name="quotaBytes"/> in all.</summary>
    public MemoryUpdateStorage(long quotaBytes = 1024 * 1024)
    {
        QuotaBytes = quotaBytes;
    }

    /// <summary>Bytes the slot files may take in all.</summary>
    public long QuotaBytes { get; set; }

    /// <inheritdoc/>
    public bool WriteAt(string name, int offset, byte[] data, int start, int count)
    {
        lock (_gate)
        {
            int length = _lengths.TryGetValue(name, out int n) ? n : 0;
            int newLength = Math.Max(length, offset + count);
            if (offset > length || Used() - length + newLength > QuotaBytes)
            {
                return false;
            }

            if (!_files.TryGetValue(name, out byte[]? file) || file.Length < newLength)
            {
                var grown = new byte[Math.Max(newLength, (file?.Length ?? 0) * 2)];
                if (file is not null)
                {
                    Array.Copy(file, grown, length);
                }

                file = grown;
                _files[name] = file;
            }

            Array.Copy(data, start, file, offset, count);
            _lengths[name] = newLength;
            return true;
        }
    }

    /// <inheritdoc/>
    public int ReadAt(string name, int offset, byte[] buffer, int start, int count)
    {
        lock (_gate)
        {
            if (!_lengths.TryGetValue(name, out int length) || offset > length)
            {
                return -1;
            }

            int n = Math.Min(count, length - offset);
            Array.Copy(_files[name], offset, buffer, start, n);
            return n;
        }
    }

    /// <inheritdoc/>
    public int Length(string name)
    {
        lock (_gate)
        {
            return _lengths.TryGetValue(name, out int n) ? n : -1;
        }
    }

    /// <inheritdoc/>
    public bool Delete(string name)
    {
        lock (_gate)
        {
            _files.Remove(name);
            _lengths.Remove(name);
            return true;
        }
    }

    /// <inheritdoc/>
    public long FreeBytes()
    {
        lock (_gate)
        {
            return Math.Max(0, QuotaBytes - Used());
        }
    }

    private long Used()
    {
        long n = 0;
        foreach (int length in _lengths.Values)
        {
            n += length;
        }

        return n;
    }
}
