using System.Security.Cryptography;

namespace CommuneRadio.Core.Security
{
    /// <summary>
    /// HMAC-SHA256 over the exact bytes of a command body (docs/protocol.md §4.1). The same
    /// <c>HMACSHA256(byte[] key).ComputeHash(byte[])</c> call exists on nanoFramework (native mbedTLS) and
    /// on .NET, so this file is shared unchanged.
    /// </summary>
    public static class Signature
    {
        /// <summary>Computes the MAC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            // A copy of the key: nanoFramework's HMACSHA256 keeps the array it is given and Dispose clears it,
            // which would wipe the caller's key (the desktop class copies, so only the device would notice).
            using (HMACSHA256 hmac = new HMACSHA256(CopyOf(key)))
            {
                return hmac.ComputeHash(Slice(data, offset, count));
            }
        }

        /// <summary>
        /// True when the hex signature at <paramref name="sigOffset"/> (64 lowercase hex characters) equals the
        /// MAC of the body under <paramref name="issuer"/>'s key. Compares in constant time, so timing reveals
        /// nothing about the expected MAC.
        /// </summary>
        public static bool Verify(IssuerKey issuer, byte[] data, int offset, int count, byte[] sigHex, int sigOffset, int sigCount)
        {
            return sigCount == 64 && Matches(issuer.Mac(Slice(data, offset, count)), sigHex, sigOffset);
        }

        /// <summary>As <see cref="Verify(IssuerKey, byte[], int, int, byte[], int, int)"/> with a bare key.</summary>
        public static bool Verify(byte[] key, byte[] data, int offset, int count, byte[] sigHex, int sigOffset, int sigCount)
        {
            return sigCount == 64 && Matches(Compute(key, data, offset, count), sigHex, sigOffset);
        }

        /// <summary>A copy of a byte array.</summary>
        public static byte[] CopyOf(byte[] b)
        {
            byte[] copy = new byte[b.Length];
            System.Array.Copy(b, copy, b.Length);
            return copy;
        }

        private static byte[] Slice(byte[] data, int offset, int count)
        {
            if (offset == 0 && count == data.Length)
            {
                // The whole array: HMAC only reads it, so no copy.
                return data;
            }

            byte[] body = new byte[count];
            System.Array.Copy(data, offset, body, 0, count);
            return body;
        }

        private static bool Matches(byte[] mac, byte[] sigHex, int sigOffset)
        {
            int diff = 0;
            for (int i = 0; i < 32; i++)
            {
                int hi = HexValue(sigHex[sigOffset + 2 * i]);
                int lo = HexValue(sigHex[sigOffset + 2 * i + 1]);
                diff |= (hi | lo) & 0x100;
                diff |= ((hi << 4) | lo) ^ mac[i];
            }

            return diff == 0;
        }

        /// <summary>Value of a lowercase hex digit, or 0x100 when it is not one.</summary>
        private static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return 0x100;
        }
    }
}
