using System;
using System.IO;
using CommuneRadio.Core.Persistence;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Core's <see cref="IStorage"/> on the ESP32's internal flash drive, one file per record slot under
    /// <c>I:\cr\</c> (kept apart from the configuration file and certificate that nanoff deploys to <c>I:\</c>).
    /// Never throws: every failure is false/null, and Core's RecordStore (two slots, CRC, sequence) turns a torn
    /// write into "the previous good copy".
    /// </summary>
    public sealed class FlashStorage : IStorage
    {
        private const string Root = "I:\\cr";

        /// <summary>Creates the store (and its folder, if it can).</summary>
        public FlashStorage()
        {
            try
            {
                if (!Directory.Exists(Root))
                {
                    Directory.CreateDirectory(Root);
                }
            }
            catch (Exception)
            {
                // Reported at the first failed write (storage-error fault), not here.
            }
        }

        /// <inheritdoc/>
        public byte[] Read(string name)
        {
            return ReadFile(PathOf(name));
        }

        /// <inheritdoc/>
        public bool Write(string name, byte[] data, int count)
        {
            try
            {
                using (FileStream f = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write))
                {
                    f.Write(data, 0, count);
                    f.Flush();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc/>
        public bool Delete(string name)
        {
            return DeleteFile(PathOf(name));
        }

        /// <summary>Deletes a file of the drive if it is there; true when it is gone afterwards.</summary>
        public static bool DeleteFile(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                return !File.Exists(path);
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Reads a whole file of the drive (configuration, certificate); null when missing or unreadable.</summary>
        public static byte[] ReadFile(string path)
        {
            // FileStream rather than File.ReadAllBytes: ReadAllBytes only arrived with the rewrite of File in
            // nanoframework/System.IO.FileSystem, while FileStream(path, FileMode, FileAccess), Length and Read exist in
            // every 1.x version, so the device build does not depend on which one the package holds.
            try
            {
                if (!File.Exists(path))
                {
                    return null;
                }

                using (FileStream f = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    byte[] data = new byte[(int)f.Length];
                    int read = 0;
                    while (read < data.Length)
                    {
                        int n = f.Read(data, read, data.Length - read);
                        if (n <= 0)
                        {
                            return null;
                        }

                        read += n;
                    }

                    return data;
                }
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static string PathOf(string name)
        {
            return Root + "\\" + name;
        }
    }
}
