using System.Text;
using CommuneRadio.Core.Persistence;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Persistence
{
    /// <summary>
    /// The bounds of RecordReader and RecordWriter: a read past the end or a string longer than its limit fails the
    /// record (and every read after it) instead of throwing; a string of exactly its limit, and a null string, read back.
    /// </summary>
    [TestClass]
    public class RecordReaderTests
    {
        private static RecordReader Reader(RecordWriter w)
        {
            return new RecordReader(w.Buffer, 0, w.Length);
        }

        private static string Repeat(string s, int times)
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < times; i++)
            {
                sb.Append(s);
            }

            return sb.ToString();
        }

        [TestMethod]
        [DataRow("a", 128)]
        [DataRow("\u0111", 64)]
        [DataRow("\u1EA1", 21)]
        [DataRow("\uD83D\uDCFB", 32)]
        public void ReadString_ExactlyMaxBytes_ReadsBack(string unit, int times)
        {
            string value = Repeat(unit, times);
            int bytes = Encoding.UTF8.GetBytes(value).Length;
            RecordWriter w = new RecordWriter(16);
            w.WriteString(value);
            w.WriteInt32(7);
            RecordReader r = Reader(w);
            Assert.AreEqual(value, r.ReadString(bytes));
            Assert.AreEqual(7, r.ReadInt32());
            Assert.IsFalse(r.Failed);
            Assert.IsTrue(r.AtEnd);
        }

        [TestMethod]
        [DataRow("a", 129, 128)]
        [DataRow("\u0111", 65, 128)]
        [DataRow("a", 1, 0)]
        public void ReadString_OneByteOverMax_FailsAndLaterReadsGiveZero(string unit, int times, int max)
        {
            RecordWriter w = new RecordWriter(16);
            w.WriteString(Repeat(unit, times));
            w.WriteInt32(7);
            RecordReader r = Reader(w);
            Assert.IsNull(r.ReadString(max));
            Assert.IsTrue(r.Failed);
            Assert.AreEqual(0, r.ReadInt32(), "a failed record reads as zeros");
        }

        [TestMethod]
        public void ReadString_Null_IsNullAndNotAFailure()
        {
            RecordWriter w = new RecordWriter(16);
            w.WriteString(null);
            w.WriteString(string.Empty);
            w.WriteString(null);
            RecordReader r = Reader(w);
            Assert.AreEqual(6, w.Length, "three 2-byte prefixes");
            Assert.IsNull(r.ReadString(0));
            Assert.AreEqual(string.Empty, r.ReadString(0));
            Assert.IsNull(r.ReadString(10));
            Assert.IsFalse(r.Failed);
            Assert.IsTrue(r.AtEnd);
        }

        [TestMethod]
        public void ReadString_LengthBeyondTheRecord_Fails()
        {
            // Prefix 10, then only 3 bytes: a record whose checksum is valid but whose payload was written short.
            byte[] data = { 10, 0, (byte)'a', (byte)'b', (byte)'c' };
            RecordReader r = new RecordReader(data, 0, data.Length);
            Assert.IsNull(r.ReadString(64));
            Assert.IsTrue(r.Failed);
        }

        [TestMethod]
        public void ReadString_HalfALengthPrefix_Fails()
        {
            byte[] data = { 3 };
            RecordReader r = new RecordReader(data, 0, 1);
            Assert.IsNull(r.ReadString(64));
            Assert.IsTrue(r.Failed);
        }

        [TestMethod]
        public void Reader_RangeInsideALargerArray_StopsAtItsEnd()
        {
            byte[] data = { 9, 1, 0, 0, 0, 2, 0, 0, 0, 9 };
            RecordReader r = new RecordReader(data, 1, 4);
            Assert.AreEqual(1, r.ReadInt32());
            Assert.IsTrue(r.AtEnd);
            Assert.AreEqual(0, r.ReadByte(), "the bytes after the range are not the record's");
            Assert.IsTrue(r.Failed);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(3)]
        public void ReadInt32_ShortPayload_FailsWithZero(int available)
        {
            byte[] data = { 0xFF, 0xFF, 0xFF, 0xFF };
            RecordReader r = new RecordReader(data, 0, available);
            Assert.AreEqual(0, r.ReadInt32());
            Assert.IsTrue(r.Failed);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(4)]
        [DataRow(7)]
        public void ReadInt64_ShortPayload_FailsWithZero(int available)
        {
            byte[] data = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
            RecordReader r = new RecordReader(data, 0, available);
            Assert.AreEqual(0L, r.ReadInt64());
            Assert.IsTrue(r.Failed);
        }

        [TestMethod]
        public void Numbers_Extremes_RoundTrip()
        {
            RecordWriter w = new RecordWriter(16);
            w.WriteInt32(int.MinValue);
            w.WriteInt32(int.MaxValue);
            w.WriteInt32(-1);
            w.WriteInt64(long.MinValue);
            w.WriteInt64(long.MaxValue);
            w.WriteInt64(-2);
            w.WriteInt64(0x0102030405060708L);
            w.WriteByte(0xAB);
            RecordReader r = Reader(w);
            Assert.AreEqual(int.MinValue, r.ReadInt32());
            Assert.AreEqual(int.MaxValue, r.ReadInt32());
            Assert.AreEqual(-1, r.ReadInt32());
            Assert.AreEqual(long.MinValue, r.ReadInt64());
            Assert.AreEqual(long.MaxValue, r.ReadInt64());
            Assert.AreEqual(-2L, r.ReadInt64());
            Assert.AreEqual(0x0102030405060708L, r.ReadInt64());
            Assert.AreEqual(0xAB, r.ReadByte());
            Assert.IsTrue(r.AtEnd);
            Assert.AreEqual(0x08, (int)w.Buffer[36], "little-endian: the low byte first");
        }

        [TestMethod]
        public void ReadBool_OnlyZeroOrOne()
        {
            byte[] data = { 0, 1, 2 };
            RecordReader r = new RecordReader(data, 0, 3);
            Assert.IsFalse(r.ReadBool());
            Assert.IsTrue(r.ReadBool());
            Assert.IsFalse(r.Failed);
            r.ReadBool();
            Assert.IsTrue(r.Failed, "2 is no bool");
        }

        [TestMethod]
        public void ReadBytes_ExactlyWhatIsLeft_ThenMoreFails()
        {
            byte[] data = { 1, 2, 3 };
            RecordReader r = new RecordReader(data, 0, 3);
            byte[] b = r.ReadBytes(3);
            Assert.AreEqual(3, b.Length);
            Assert.AreEqual(3, (int)b[2]);
            Assert.IsTrue(r.AtEnd);
            Assert.IsNull(r.ReadBytes(1));
            Assert.IsTrue(r.Failed);
            Assert.IsNull(new RecordReader(data, 0, 3).ReadBytes(-1), "a negative count");
        }

        [TestMethod]
        public void WriteString_ExactlyTheLongestRecordString_ReadsBack()
        {
            string value = Repeat("a", 0xFFFE);
            RecordWriter w = new RecordWriter(16);
            w.WriteString(value);
            Assert.AreEqual(0xFE, (int)w.Buffer[0]);
            Assert.AreEqual(0xFF, (int)w.Buffer[1]);
            Assert.AreEqual(value, Reader(w).ReadString(0xFFFE));
        }

        [TestMethod]
        public void WriteString_LongerThanARecordString_CutAtTheLimitNeverReadAsNull()
        {
            // 0xFFFF would mean null: a string that long is cut to 0xFFFE bytes and the record stays readable.
            RecordWriter w = new RecordWriter(16);
            w.WriteString(Repeat("a", 0xFFFF + 10));
            w.WriteInt32(5);
            Assert.AreEqual(2 + 0xFFFE + 4, w.Length);
            RecordReader r = Reader(w);
            Assert.AreEqual(Repeat("a", 0xFFFE), r.ReadString(0xFFFF));
            Assert.AreEqual(5, r.ReadInt32());
            Assert.IsTrue(r.AtEnd);
        }

        [TestMethod]
        public void Writer_GrowsPastItsCapacityAndResetKeepsTheBuffer()
        {
            RecordWriter w = new RecordWriter(0);
            Assert.AreEqual(16, w.Buffer.Length, "at least 16 bytes");
            for (int i = 0; i < 100; i++)
            {
                w.WriteInt32(i);
            }

            Assert.AreEqual(400, w.Length);
            byte[] buffer = w.Buffer;
            RecordReader r = Reader(w);
            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual(i, r.ReadInt32());
            }

            w.Reset();
            Assert.AreEqual(0, w.Length);
            w.WriteBytes(new byte[] { 9, 8, 7 }, 1, 2);
            Assert.AreSame(buffer, w.Buffer);
            Assert.AreEqual(2, w.Length);
            Assert.AreEqual(8, (int)w.Buffer[0]);
            w.PatchInt32(0, 0x01020304);
            Assert.AreEqual(0x04, (int)w.Buffer[0]);
            Assert.AreEqual(0x01, (int)w.Buffer[3]);
        }
    }
}
