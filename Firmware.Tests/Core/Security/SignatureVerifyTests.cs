using CommuneRadio.Core.Json;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Security
{
    /// <summary>Signature over a range of a buffer, and what the hex comparison refuses.</summary>
    [TestClass]
    public class SignatureVerifyTests
    {
        // RFC 4231, test case 2: HMAC-SHA256 with key "Jefe" of "what do ya want for nothing?".
        private const string Rfc4231Data = "what do ya want for nothing?";
        private const string Rfc4231Mac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        private static byte[] Ascii(string s)
        {
            return System.Text.Encoding.UTF8.GetBytes(s);
        }

        [TestMethod]
        public void Compute_RangeOfALargerBuffer_MacOfThatRangeOnly()
        {
            byte[] key = Ascii("Jefe");
            Assert.AreEqual(Rfc4231Mac, Hex.ToHex(Signature.Compute(key, Ascii(Rfc4231Data), 0, Rfc4231Data.Length)));
            Assert.AreEqual(Rfc4231Mac, Hex.ToHex(Signature.Compute(key, Ascii(Rfc4231Data + "|sig"), 0, Rfc4231Data.Length)));
            Assert.AreEqual(Rfc4231Mac, Hex.ToHex(Signature.Compute(key, Ascii("{\"" + Rfc4231Data + "\"}"), 2, Rfc4231Data.Length)));
        }

        [TestMethod]
        public void Verify_Rfc4231_AcceptedWithBareKeyAndIssuer()
        {
            byte[] data = Ascii(Rfc4231Data + "|" + Rfc4231Mac);
            IssuerKey issuer = new IssuerKey("x", IssuerLevel.Commune, Ascii("Jefe"), new string[0], false);
            Assert.IsTrue(Signature.Verify(Ascii("Jefe"), data, 0, Rfc4231Data.Length, data, Rfc4231Data.Length + 1, 64));
            Assert.IsTrue(Signature.Verify(issuer, data, 0, Rfc4231Data.Length, data, Rfc4231Data.Length + 1, 64));
            Assert.IsFalse(Signature.Verify(issuer, data, 0, Rfc4231Data.Length, data, Rfc4231Data.Length + 1, 63));
        }

        [TestMethod]
        public void Verify_AnyOneDigitWrong_Refused()
        {
            byte[] body = Ascii(Rfc4231Data);
            for (int i = 0; i < 64; i++)
            {
                byte[] sig = Ascii(Rfc4231Mac);
                sig[i] = (byte)(sig[i] == (byte)'0' ? '1' : '0');
                Assert.IsFalse(Signature.Verify(Ascii("Jefe"), body, 0, body.Length, sig, 0, 64), "digit " + i);
            }
        }

        [TestMethod]
        public void Verify_UppercaseOrNonHexSpellingOfTheSameValue_Refused()
        {
            byte[] body = Ascii(Rfc4231Data);
            Assert.IsFalse(Signature.Verify(Ascii("Jefe"), body, 0, body.Length, Ascii(Rfc4231Mac.ToUpper()), 0, 64), "uppercase");

            // Byte 0 is 0x5b: high digit '5' is odd, so "4" + (char)('a' + 16 + 0xb - 10) would add up to 0x5b if letters past
            // 'f' were read as digits 16 and up ((4 << 4) | 27 == 0x5b). Only 0-9 and a-f are digits.
            string forged = "4" + (char)('a' + 16 + 0xb - 10) + Rfc4231Mac.Substring(2);
            Assert.IsFalse(Signature.Verify(Ascii("Jefe"), body, 0, body.Length, Ascii(forged), 0, 64), forged);
        }
    }
}
