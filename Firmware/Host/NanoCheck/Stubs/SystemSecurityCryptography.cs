// Reference stub of nanoFramework.System.Security.Cryptography 1.0.38 (assembly System.Security.Cryptography),
// declaring only the members Core uses, with the signatures of the package's source
// (nanoframework/System.Security.Cryptography, System.Security.Cryptography/HMACSHA256.cs). Compiled against the
// real nanoFramework mscorlib; never run.
namespace System.Security.Cryptography
{
    /// <summary>HMAC-SHA256 (native mbedTLS on the device). The device keeps the key array it is given; Dispose clears it.</summary>
    public class HMACSHA256 : IDisposable
    {
        /// <summary>Keeps <paramref name="key"/> (no copy) for later hashes.</summary>
        public HMACSHA256(byte[] key) => throw new NotImplementedException();

        /// <summary>The HMAC of <paramref name="buffer"/> under the key.</summary>
        public byte[] ComputeHash(byte[] buffer) => throw new NotImplementedException();

        /// <summary>The HMAC of <paramref name="source"/> under <paramref name="key"/>, one shot (native; keeps nothing).</summary>
        public static byte[] HashData(byte[] key, byte[] source) => throw new NotImplementedException();

        /// <summary>Clears the key array and marks the instance disposed.</summary>
        public void Dispose() => throw new NotImplementedException();
    }
}
