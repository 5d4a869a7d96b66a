using System;
using System.Collections.Generic;
using CommuneRadio.Core.Persistence;

namespace CommuneRadio.Host.Storage;

/// <summary>
/// <see cref="IStorage"/> in memory: for tests and simulated stations that need no files. Keeps a copy
/// of every write, so the caller may reuse its buffer. Set <see cref="FailWrites"/> to simulate a full or
/// broken flash. Thread-safe.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>When true every write fails (returns false) and changes nothing.</summary>
    public bool FailWrites { get; set; }

    /// <summary>Names currently stored.</summary>
    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_files)
            {
                return new List<string>(_files.Keys);
            }
        }
    }

    /// <inheritdoc/>
    public byte[]? Read(string name)
    {
        lock (_files)
        {
            return name is not null && _files.TryGetValue(name, out byte[]? data) ? (byte[])data.Clone() : null;
        }
    }

    /// <inheritdoc/>
    public bool Write(string name, byte[] data, int count)
    {
        if (FailWrites || string.IsNullOrEmpty(name) || data is null || count < 0 || count > data.Length)
        {
            return false;
        }

        lock (_files)
        {
            // A record is rewritten after every authentic command (replay counters) with the same size: reuse
            // its array instead of leaving a copy per command for the GC (Read hands out clones, never this array).
            if (_files.TryGetValue(name, out byte[]? existing) && existing.Length == count)
            {
                data.AsSpan(0, count).CopyTo(existing);
            }
            else
            {
                _files[name] = data.AsSpan(0, count).ToArray();
            }

            return true;
        }
    }

    /// <inheritdoc/>
    public bool Delete(string name)
    {
        if (name is null)
        {
            return false;
        }

        lock (_files)
        {
            _files.Remove(name);
            return true;
        }
    }
}
