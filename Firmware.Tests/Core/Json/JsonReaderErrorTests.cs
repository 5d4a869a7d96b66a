using CommuneRadio.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Json
{
    /// <summary>
    /// Every <see cref="JsonError"/> with its position. Inputs are one byte per char, so "\u00C0\u0080" is
    /// the raw byte pair C0 80 (an overlong NUL), not text.
    /// </summary>
    [TestClass]
    public class JsonReaderErrorTests
    {
        [TestMethod]
        [DataRow("", "!UnexpectedEnd@0")]
        [DataRow("   ", "!UnexpectedEnd@3")]
        [DataRow("{", "{ !UnexpectedEnd@1")]
        [DataRow("{\"a\"", "{ a: !UnexpectedEnd@4")]
        [DataRow("{\"a\":", "{ a: !UnexpectedEnd@5")]
        [DataRow("[1", "[ 1 !UnexpectedEnd@2")]
        [DataRow("[1,", "[ 1 !UnexpectedEnd@3")]
        [DataRow("\"ab", "!UnexpectedEnd@3")]
        [DataRow("\"a\\", "!UnexpectedEnd@3")]
        [DataRow("tru", "!UnexpectedEnd@3")]
        [DataRow("-", "!UnexpectedEnd@1")]
        [DataRow("1.", "!UnexpectedEnd@2")]
        [DataRow("1e", "!UnexpectedEnd@2")]
        [DataRow("1e+", "!UnexpectedEnd@3")]
        public void Read_Truncated_UnexpectedEndAtTheEnd(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        [DataRow("[1,]", "[ 1 !UnexpectedCharacter@3")]
        [DataRow("{\"a\":1,}", "{ a: 1 !UnexpectedCharacter@7")]
        [DataRow("{,}", "{ !UnexpectedCharacter@1")]
        [DataRow("[,1]", "[ !UnexpectedCharacter@1")]
        [DataRow("{'a':1}", "{ !UnexpectedCharacter@1")]
        [DataRow("['a']", "[ !UnexpectedCharacter@1")]
        [DataRow("{\"a\" 1}", "{ a: !UnexpectedCharacter@5")]
        [DataRow("{\"a\"=1}", "{ a: !UnexpectedCharacter@4")]
        [DataRow("{\"a\":1]", "{ a: 1 !UnexpectedCharacter@6")]
        [DataRow("[1}", "[ 1 !UnexpectedCharacter@2")]
        [DataRow("[1 2]", "[ 1 !UnexpectedCharacter@3")]
        [DataRow("{1:2}", "{ !UnexpectedCharacter@1")]
        [DataRow("{a:2}", "{ !UnexpectedCharacter@1")]
        [DataRow("// c\n{}", "!UnexpectedCharacter@0")]
        [DataRow("[1,/*c*/2]", "[ 1 !UnexpectedCharacter@3")]
        [DataRow("NaN", "!UnexpectedCharacter@0")]
        [DataRow("Infinity", "!UnexpectedCharacter@0")]
        [DataRow("+1", "!UnexpectedCharacter@0")]
        [DataRow(".5", "!UnexpectedCharacter@0")]
        [DataRow("trux", "!UnexpectedCharacter@3")]
        [DataRow("True", "!UnexpectedCharacter@0")]
        [DataRow("nul1", "!UnexpectedCharacter@3")]
        [DataRow("]", "!UnexpectedCharacter@0")]
        [DataRow("\u0000", "!UnexpectedCharacter@0")]
        [DataRow("\u000C{}", "!UnexpectedCharacter@0")]
        [DataRow("\u00EF\u00BB\u00BF{}", "!UnexpectedCharacter@0")]
        [DataRow("[\u00C3\u00A9]", "[ !UnexpectedCharacter@1")]
        public void Read_BadStructure_UnexpectedCharacterAtTheByte(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        [DataRow("{} x", "{ } !TrailingData@3")]
        [DataRow("1 2", "1 !TrailingData@2")]
        [DataRow("{}{}", "{ } !TrailingData@2")]
        [DataRow("\"a\"\"b\"", "\"a\" !TrailingData@3")]
        [DataRow("[1]/*x*/", "[ 1 ] !TrailingData@3")]
        [DataRow("null,", "null !TrailingData@4")]
        [DataRow("{}\u0000", "{ } !TrailingData@2")]
        public void Read_AfterTopLevelValue_TrailingData(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        [DataRow("01", "!InvalidNumber@1")]
        [DataRow("-01", "!InvalidNumber@2")]
        [DataRow("[00]", "[ !InvalidNumber@2")]
        [DataRow("{\"a\":01}", "{ a: !InvalidNumber@6")]
        [DataRow("[1.]", "[ !InvalidNumber@3")]
        [DataRow("[-]", "[ !InvalidNumber@2")]
        [DataRow("-Infinity", "!InvalidNumber@1")]
        [DataRow("[1e+]", "[ !InvalidNumber@4")]
        [DataRow("[1.e5]", "[ !InvalidNumber@3")]
        [DataRow("1x", "!InvalidNumber@1")]
        [DataRow("0x10", "!InvalidNumber@1")]
        [DataRow("1.5.2", "!InvalidNumber@3")]
        [DataRow("1e5e5", "!InvalidNumber@3")]
        [DataRow("1-2", "!InvalidNumber@1")]
        [DataRow("--1", "!InvalidNumber@1")]
        public void Read_BadNumber_InvalidNumberAtTheByte(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        [DataRow("\"a\nb\"", "!InvalidString@2")]
        [DataRow("\"\t\"", "!InvalidString@1")]
        [DataRow("[\"\u0000\"]", "[ !InvalidString@2")]
        [DataRow("\"\u001F\"", "!InvalidString@1")]
        public void Read_RawControlCharacterInString_InvalidString(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        [DataRow("\"\\x\"", "!InvalidEscape@1")]
        [DataRow("\"ab\\'\"", "!InvalidEscape@3")]
        [DataRow("\"\\U0041\"", "!InvalidEscape@1")]
        [DataRow("\"\\u12G4\"", "!InvalidEscape@1")]
        [DataRow("\"\\u12\"", "!InvalidEscape@1")]
        [DataRow("\"\\u12", "!UnexpectedEnd@5")]
        [DataRow("\"\\ud800\"", "!InvalidEscape@1")]
        [DataRow("\"\\udc00\"", "!InvalidEscape@1")]
        [DataRow("\"\\uDBFF\\u0041\"", "!InvalidEscape@1")]
        [DataRow("\"\\udc00\\ud800\"", "!InvalidEscape@1")]
        [DataRow("\"\\ud800\\ud800\"", "!InvalidEscape@1")]
        [DataRow("\"\\ud800x\"", "!InvalidEscape@1")]
        [DataRow("\"\\ud800\\n\"", "!InvalidEscape@1")]
        [DataRow("\"\\ud800\\", "!UnexpectedEnd@8")]
        [DataRow("\"\\ud800\\udc0", "!UnexpectedEnd@12")]
        public void Read_BadEscape_InvalidEscapeAtTheBackslash(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        [DataRow("\"\u00C0\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00C1\u00BF\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00E0\u0080\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00E0\u009F\u00BF\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00F0\u0080\u0080\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00F0\u008F\u00BF\u00BF\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00ED\u00A0\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00ED\u00BF\u00BF\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00F4\u0090\u0080\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00F5\u0080\u0080\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00F8\u0088\u0080\u0080\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00FF\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00FE\"", "!InvalidUtf8@1")]
        [DataRow("\"\u0080\"", "!InvalidUtf8@1")]
        [DataRow("\"ok\u00BF\"", "!InvalidUtf8@3")]
        [DataRow("\"a\u00E2\u0082\"", "!InvalidUtf8@2")]
        [DataRow("\"\u00C3a\"", "!InvalidUtf8@1")]
        [DataRow("\"\u00F0\u009F\u0098\"", "!InvalidUtf8@1")]
        [DataRow("{\"\u00E2\u0082\u00AC\u00E2\":1}", "{ !InvalidUtf8@5")]
        [DataRow("\"\u00E2\u0082", "!UnexpectedEnd@3")]
        public void Read_IllFormedUtf8_InvalidUtf8AtTheLeadByte(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        public void Read_AfterError_StaysFailedWithNoToken()
        {
            JsonReader r = new JsonReader(JsonBytes.Raw("[1,]"), 0, 4, 4);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            Assert.IsFalse(r.Read());
            for (int i = 0; i < 3; i++)
            {
                Assert.IsFalse(r.Read());
                Assert.AreEqual((int)JsonTokenType.None, (int)r.TokenType);
                Assert.AreEqual((int)JsonError.UnexpectedCharacter, (int)r.Error);
                Assert.AreEqual(3, r.ErrorPosition);
            }

            long n;
            string s;
            Assert.IsFalse(r.TryGetInt64(out n));
            Assert.IsFalse(r.TryGetString(10, out s));
            Assert.IsFalse(r.TrySkip());
        }
    }
}
