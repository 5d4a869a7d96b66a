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
    private readonly Dictionary<string, Stored> _files = new(StringComparer.Ordinal);

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
            return name is not null && _files.TryGetValue(name, out Stored? file) ? file.Data.AsSpan(0, file.Length).ToArray() : null;
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
            // Records are rewritten often (the replay counters after every authentic command, the events after
            // every event), mostly with about the same size: the stored array is reused while it is large enough,
            // and grows with room to spare, instead of leaving a copy per write for the GC. Read hands out copies.
            if (!_files.TryGetValue(name, out Stored? file))
            {
                file = new Stored();
                _files.Add(name, file);
            }

            if (file.Data.Length < count)
            {
                file.Data = new byte[count + (count / 4)];
            }

            data.AsSpan(0, count).CopyTo(file.Data);
            file.Length = count;

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

    private sealed class Stored
    {
        public byte[] Data { get; set; } = Array.Empty<byte>();

        public int Length { get; set; }
    }
}
