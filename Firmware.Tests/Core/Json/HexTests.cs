using CommuneRadio.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Json
{
    [TestClass]
    public class HexTests
    {
        private static readonly byte[] Sample = { 0x00, 0xAB, 0x7F, 0xFF, 0x10 };

        [TestMethod]
        public void ToHex_Bytes_LowercasePairs()
        {
            Assert.AreEqual("00ab7fff10", Hex.ToHex(Sample));
            Assert.AreEqual("ab7f", Hex.ToHex(Sample, 1, 2));
            Assert.AreEqual(string.Empty, Hex.ToHex(new byte[0]));
            Assert.AreEqual(string.Empty, Hex.ToHex(null));
            Assert.AreEqual(string.Empty, Hex.ToHex(Sample, 4, 2), "range outside the array");
            Assert.AreEqual(string.Empty, Hex.ToHex(Sample, -1, 1));
        }

        [TestMethod]
        public void TryEncode_IntoBuffer_WritesAsciiOrRefuses()
        {
            byte[] dest = new byte[12];
            Assert.IsTrue(Hex.TryEncode(Sample, 0, 5, dest, 1));
            Assert.AreEqual("00ab7fff10", JsonBytes.Text(dest, 1, 10));
            Assert.AreEqual((byte)0, dest[0]);
            Assert.IsFalse(Hex.TryEncode(Sample, 0, 5, dest, 3), "no room");
            Assert.IsFalse(Hex.TryEncode(Sample, 0, 6, dest, 0), "source range");
            Assert.IsFalse(Hex.TryEncode(Sample, 0, 1, null, 0));
        }

        [TestMethod]
        [DataRow("00ab7fff10")]
        [DataRow("00AB7FFF10")]
        [DataRow("00aB7fFf10")]
        public void TryParse_EitherCase_Bytes(string hex)
        {
            byte[] b;
            Assert.IsTrue(Hex.TryParse(hex, out b));
            Assert.AreEqual("00ab7fff10", Hex.ToHex(b));
        }

        [TestMethod]
        [DataRow("0")]
        [DataRow("abc")]
        [DataRow("0g")]
        [DataRow("g0")]
        [DataRow(" 00")]
        [DataRow("00 ")]
        [DataRow("0x00")]
        [DataRow("-1")]
        [DataRow("\u0660\u0661")]
        public void TryParse_NotHex_FalseAndNull(string hex)
        {
            byte[] b;
            Assert.IsFalse(Hex.TryParse(hex, out b));
            Assert.IsNull(b);
        }

        [TestMethod]
        public void TryParse_NullOrEmpty()
        {
            byte[] b;
            Assert.IsFalse(Hex.TryParse(null, out b));
            Assert.IsTrue(Hex.TryParse(string.Empty, out b));
            Assert.AreEqual(0, b.Length);
        }

        [TestMethod]
        public void TryDecode_AsciiRange_InPlaceWithValidation()
        {
            byte[] ascii = JsonBytes.Raw("xx00AB7fff10yy");
            byte[] dest = new byte[6];
            int written;
            Assert.IsTrue(Hex.TryDecode(ascii, 2, 10, dest, 1, out written));
            Assert.AreEqual(5, written);
            Assert.AreEqual("0000ab7fff10", Hex.ToHex(dest));
            Assert.IsFalse(Hex.TryDecode(ascii, 2, 9, dest, 0, out written), "odd count");
            Assert.AreEqual(0, written);
            Assert.IsFalse(Hex.TryDecode(ascii, 0, 4, dest, 0, out written), "x is not hex");
            Assert.IsFalse(Hex.TryDecode(ascii, 2, 10, dest, 2, out written), "no room");
            Assert.IsFalse(Hex.TryDecode(ascii, 10, 6, dest, 0, out written), "past the end");
            Assert.IsFalse(Hex.TryDecode(null, 0, 0, dest, 0, out written));
        }

        [TestMethod]
        public void DigitValue_AllBytes_SixteenDigitsInEachCase()
        {
            int valid = 0;
            for (int c = 0; c < 256; c++)
            {
                if (Hex.DigitValue(c) >= 0)
                {
                    valid++;
                }
            }

            Assert.AreEqual(22, valid);
            Assert.AreEqual(15, Hex.DigitValue('F'));
            Assert.AreEqual(10, Hex.DigitValue('a'));
            Assert.AreEqual(9, Hex.DigitValue('9'));
            Assert.AreEqual(-1, Hex.DigitValue('G'));
        }
    }
}
