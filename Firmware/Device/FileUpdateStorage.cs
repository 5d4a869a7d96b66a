using System;
using System.IO;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Core's <see cref="IUpdateStorage"/> on the ESP32's internal flash drive: the two application slots as folders
    /// <c>I:\upd\slot0\</c> and <c>I:\upd\slot1\</c> ("slot0/App.pe" → <c>I:\upd\slot0\App.pe</c>), written a chunk at a
    /// time. Never throws: every failure is false / -1, which the update state machine turns into a refusal
    /// (storage-full) with the running slot untouched.
    /// <para>
    /// APIs as in nanoframework/System.IO.FileSystem at v1.1.87 (commit 2f5d90d0fc, the version pinned in
    /// packages.config), read in its git mirror: <c>FileStream.cs</c> — <c>FileStream(string, FileMode, FileAccess)</c>,
    /// <c>Length</c>, <c>Seek(long, SeekOrigin)</c>, <c>Read</c>/<c>Write(byte[], int, int)</c> through a buffered native
    /// stream (2,048 bytes by default), so <c>Flush()</c> is what puts a chunk's last bytes on flash before the update
    /// record counts them; <c>Directory.cs</c> — <c>CreateDirectory</c> makes every missing folder of the path,
    /// <c>GetFiles</c>/<c>GetDirectories</c> return full names; <c>DriveInfo.cs</c> — <c>DriveInfo(string)</c> and
    /// <c>TotalSize</c>, and no free-space member, hence <see cref="FreeBytes"/> below. (The 2021 FileStream of commit
    /// bebc2da, unbuffered with a no-op Flush, is not the pinned one.)
    /// </para>
    /// </summary>
    public sealed class FileUpdateStorage : IUpdateStorage
    {
        private const string Drive = "I:\\";
        private const string Root = "I:\\upd";

        /// <summary>The full path of a slot file: "slot0/App.pe" → <c>I:\upd\slot0\App.pe</c>.</summary>
        public static string PathOf(string name)
        {
            // Slot file names come from UpdateManager.SlotFile with names the manifest check allows (letters, digits,
            // '.', '-', '_'): never a rooted path, never "..".
            int slash = name.IndexOf('/');
            return slash < 0 ? Root + "\\" + name : Root + "\\" + name.Substring(0, slash) + "\\" + name.Substring(slash + 1);
        }

        /// <inheritdoc/>
        public bool WriteAt(string name, int offset, byte[] data, int start, int count)
        {
            try
            {
                string path = PathOf(name);
                EnsureFolders(path);
                using (FileStream f = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write))
                {
                    if (offset > f.Length)
                    {
                        return false;
                    }

                    f.Seek(offset, SeekOrigin.Begin);
                    f.Write(data, start, count);
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
        public int ReadAt(string name, int offset, byte[] buffer, int start, int count)
        {
            try
            {
                string path = PathOf(name);
                if (!File.Exists(path))
                {
                    return -1;
                }

                using (FileStream f = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    if (offset > f.Length)
                    {
                        return -1;
                    }

                    f.Seek(offset, SeekOrigin.Begin);
                    int total = 0;
                    while (total < count)
                    {
                        int n = f.Read(buffer, start + total, count - total);
                        if (n <= 0)
                        {
                            break;
                        }

                        total += n;
                    }

                    return total;
                }
            }
            catch (Exception)
            {
                return -1;
            }
        }

        /// <inheritdoc/>
        public int Length(string name)
        {
            return LengthOf(PathOf(name));
        }

        /// <inheritdoc/>
        public bool Delete(string name)
        {
            return FlashStorage.DeleteFile(PathOf(name));
        }

        /// <summary>
        /// The drive's size less every file on it (configuration, records, both slots): nanoFramework reports only the
        /// total. Called once per update.begin. 0 when the drive cannot be read, so an update is refused rather than
        /// started on a guess.
        /// </summary>
        public long FreeBytes()
        {
            try
            {
                long free = new DriveInfo(Drive).TotalSize - UsedBytes(Drive);
                return free > 0 ? free : 0;
            }
            catch (Exception)
            {
                return 0;
            }
        }

        private static long UsedBytes(string folder)
        {
            long n = 0;
            string[] files = Directory.GetFiles(folder);
            for (int i = 0; i < files.Length; i++)
            {
                int length = LengthOf(files[i]);
                n += length > 0 ? length : 0;
            }

            string[] folders = Directory.GetDirectories(folder);
            for (int i = 0; i < folders.Length; i++)
            {
                n += UsedBytes(folders[i]);
            }

            return n;
        }

        private static int LengthOf(string path)
        {
            try
            {
                if (!File.Exists(path))
                {
                    return -1;
                }

                using (FileStream f = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    return (int)f.Length;
                }
            }
            catch (Exception)
            {
                return -1;
            }
        }

        private static void EnsureFolders(string path)
        {
            if (!Directory.Exists(Root))
            {
                Directory.CreateDirectory(Root);
            }

            string folder = path.Substring(0, path.LastIndexOf('\\'));
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
    }
}
