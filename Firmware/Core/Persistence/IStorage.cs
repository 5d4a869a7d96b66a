namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// The platform's file store, as small as it can be: whole-file read, write and delete by name.
    /// Implementations need not be atomic — <see cref="RecordStore"/> builds torn-write safety on top
    /// (two slots, checksums, sequence numbers). Device: files on flash drive I:\ ; host: a directory per
    /// station. Methods never throw: failures are reported as false/null.
    /// </summary>
    public interface IStorage
    {
        /// <summary>The whole content of <paramref name="name"/>, or null when it does not exist or cannot be read.</summary>
        byte[] Read(string name);

        /// <summary>Replaces <paramref name="name"/> with <paramref name="count"/> bytes of <paramref name="data"/>; false on any failure (full, I/O error).</summary>
        bool Write(string name, byte[] data, int count);

        /// <summary>Deletes <paramref name="name"/>; true when it is gone afterwards.</summary>
        bool Delete(string name);
    }
}
