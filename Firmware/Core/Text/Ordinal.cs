namespace CommuneRadio.Core.Text
{
    /// <summary>
    /// Ordinal string comparison by UTF-16 code unit. nanoFramework's String has no CompareOrdinal, and the
    /// desktop string.Compare is culture-sensitive: this one gives the same order on the device and the host
    /// (schedule order and digest, arbitration ties). Example: Compare("a-2", "a-10") &gt; 0 ('2' &gt; '1').
    /// </summary>
    public static class Ordinal
    {
        /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>; null first.</summary>
        public static int Compare(string a, string b)
        {
            if (a == null || b == null)
            {
                return a == null ? (b == null ? 0 : -1) : 1;
            }

            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                int d = a[i] - b[i];
                if (d != 0)
                {
                    return d;
                }
            }

            return a.Length - b.Length;
        }
    }
}
