using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Persistence;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    [TestClass]
    public class RecordWriterTests
    {
        private static RecordReader RoundTrip(string value, RecordWriter w)
        {
            w.Reset();
            w.WriteString(value);
            return new RecordReader(w.Buffer, 0, w.Length);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("com.ha-tinh.an-binh")]
        [DataRow("X\u00e3 An B\u00ecnh, huy\u1ec7n Ph\u00fa Vang")]
        [DataRow("bell \ud83d\udd14 ok")]
        public void WriteString_ValidText_SameBytesAsUtf8AndReadsBack(string value)
        {
            RecordWriter w = new RecordWriter(16);
            RecordReader r = RoundTrip(value, w);
            byte[] expected = Encoding.UTF8.GetBytes(value);
            Assert.AreEqual(expected.Length + 2, w.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], w.Buffer[i + 2]);
            }

            Assert.AreEqual(value, r.ReadString(256));
            Assert.IsTrue(r.AtEnd);
        }

        [TestMethod]
        public void WriteString_LoneSurrogate_BecomesReplacementCharacter()
        {
            RecordWriter w = new RecordWriter(16);
            RecordReader r = RoundTrip("a\ud800b", w);
            Assert.AreEqual("efbfbd", Hex.ToHex(w.Buffer, 3, 3));
            Assert.AreEqual("a\ufffdb", r.ReadString(256));
        }

        [TestMethod]
        public void WriteString_Null_ReadsBackNull()
        {
            RecordWriter w = new RecordWriter(16);
            Assert.IsNull(RoundTrip(null, w).ReadString(256));
        }
    }
}
