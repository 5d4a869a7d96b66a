using System.Text;
using CommuneRadio.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Json
{
    [TestClass]
    public class Base64Tests
    {
        private static bool Decode(string text, byte[] dest, out int written)
        {
            byte[] ascii = Encoding.UTF8.GetBytes(text);
            return Base64.TryDecode(ascii, 0, ascii.Length, dest, 0, out written);
        }

        [TestMethod]
        public void TryDecode_Rfc4648Vectors_Bytes()
        {
            string[] encoded = { string.Empty, "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
            string[] plain = { string.Empty, "f", "fo", "foo", "foob", "fooba", "foobar" };
            for (int i = 0; i < encoded.Length; i++)
            {
                byte[] dest = new byte[8];
                int written;
                Assert.IsTrue(Decode(encoded[i], dest, out written), encoded[i]);
                Assert.AreEqual(plain[i], JsonBytes.Text(dest, 0, written), encoded[i]);
            }
        }

        [TestMethod]
        public void TryDecode_FrameworkEncoding_RoundTripsEveryLengthAndOffset()
        {
            byte[] data = new byte[300];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(i * 37 + 11);
            }

            byte[] dest = new byte[302];
            for (int length = 0; length <= 70; length++)
            {
                byte[] ascii = Encoding.UTF8.GetBytes("\"" + System.Convert.ToBase64String(data, 3, length) + "\"");
                int written;
                Assert.AreEqual(length, Base64.DecodedLength(ascii, 1, ascii.Length - 2), "length " + length);
                Assert.IsTrue(Base64.TryDecode(ascii, 1, ascii.Length - 2, dest, 2, out written), "length " + length);
                Assert.AreEqual(length, written);
                for (int i = 0; i < length; i++)
                {
                    Assert.AreEqual(data[3 + i], dest[2 + i], "length " + length + " byte " + i);
                }
            }

            byte[] all = Encoding.UTF8.GetBytes(System.Convert.ToBase64String(data));
            int n;
            Assert.IsTrue(Base64.TryDecode(all, 0, all.Length, dest, 0, out n));
            Assert.AreEqual(300, n);
            Assert.AreEqual(data[299], dest[299]);
        }

        [TestMethod]
        public void TryDecode_NotCanonicalBase64_False()
        {
            string[] bad = { "Zg=", "Zg", "Z===", "Zh==", "Zm9=", "Zm8A=", "Z=9v", "Zm=v", "Zm9v Zm9v", "Zm9v\nZm9v", "Zm-v", "Zm_v", "====", "Zg==Zm9v", "Zm9\u00e9" };
            for (int i = 0; i < bad.Length; i++)
            {
                int written = 99;
                Assert.IsFalse(Decode(bad[i], new byte[16], out written), bad[i]);
                Assert.AreEqual(0, written, bad[i]);
            }
        }

        [TestMethod]
        public void TryDecode_DestinationTooSmall_FalseAndUntouched()
        {
            byte[] dest = new byte[5];
            int written;
            Assert.IsFalse(Decode("Zm9vYmFy", dest, out written));
            Assert.AreEqual((byte)0, dest[0]);
            Assert.IsTrue(Decode("Zm9vYmE=", dest, out written));
            Assert.AreEqual(5, written);
        }
    }
}
