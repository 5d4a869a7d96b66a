using System.Collections;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// The power of a test station: after <see cref="WritesLeft"/> more writes (of records or slot files) the power
    /// fails — that write is torn (a slot file keeps half of it) and every later write fails — until <see cref="Restore"/>.
    /// </summary>
    public sealed class PowerSupply
    {
        /// <summary>Writes still possible; negative: unlimited.</summary>
        public int WritesLeft = -1;

        /// <summary>Set once the power failed.</summary>
        public bool Off;

        /// <summary>Writes that succeeded.</summary>
        public int Writes;

        /// <summary>True when a write may happen; false (and off from now on) when the power fails at it.</summary>
        public bool TakeWrite()
        {
            if (Off)
            {
                return false;
            }

            if (WritesLeft == 0)
            {
                Off = true;
                return false;
            }

            if (WritesLeft > 0)
            {
                WritesLeft--;
            }

            Writes++;
            return true;
        }

        /// <summary>Power back, no limit.</summary>
        public void Restore()
        {
            Off = false;
            WritesLeft = -1;
        }
    }

    /// <summary>A record storage on <see cref="PowerSupply"/>: a write fails from the moment the power fails.</summary>
    public sealed class PoweredStorage : IStorage
    {
        private readonly MemoryStorage _inner;
        private readonly PowerSupply _power;

        public PoweredStorage(MemoryStorage inner, PowerSupply power)
        {
            _inner = inner;
            _power = power;
        }

        public byte[] Read(string name)
        {
            return _inner.Read(name);
        }

        public bool Write(string name, byte[] data, int count)
        {
            bool wasOn = !_power.Off;
            if (!_power.TakeWrite())
            {
                if (wasOn && count > 1)
                {
                    // Torn: half the frame reached the flash at the cut; nothing reaches it after.
                    byte[] half = new byte[count / 2];
                    System.Array.Copy(data, half, half.Length);
                    _inner.Put(name, half);
                }

                return false;
            }

            return _inner.Write(name, data, count);
        }

        public bool Delete(string name)
        {
            return _power.Off ? false : _inner.Delete(name);
        }
    }

    /// <summary>Slot files in memory, on a <see cref="PowerSupply"/>, with a capacity.</summary>
    public sealed class MemoryUpdateStorage : IUpdateStorage
    {
        private readonly Hashtable _files = new Hashtable();
        private readonly PowerSupply _power;

        public MemoryUpdateStorage(PowerSupply power)
        {
            _power = power;
        }

        /// <summary>Bytes the drive holds in all (files of both slots).</summary>
        public long CapacityBytes = 1024 * 1024;

        public bool WriteAt(string name, int offset, byte[] data, int start, int count)
        {
            byte[] old = (byte[])_files[name];
            int length = old == null ? 0 : old.Length;
            if (offset > length)
            {
                return false;
            }

            int newLength = offset + count > length ? offset + count : length;
            if (Used() - length + newLength > CapacityBytes)
            {
                return false;
            }

            bool wasOn = !_power.Off;
            bool powered = _power.TakeWrite();
            if (!powered && !wasOn)
            {
                return false;
            }

            // The write the power fails at is torn: half of it reaches the flash.
            int written = powered ? count : count / 2;
            byte[] file = new byte[offset + written > length ? offset + written : length];
            if (old != null)
            {
                System.Array.Copy(old, file, length);
            }

            System.Array.Copy(data, start, file, offset, written);
            _files[name] = file;
            return powered;
        }

        public int ReadAt(string name, int offset, byte[] buffer, int start, int count)
        {
            byte[] file = (byte[])_files[name];
            if (file == null || offset > file.Length)
            {
                return -1;
            }

            int n = file.Length - offset < count ? file.Length - offset : count;
            System.Array.Copy(file, offset, buffer, start, n);
            return n;
        }

        public int Length(string name)
        {
            byte[] file = (byte[])_files[name];
            return file == null ? -1 : file.Length;
        }

        public bool Delete(string name)
        {
            if (_power.Off)
            {
                return false;
            }

            _files.Remove(name);
            return true;
        }

        public long FreeBytes()
        {
            return CapacityBytes - Used();
        }

        /// <summary>The content of a file, or null.</summary>
        public byte[] Content(string name)
        {
            return (byte[])_files[name];
        }

        /// <summary>Flips one byte of a file (flash corruption).</summary>
        public void Corrupt(string name, int at)
        {
            byte[] file = (byte[])_files[name];
            file[at] = (byte)(file[at] ^ 0x5A);
        }

        /// <summary>Names of the files held.</summary>
        public int Count
        {
            get { return _files.Count; }
        }

        private long Used()
        {
            long n = 0;
            foreach (DictionaryEntry e in _files)
            {
                n += ((byte[])e.Value).Length;
            }

            return n;
        }
    }
}
