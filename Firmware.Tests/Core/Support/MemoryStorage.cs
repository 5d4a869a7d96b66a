using System.Collections;
using CommuneRadio.Core.Persistence;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// An in-memory <see cref="IStorage"/> that can fail, fill up and tear: the field's flash in a test.
    /// Contents survive a simulated power cut (keep the instance, build a new station on it).
    /// </summary>
    public sealed class MemoryStorage : IStorage
    {
        private readonly Hashtable _files = new Hashtable();
        private readonly Hashtable _writes = new Hashtable();

        /// <summary>Every write fails (I/O error) while true.</summary>
        public bool FailWrites;

        /// <summary>Total bytes the store may hold (0 = unlimited): a write that would exceed it fails.</summary>
        public int CapacityBytes;

        /// <summary>
        /// When ≥ 0, the next write keeps only this many bytes (the power failed mid-write) and reports
        /// failure; <see cref="Torn"/> is then set and this is reset to -1.
        /// </summary>
        public int TearNextWriteAt = -1;

        /// <summary>Writes to let through before <see cref="TearNextWriteAt"/> applies.</summary>
        public int WritesBeforeTear;

        /// <summary>Set when a write was torn; every later write fails until the test clears it (the power is off).</summary>
        public bool Torn;

        /// <summary>Writes attempted.</summary>
        public int WriteAttempts;

        public byte[] Read(string name)
        {
            byte[] b = (byte[])_files[name];
            if (b == null)
            {
                return null;
            }

            byte[] copy = new byte[b.Length];
            System.Array.Copy(b, copy, b.Length);
            return copy;
        }

        public bool Write(string name, byte[] data, int count)
        {
            WriteAttempts++;
            if (Torn)
            {
                // The power failed during the torn write: nothing after it reaches the flash.
                return false;
            }

            if (TearNextWriteAt >= 0 && WritesBeforeTear > 0)
            {
                WritesBeforeTear--;
            }
            else if (TearNextWriteAt >= 0)
            {
                int keep = TearNextWriteAt < count ? TearNextWriteAt : count;
                byte[] partial = new byte[keep];
                System.Array.Copy(data, partial, keep);
                _files[name] = partial;
                TearNextWriteAt = -1;
                Torn = true;
                return false;
            }

            if (FailWrites)
            {
                return false;
            }

            byte[] old = (byte[])_files[name];
            if (CapacityBytes > 0 && UsedBytes() - (old == null ? 0 : old.Length) + count > CapacityBytes)
            {
                return false;
            }

            byte[] copy = new byte[count];
            System.Array.Copy(data, copy, count);
            _files[name] = copy;
            object n = _writes[name];
            _writes[name] = n == null ? 1 : (int)n + 1;
            return true;
        }

        public bool Delete(string name)
        {
            _files.Remove(name);
            return true;
        }

        /// <summary>Replaces a file's content directly (corruption in tests).</summary>
        public void Put(string name, byte[] content)
        {
            _files[name] = content;
        }

        /// <summary>Successful writes of one file (e.g. "schedule.a") since the storage was created.</summary>
        public int WritesOf(string name)
        {
            object n = _writes[name];
            return n == null ? 0 : (int)n;
        }

        /// <summary>Successful writes of both slots of a record (e.g. "schedule": "schedule.a" and "schedule.b").</summary>
        public int RecordWrites(string record)
        {
            return WritesOf(record + ".a") + WritesOf(record + ".b");
        }

        /// <summary>Successful writes of every file.</summary>
        public int TotalWrites()
        {
            int n = 0;
            foreach (DictionaryEntry e in _writes)
            {
                n += (int)e.Value;
            }

            return n;
        }

        /// <summary>Bytes held.</summary>
        public int UsedBytes()
        {
            int n = 0;
            foreach (DictionaryEntry e in _files)
            {
                n += ((byte[])e.Value).Length;
            }

            return n;
        }
    }
}
