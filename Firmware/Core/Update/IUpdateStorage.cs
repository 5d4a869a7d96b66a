namespace CommuneRadio.Core.Update
{
    /// <summary>
    /// The files of the two application slots, written piecewise: an update arrives in chunks and a whole
    /// assembly never has to fit the heap. Names are "slot0/App.pe", "slot1/App.pe". Device: files under
    /// I:\ through System.IO.FileStream (Seek, Write, Flush); host: files in a directory; tests: memory.
    /// </summary>
    public interface IUpdateStorage
    {
        /// <summary>
        /// Writes <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="start"/> at
        /// <paramref name="offset"/> of <paramref name="name"/> (created when missing; <paramref name="offset"/> is at
        /// most its length) and flushes them; false on any failure (full, I/O error), the file then holds an
        /// undefined prefix of the write.
        /// </summary>
        bool WriteAt(string name, int offset, byte[] data, int start, int count);

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="offset"/>; the number read, -1 on failure.</summary>
        int ReadAt(string name, int offset, byte[] buffer, int start, int count);

        /// <summary>The length of <paramref name="name"/>, -1 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Deletes <paramref name="name"/>; true when it is gone afterwards.</summary>
        bool Delete(string name);

        /// <summary>Bytes still free on the drive.</summary>
        long FreeBytes();
    }
}
