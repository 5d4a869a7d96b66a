namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bit by bit: no 1 KB table on a 100 KB heap,
    /// and the records it checks are small. Example: "123456789" → 0xCBF43926.
    /// </summary>
    public static class Crc32
    {
        /// <summary>CRC of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
