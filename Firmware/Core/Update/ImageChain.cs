using System.Text;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Core.Update
{
    /// <summary>
    /// Integrity of a whole update image from HMAC-SHA256 alone (the device has no SHA-256 class and no public-key
    /// crypto, and its HMAC cannot be fed piecewise): a chain over the chunks in transfer order,
    /// <code>
    /// link0     = HMAC(key, "commune-radio/v1/update/" + version)
    /// link(i+1) = HMAC(key, link(i) ‖ u8 file ‖ u32 offset (big-endian) ‖ chunk bytes)
    /// image MAC = the link after the last chunk of the last file
    /// </code>
    /// The key is the beginning issuer's (the station's copy of it). Each chunk is also a signed command, so a
    /// forged chunk is refused before it gets here; the chain adds that the chunks are exactly the image the issuer
    /// built — none from another build, none missing, none moved — and at commit it is recomputed over what was
    /// read back from flash. The same class computes it on the host (radioctl) and on the device.
    /// </summary>
    public sealed class ImageChain
    {
        private const string Label = "commune-radio/v1/update/";
        private const int Header = 32 + 1 + 4;

        private byte[] _scratch = new byte[0];

        /// <summary>The first link for <paramref name="version"/>.</summary>
        public static byte[] Start(byte[] key, string version)
        {
            byte[] text = Encoding.UTF8.GetBytes(Label + version);
            return Signature.Compute(key, text, 0, text.Length);
        }

        /// <summary>
        /// The link after the chunk of <paramref name="count"/> bytes of <paramref name="data"/> from
        /// <paramref name="start"/>, at <paramref name="offset"/> of file <paramref name="file"/>.
        /// Reuses one buffer per chunk length (the full length, and the last chunk of each file once).
        /// </summary>
        public byte[] Next(byte[] key, byte[] link, int file, int offset, byte[] data, int start, int count)
        {
            int length = Header + count;
            if (_scratch.Length != length)
            {
                _scratch = new byte[length];
            }

            System.Array.Copy(link, 0, _scratch, 0, 32);
            _scratch[32] = (byte)file;
            _scratch[33] = (byte)(offset >> 24);
            _scratch[34] = (byte)(offset >> 16);
            _scratch[35] = (byte)(offset >> 8);
            _scratch[36] = (byte)offset;
            System.Array.Copy(data, start, _scratch, Header, count);
            return Signature.Compute(key, _scratch, 0, length);
        }

        /// <summary>Constant-time comparison of two 32-byte links.</summary>
        public static bool Same(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != 32 || b.Length != 32)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < 32; i++)
            {
                diff |= a[i] ^ b[i];
            }

            return diff == 0;
        }
    }
}
