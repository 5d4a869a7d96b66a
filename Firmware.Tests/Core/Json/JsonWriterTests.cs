using CommuneRadio.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Json
{
    [TestClass]
    public class JsonWriterTests
    {
        private static string Output(JsonWriter w)
        {
            return JsonBytes.Text(w.Buffer, 0, w.Length);
        }

        private static void WriteStatus(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("id", "a\"b");
            w.WriteNumber("n", -5);
            w.WritePropertyName("ok");
            w.WriteBoolean(true);
            w.WriteBoolean("off", false);
            w.WriteNull("none");
            w.WriteStartArray("lines");
            w.WriteNumber(1);
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteString("x");
            w.WriteEndArray();
            w.WriteStartObject("o");
            w.WriteNumber("k", 0);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private const string Status = "{\"id\":\"a\\\"b\",\"n\":-5,\"ok\":true,\"off\":false,\"none\":null,\"lines\":[1,{},[],\"x\"],\"o\":{\"k\":0}}";

        [TestMethod]
        public void Write_EveryKind_CompactWithCommas()
        {
            JsonWriter w = new JsonWriter(256);
            WriteStatus(w);
            Assert.AreEqual(Status, Output(w));
            Assert.IsTrue(w.IsComplete);
            Assert.IsFalse(w.Overflowed);
            Assert.IsFalse(w.Invalid);
            Assert.AreEqual(Status.Length, w.ToArray().Length);
            Assert.AreEqual(256, w.Capacity);
        }

        [TestMethod]
        public void Reset_AfterDocument_WritesTheNextFromTheStart()
        {
            JsonWriter w = new JsonWriter(256);
            WriteStatus(w);
            byte[] first = w.ToArray();
            w.Reset();
            Assert.AreEqual(0, w.Length);
            Assert.IsFalse(w.IsComplete);
            w.WriteNumber(3);
            Assert.AreEqual("3", Output(w));
            Assert.AreEqual(Status.Length, first.Length, "ToArray is a copy");
            Assert.AreEqual((byte)'{', first[0]);
        }

        [TestMethod]
        [DataRow(0L, "0")]
        [DataRow(-1L, "-1")]
        [DataRow(10L, "10")]
        [DataRow(1700000000123L, "1700000000123")]
        [DataRow(9223372036854775807L, "9223372036854775807")]
        [DataRow(-9223372036854775808L, "-9223372036854775808")]
        public void WriteNumber_Extremes_Decimal(long value, string text)
        {
            JsonWriter w = new JsonWriter(32);
            w.WriteNumber(value);
            Assert.AreEqual(text, Output(w));
        }

        [TestMethod]
        public void WriteString_Escaping_QuotesBackslashControlsAsU00XX()
        {
            JsonWriter w = new JsonWriter(64);
            w.WriteString("q\"b\\/\u0001\n\t\u001f\u007f");
            Assert.AreEqual("\"q\\\"b\\\\/\\u0001\\u000a\\u0009\\u001f\u007f\"", Output(w));
            w.Reset();
            w.WriteString((string)null);
            Assert.AreEqual("null", Output(w));
        }

        [TestMethod]
        public void WriteString_NonAscii_Utf8WithPairsAndLoneSurrogatesReplaced()
        {
            JsonWriter w = new JsonWriter(64);
            w.WriteString("\u00e9\u20ac\ud83d\ude00");
            Assert.AreEqual("\"\u00C3\u00A9\u00E2\u0082\u00AC\u00F0\u009F\u0098\u0080\"", Output(w));
            w.Reset();
            w.WriteString("a\ud83db\ude00\ud83d");
            Assert.AreEqual("\"a\u00EF\u00BF\u00BDb\u00EF\u00BF\u00BD\u00EF\u00BF\u00BD\"", Output(w));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("plain")]
        [DataRow("X\u00e3 h\u1ed9i \"An B\u00ecnh\"\\ \u0000\u001f\r\n\ud83d\udce2 \u07ff\u0800\uffff")]
        public void Write_ThenRead_RoundTrips(string text)
        {
            JsonWriter w = new JsonWriter(512);
            w.WriteStartObject();
            w.WriteString(text, text);
            w.WriteNumber("min", long.MinValue);
            w.WriteNumber("max", long.MaxValue);
            w.WriteEndObject();
            Assert.IsTrue(w.IsComplete);

            JsonReader r = new JsonReader(w.Buffer, 0, w.Length, 4);
            string s;
            long n;
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.ValueEquals(text));
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.TryGetString(1000, out s));
            Assert.AreEqual(text, s);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.TryGetInt64(out n));
            Assert.AreEqual(long.MinValue, n);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.TryGetInt64(out n));
            Assert.AreEqual(long.MaxValue, n);
            Assert.IsTrue(r.Read());
            Assert.IsFalse(r.Read());
            Assert.AreEqual((int)JsonError.None, (int)r.Error);
        }

        [TestMethod]
        public void Write_EveryCapacity_NeverThrowsAndKeepsAWholeTokenPrefix()
        {
            for (int capacity = 0; capacity <= Status.Length; capacity++)
            {
                JsonWriter w = new JsonWriter(capacity);
                WriteStatus(w);
                w.WriteNumber(1);
                Assert.IsTrue(w.Length <= capacity);
                string output = Output(w);
                Assert.IsTrue(Status.IndexOf(output) == 0, "prefix at capacity " + capacity.ToString());
                if (capacity < Status.Length)
                {
                    Assert.IsTrue(w.Overflowed, "capacity " + capacity.ToString());
                    Assert.IsFalse(w.IsComplete);
                }
                else
                {
                    Assert.IsFalse(w.Overflowed);
                    Assert.IsTrue(w.Invalid, "a second top-level value");
                }
            }

            JsonWriter small = new JsonWriter(10);
            small.WriteString("a long string that will not fit");
            Assert.IsTrue(small.Overflowed);
            Assert.AreEqual(0, small.Length);
            small.WriteNull();
            Assert.AreEqual(0, small.Length, "writes after an overflow are ignored");
        }

        [TestMethod]
        public void Write_Misuse_SetsInvalidAndStops()
        {
            Assert.IsTrue(Misused(0), "value in an object without a name");
            Assert.IsTrue(Misused(1), "name in an array");
            Assert.IsTrue(Misused(2), "EndArray closing an object");
            Assert.IsTrue(Misused(3), "EndObject at top level");
            Assert.IsTrue(Misused(4), "two top-level values");
            Assert.IsTrue(Misused(5), "EndObject straight after a name");
            Assert.IsTrue(Misused(6), "name at top level");
            Assert.IsTrue(Misused(7), "two names in a row");
            Assert.IsTrue(Misused(8), "null name");
            Assert.IsTrue(Misused(9), "bad raw range");

            JsonWriter w = new JsonWriter(256);
            for (int i = 0; i < JsonWriter.MaxDepth; i++)
            {
                w.WriteStartArray();
            }

            Assert.IsFalse(w.Invalid);
            w.WriteStartArray();
            Assert.IsTrue(w.Invalid, "65 levels");
            Assert.AreEqual(JsonWriter.MaxDepth, w.Length);
        }

        private static bool Misused(int kind)
        {
            JsonWriter w = new JsonWriter(64);
            switch (kind)
            {
                case 0: w.WriteStartObject(); w.WriteNumber(1); break;
                case 1: w.WriteStartArray(); w.WritePropertyName("a"); break;
                case 2: w.WriteStartObject(); w.WriteEndArray(); break;
                case 3: w.WriteEndObject(); break;
                case 4: w.WriteNumber(1); w.WriteNumber(2); break;
                case 5: w.WriteStartObject(); w.WritePropertyName("a"); w.WriteEndObject(); break;
                case 6: w.WritePropertyName("a"); break;
                case 7: w.WriteStartObject(); w.WritePropertyName("a"); w.WritePropertyName("b"); break;
                case 8: w.WriteStartObject(); w.WritePropertyName(null); break;
                default: w.WriteStartArray(); w.WriteRawValue(new byte[2], 1, 2); break;
            }

            int length = w.Length;
            w.WriteNull();
            return w.Invalid && !w.Overflowed && w.Length == length && !w.IsComplete;
        }

        [TestMethod]
        public void WriteRawValue_SignedBody_EmbeddedByteForByte()
        {
            byte[] received = JsonBytes.Raw("{\"body\" : { \"op\":\"play\" , \"n\":[1, 2]} , \"sig\":\"x\"}");
            JsonReader r = new JsonReader(received, 0, received.Length, 8);
            r.Read();
            r.Read();
            int start;
            int length;
            Assert.IsTrue(r.TryGetValueSpan(out start, out length));

            JsonWriter w = new JsonWriter(128);
            w.WriteStartObject();
            w.WritePropertyName("body");
            w.WriteRawValue(received, start, length);
            w.WriteHexString("sig", new byte[] { 0x01, 0xAB, 0xFF }, 0, 3);
            w.WriteStartArray("raw");
            w.WriteRawValue(received, start, length);
            w.WriteRawValue(JsonBytes.Raw("7"), 0, 1);
            w.WriteEndArray();
            w.WriteEndObject();
            Assert.AreEqual("{\"body\":{ \"op\":\"play\" , \"n\":[1, 2]},\"sig\":\"01abff\",\"raw\":[{ \"op\":\"play\" , \"n\":[1, 2]},7]}", Output(w));
            Assert.IsTrue(w.IsComplete);
            Assert.AreEqual("{ body: { op: \"play\" n: [ 1 2 ] } sig: \"01abff\" raw: [ { op: \"play\" n: [ 1 2 ] } 7 ] }",
                JsonBytes.Trace(w.ToArray(), 8));
        }

        [TestMethod]
        public void WriteAsciiString_TokenBytes_CopiedAsAString()
        {
            JsonWriter w = new JsonWriter(64);
            byte[] payload = JsonBytes.Raw("xx\"c-17:a/b_Z.9\"yy");
            w.WriteStartObject();
            w.WriteAsciiString("id", payload, 3, 12);
            w.WriteEndObject();
            Assert.AreEqual("{\"id\":\"c-17:a/b_Z.9\"}", Output(w));
            Assert.IsFalse(w.Invalid);
        }

        [TestMethod]
        [DataRow("a\"b")]
        [DataRow("a\\b")]
        [DataRow("a\u0001b")]
        [DataRow("a\u00e9b")]
        public void WriteAsciiString_ByteThatNeedsEscaping_WriterInvalid(string text)
        {
            JsonWriter w = new JsonWriter(64);
            byte[] bytes = JsonBytes.Raw(text);
            w.WriteStartObject();
            w.WriteAsciiString("id", bytes, 0, bytes.Length);
            Assert.IsTrue(w.Invalid, text);
        }

        [TestMethod]
        public void WriteAsciiString_RangeOutsideTheArray_WriterInvalid()
        {
            JsonWriter w = new JsonWriter(64);
            w.WriteStartObject();
            w.WriteAsciiString("id", JsonBytes.Raw("abc"), 2, 5);
            Assert.IsTrue(w.Invalid);
        }
    }
}
