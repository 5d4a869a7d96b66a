using CommuneRadio.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Json
{
    /// <summary>Typed access: strings (escapes, UTF-8, limits), ValueEquals, integers and booleans.</summary>
    [TestClass]
    public class JsonReaderValueTests
    {
        private static JsonReader First(byte[] json)
        {
            JsonReader r = new JsonReader(json, 0, json.Length, 4);
            Assert.IsTrue(r.Read(), "first token");
            return r;
        }

        private static string Decoded(byte[] json)
        {
            string s;
            Assert.IsTrue(First(json).TryGetString(100, out s));
            return s;
        }

        [TestMethod]
        public void TryGetString_EveryShortEscape_Decoded()
        {
            Assert.AreEqual("\"\\/\b\f\n\r\t", Decoded(JsonBytes.Raw("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"")));
        }

        [TestMethod]
        [DataRow("\"\\u00e9\"", "\u00e9")]
        [DataRow("\"\\u20AC\"", "\u20ac")]
        [DataRow("\"\\u0000\"", "\u0000")]
        [DataRow("\"\\uFFFF\"", "\uffff")]
        [DataRow("\"a\\ud83d\\ude00b\"", "a\ud83d\ude00b")]
        [DataRow("\"\\uD83D\\uDE00\"", "\ud83d\ude00")]
        [DataRow("\"\\udbff\\udfff\"", "\udbff\udfff")]
        [DataRow("\"\"", "")]
        public void TryGetString_UnicodeEscapes_DecodedIncludingSurrogatePairs(string json, string expected)
        {
            Assert.AreEqual(expected, Decoded(JsonBytes.Raw(json)));
        }

        [TestMethod]
        [DataRow("X\u00e3 h\u1ed9i An B\u00ecnh")]
        [DataRow("\u0080\u07ff\u0800\ud7ff\ue000\uffff")]
        [DataRow("\ud800\udc00\udbff\udfff\ud83d\udce2")]
        public void TryGetString_RawUtf8_DecodedAtEveryBoundary(string text)
        {
            byte[] utf8 = JsonBytes.Utf8("\"" + text + "\"");
            Assert.AreEqual(text, Decoded(utf8));
            JsonReader r = First(utf8);
            Assert.IsTrue(r.ValueEquals(text));
            Assert.IsFalse(r.ValueIsEscaped);
        }

        [TestMethod]
        public void TryGetString_MaxChars_CountsUtf16UnitsBeforeAllocating()
        {
            string s;
            JsonReader r = First(JsonBytes.Raw("\"abcdef\""));
            Assert.IsFalse(r.TryGetString(5, out s));
            Assert.IsNull(s);
            Assert.IsTrue(r.TryGetString(6, out s));
            Assert.AreEqual("abcdef", s);

            r = First(JsonBytes.Raw("\"\\u00e9\\ud83d\\ude00\""));
            Assert.IsFalse(r.TryGetString(2, out s), "one escape char plus a surrogate pair is 3 units");
            Assert.IsTrue(r.TryGetString(3, out s));
            Assert.IsTrue(First(JsonBytes.Raw("\"\"")).TryGetString(0, out s));
            Assert.AreEqual(string.Empty, s);
        }

        [TestMethod]
        public void TryGetString_NotAString_False()
        {
            string s;
            Assert.IsFalse(First(JsonBytes.Raw("12")).TryGetString(10, out s));
            Assert.IsNull(s);
            Assert.IsFalse(First(JsonBytes.Raw("{}")).TryGetString(10, out s));
            Assert.IsFalse(First(JsonBytes.Raw("null")).TryGetString(10, out s));
        }

        [TestMethod]
        public void ValueEquals_EscapedName_ComparesDecodedText()
        {
            JsonReader r = new JsonReader(JsonBytes.Raw("{\"c\\u006fde\":\"a\\\"b\\\\\"}"), 0, 22, 4);
            r.Read();
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.ValueIsEscaped);
            Assert.IsTrue(r.ValueEquals("code"));
            Assert.IsFalse(r.ValueEquals("cod"));
            Assert.IsFalse(r.ValueEquals("codes"));
            Assert.IsFalse(r.ValueEquals("Code"));
            Assert.IsFalse(r.ValueEquals("c\\u006fde"));
            Assert.IsFalse(r.ValueEquals(null));
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.ValueEquals("a\"b\\"));
            Assert.IsTrue(r.Read());
            Assert.IsFalse(r.ValueEquals("}"), "not a string token");
        }

        [TestMethod]
        public void ValueEquals_SurrogatesInText_PairMatchesLoneNever()
        {
            JsonReader r = First(JsonBytes.Raw("\"\\ud83d\\ude00\""));
            Assert.IsTrue(r.ValueEquals("\ud83d\ude00"));
            Assert.IsFalse(r.ValueEquals("\ude00\ud83d"));
            Assert.IsFalse(r.ValueEquals("ab"));
            r = First(JsonBytes.Raw("\"ab\""));
            Assert.IsFalse(r.ValueEquals("\ud83d\ude00"), "same unit count, fewer code points");
            Assert.IsFalse(r.ValueEquals("a\ud83d"));
            Assert.IsTrue(First(JsonBytes.Raw("\"\"")).ValueEquals(string.Empty));
            Assert.IsFalse(First(JsonBytes.Raw("7")).ValueEquals("7"));
        }

        [TestMethod]
        [DataRow("0", 0L)]
        [DataRow("-0", 0L)]
        [DataRow("7", 7L)]
        [DataRow("-42", -42L)]
        [DataRow("1700000000000", 1700000000000L)]
        [DataRow("9223372036854775807", 9223372036854775807L)]
        [DataRow("-9223372036854775808", -9223372036854775808L)]
        [DataRow("[ 9223372036854775807 ]", 9223372036854775807L)]
        public void TryGetInt64_Integer_Parsed(string json, long expected)
        {
            JsonReader r = First(JsonBytes.Raw(json));
            if (r.TokenType == JsonTokenType.StartArray)
            {
                r.Read();
            }

            long v;
            Assert.IsTrue(r.TryGetInt64(out v));
            Assert.AreEqual(expected, v);
        }

        [TestMethod]
        [DataRow("9223372036854775808")]
        [DataRow("-9223372036854775809")]
        [DataRow("99999999999999999999")]
        [DataRow("18446744073709551616")]
        [DataRow("1.0")]
        [DataRow("1e3")]
        [DataRow("-0.5E-2")]
        [DataRow("0e0")]
        [DataRow("\"5\"")]
        [DataRow("true")]
        public void TryGetInt64_NotAnInt64_FalseButTokenIsValid(string json)
        {
            JsonReader r = First(JsonBytes.Raw(json));
            long v;
            Assert.IsFalse(r.TryGetInt64(out v));
            Assert.AreEqual(0L, v);
            Assert.IsFalse(r.Read());
            Assert.AreEqual((int)JsonError.None, (int)r.Error);
        }

        [TestMethod]
        public void TryGetInt32_Range_CheckedAtBothEnds()
        {
            int v;
            Assert.IsTrue(First(JsonBytes.Raw("2147483647")).TryGetInt32(out v));
            Assert.AreEqual(int.MaxValue, v);
            Assert.IsTrue(First(JsonBytes.Raw("-2147483648")).TryGetInt32(out v));
            Assert.AreEqual(int.MinValue, v);
            Assert.IsFalse(First(JsonBytes.Raw("2147483648")).TryGetInt32(out v));
            Assert.IsFalse(First(JsonBytes.Raw("-2147483649")).TryGetInt32(out v));
            Assert.IsFalse(First(JsonBytes.Raw("2.5")).TryGetInt32(out v));
            Assert.AreEqual(0, v);
        }

        [TestMethod]
        public void TryGetBoolean_TrueFalseOnly()
        {
            bool b;
            Assert.IsTrue(First(JsonBytes.Raw("true")).TryGetBoolean(out b));
            Assert.IsTrue(b);
            Assert.IsTrue(First(JsonBytes.Raw("false")).TryGetBoolean(out b));
            Assert.IsFalse(b);
            Assert.IsFalse(First(JsonBytes.Raw("null")).TryGetBoolean(out b));
            Assert.IsFalse(First(JsonBytes.Raw("1")).TryGetBoolean(out b));
            Assert.IsFalse(First(JsonBytes.Raw("\"true\"")).TryGetBoolean(out b));
            Assert.IsFalse(b);
        }

        [TestMethod]
        public void Hex_TryDecode_FromUnescapedStringTokenInPlace()
        {
            byte[] json = JsonBytes.Raw("{\"sig\":\"00ab7FFF\"}");
            JsonReader r = new JsonReader(json, 0, json.Length, 4);
            r.Read();
            r.Read();
            r.Read();
            Assert.IsFalse(r.ValueIsEscaped);
            byte[] sig = new byte[4];
            int written;
            Assert.IsTrue(Hex.TryDecode(r.Buffer, r.TokenStart, r.TokenLength, sig, 0, out written));
            Assert.AreEqual(4, written);
            Assert.AreEqual("00ab7fff", Hex.ToHex(sig));
        }
    }
}
