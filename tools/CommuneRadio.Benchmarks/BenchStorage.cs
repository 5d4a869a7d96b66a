using System.Collections.Generic;
using CommuneRadio.Core.Persistence;

namespace CommuneRadio.Benchmarks
{
    /// <summary>
    /// Flash stand-in for the persisted command benchmarks: one array per record name, rewritten in place while it
    /// is large enough (as a flash file is), so the benchmark times the Core's encoding, CRC and bookkeeping, not a
    /// new array per write.
    /// </summary>
    public sealed class BenchStorage : IStorage
    {
        private readonly Dictionary<string, byte[]> _data = new Dictionary<string, byte[]>();
        private readonly Dictionary<string, int> _length = new Dictionary<string, int>();

        /// <summary>Writes so far.</summary>
        public int Writes { get; private set; }

        /// <summary>A copy of the record, or null.</summary>
        public byte[]? Read(string name)
        {
            if (!_data.TryGetValue(name, out byte[]? data))
            {
                return null;
            }

            byte[] copy = new byte[_length[name]];
            System.Array.Copy(data, copy, copy.Length);
            return copy;
        }

        /// <summary>Stores the first <paramref name="count"/> bytes.</summary>
        public bool Write(string name, byte[] data, int count)
        {
            if (!_data.TryGetValue(name, out byte[]? stored) || stored.Length < count)
            {
                stored = new byte[count + 256];
                _data[name] = stored;
            }

            System.Array.Copy(data, stored, count);
            _length[name] = count;
            Writes++;
            return true;
        }

        /// <summary>Removes the record.</summary>
        public bool Delete(string name)
        {
            _length.Remove(name);
            return _data.Remove(name);
        }
    }
}
