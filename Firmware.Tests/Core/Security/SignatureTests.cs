using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Security
{
    /// <summary>
    /// The HMAC must never touch the keyring's key bytes. nanoFramework's HMACSHA256 keeps the array it is
    /// given and clears it on Dispose; on the device these tests fail if a key is handed over without a copy.
    /// </summary>
    [TestClass]
    public class SignatureTests
    {
        private static readonly byte[] Body = System.Text.Encoding.UTF8.GetBytes("{\"v\":1}");

        [TestMethod]
        public void Compute_LeavesCallersKeyIntact()
        {
            byte[] key = CommandBuilder.TestKey(0x21);
            string before = Hex.ToHex(key);
            Signature.Compute(key, Body, 0, Body.Length);
            Signature.Compute(key, Body, 0, Body.Length);
            Assert.AreEqual(before, Hex.ToHex(key));
        }

        [TestMethod]
        public void IssuerMac_Repeated_SameMacAndKeyIntact()
        {
            byte[] key = CommandBuilder.TestKey(0x42);
            string before = Hex.ToHex(key);
            IssuerKey issuer = new IssuerKey("x", IssuerLevel.Commune, key, new string[0], false);
            string expected = Hex.ToHex(Signature.Compute(key, Body, 0, Body.Length));
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(expected, Hex.ToHex(issuer.Mac(Body)));
            }

            Assert.AreEqual(before, Hex.ToHex(issuer.Key));
        }

        [TestMethod]
        public void IssuerMac_KeyRotated_UsesNewKey()
        {
            IssuerKey issuer = new IssuerKey("x", IssuerLevel.Commune, CommandBuilder.TestKey(1), new string[0], false);
            issuer.Mac(Body);
            byte[] fresh = CommandBuilder.TestKey(99);
            issuer.Key = fresh;
            Assert.AreEqual(Hex.ToHex(Signature.Compute(fresh, Body, 0, Body.Length)), Hex.ToHex(issuer.Mac(Body)));
        }
    }
}
