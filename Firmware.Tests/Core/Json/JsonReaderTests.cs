using CommuneRadio.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Json
{
    [TestClass]
    public class JsonReaderTests
    {
        [TestMethod]
        public void Read_ObjectWithArray_YieldsEveryTokenWithDepth()
        {
            JsonReader r = new JsonReader(JsonBytes.Raw("{\"a\":[1,true]}"), 0, 14, 8);
            JsonTokenType[] types =
            {
                JsonTokenType.StartObject, JsonTokenType.PropertyName, JsonTokenType.StartArray, JsonTokenType.Number,
                JsonTokenType.True, JsonTokenType.EndArray, JsonTokenType.EndObject,
            };
            int[] depths = { 0, 1, 1, 2, 2, 1, 0 };
            int[] starts = { 0, 2, 5, 6, 8, 12, 13 };
            int[] lengths = { 1, 1, 1, 1, 4, 1, 1 };
            for (int i = 0; i < types.Length; i++)
            {
                Assert.IsTrue(r.Read(), "token " + i.ToString());
                Assert.AreEqual((int)types[i], (int)r.TokenType, "type " + i.ToString());
                Assert.AreEqual(depths[i], r.Depth, "depth " + i.ToString());
                Assert.AreEqual(starts[i], r.TokenStart, "start " + i.ToString());
                Assert.AreEqual(lengths[i], r.TokenLength, "length " + i.ToString());
            }

            Assert.IsFalse(r.Read());
            Assert.AreEqual((int)JsonError.None, (int)r.Error);
            Assert.AreEqual((int)JsonTokenType.None, (int)r.TokenType);
            Assert.IsFalse(r.Read());
        }

        [TestMethod]
        public void Read_EveryTokenType_Traced()
        {
            Assert.AreEqual("{ s: \"x\" n: -1.5e3 t: true f: false z: null o: { } a: [ ] }",
                JsonBytes.Trace("{\"s\":\"x\",\"n\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,\"o\":{},\"a\":[]}"));
        }

        [TestMethod]
        [DataRow("1", "1")]
        [DataRow("\"x\"", "\"x\"")]
        [DataRow("true", "true")]
        [DataRow("false", "false")]
        [DataRow("null", "null")]
        [DataRow("-0.5e+3", "-0.5e+3")]
        [DataRow(" \t\r\n0 \t\r\n", "0")]
        public void Read_ScalarAtTopLevel_IsADocument(string json, string trace)
        {
            Assert.AreEqual(trace, JsonBytes.Trace(json));
        }

        [TestMethod]
        public void Read_NestedContainersAndWhitespace_Traced()
        {
            Assert.AreEqual("{ a: { } b: [ [ ] { } [ 1 [ 2 ] ] ] c: { d: { e: [ null ] } } }",
                JsonBytes.Trace(" {\"a\" : {} ,\r\n\"b\":[ [],{} ,[1,[2]]],\t\"c\":{\"d\":{\"e\":[null]}}} \n"));
        }

        [TestMethod]
        public void TokenStart_String_ExcludesQuotesAndKeepsEscapes()
        {
            JsonReader r = new JsonReader(JsonBytes.Raw("[\"a\\n\"]"), 0, 7, 4);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            Assert.AreEqual(2, r.TokenStart);
            Assert.AreEqual(3, r.TokenLength);
            Assert.IsTrue(r.ValueIsEscaped);
        }

        [TestMethod]
        public void Read_SliceOfLargerBuffer_PositionsAreBufferIndexes()
        {
            byte[] b = JsonBytes.Raw("xx{\"k\":7}yy");
            JsonReader r = new JsonReader(b, 2, 7, 4);
            Assert.AreEqual("{ k: 7 }", JsonBytes.Trace(r));
            r.Reset(b, 2, 8);
            Assert.AreEqual("{ k: 7 } !TrailingData@9", JsonBytes.Trace(r));
            r.Reset(b, 2, 6);
            Assert.AreEqual("{ k: 7 !UnexpectedEnd@8", JsonBytes.Trace(r));
        }

        [TestMethod]
        public void Reset_InvalidRange_FailsWithInvalidArgument()
        {
            byte[] b = JsonBytes.Raw("{}");
            Assert.AreEqual("!InvalidArgument@0", JsonBytes.Trace(new JsonReader(null, 0, 0, 4)));
            Assert.AreEqual("!InvalidArgument@0", JsonBytes.Trace(new JsonReader(b, -1, 2, 4)));
            Assert.AreEqual("!InvalidArgument@0", JsonBytes.Trace(new JsonReader(b, 1, 2, 4)));
            Assert.AreEqual("!InvalidArgument@0", JsonBytes.Trace(new JsonReader(b, 0, -1, 4)));
            Assert.AreEqual("!InvalidArgument@0", JsonBytes.Trace(new JsonReader(b, 2, int.MaxValue, 4)));
            JsonReader r = new JsonReader(4);
            Assert.AreEqual("!UnexpectedEnd@0", JsonBytes.Trace(r));
            r.Reset(b, 0, 2);
            Assert.AreEqual("{ }", JsonBytes.Trace(r));
        }

        [TestMethod]
        public void Read_DeeperThanMaxDepth_TooDeepAtTheBracket()
        {
            Assert.AreEqual("[ [ 1 ] ]", JsonBytes.Trace(JsonBytes.Raw("[[1]]"), 2));
            Assert.AreEqual("[ [ !TooDeep@2", JsonBytes.Trace(JsonBytes.Raw("[[[1]]]"), 2));
            Assert.AreEqual("{ a: !TooDeep@5", JsonBytes.Trace(JsonBytes.Raw("{\"a\":{}}"), 1));
            Assert.AreEqual("7", JsonBytes.Trace(JsonBytes.Raw("7"), 0));
            Assert.AreEqual("!TooDeep@0", JsonBytes.Trace(JsonBytes.Raw("[]"), 0));
            Assert.AreEqual("!TooDeep@0", JsonBytes.Trace(JsonBytes.Raw("{}"), -5));
        }

        [TestMethod]
        public void Read_SixtyFourLevels_AcceptedAndSixtyFiveRefused()
        {
            Assert.AreEqual((int)JsonError.None, (int)ReadAll(Nested(64), 64).Error);
            Assert.AreEqual((int)JsonError.None, (int)ReadAll(Nested(64), 1000).Error, "maxDepth is clamped to 64");
            JsonReader r = ReadAll(Nested(65), 1000);
            Assert.AreEqual((int)JsonError.TooDeep, (int)r.Error);
            Assert.AreEqual(64, r.ErrorPosition);
        }

        [TestMethod]
        public void Read_AlternatingObjectsAndArrays_ClosesEachWithItsOwnBracket()
        {
            string open = string.Empty;
            string close = string.Empty;
            for (int i = 0; i < 32; i++)
            {
                open += "{\"k\":[";
                close = "]}" + close;
            }

            Assert.AreEqual((int)JsonError.None, (int)ReadAll(JsonBytes.Raw(open + close), 64).Error);
            JsonReader r = ReadAll(JsonBytes.Raw(open + close.Substring(1) + "]"), 64);
            Assert.AreEqual((int)JsonError.UnexpectedCharacter, (int)r.Error);
            Assert.AreEqual(open.Length, r.ErrorPosition);
        }

        [TestMethod]
        public void TrySkip_FromPropertyNameAndStart_LandsOnTheValuesLastToken()
        {
            byte[] b = JsonBytes.Raw("{\"skip\":{\"x\":[1,{\"y\":2}]},\"n\":[3],\"keep\":5}");
            JsonReader r = new JsonReader(b, 0, b.Length, 8);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.ValueEquals("skip"));
            Assert.IsTrue(r.TrySkip());
            Assert.AreEqual((int)JsonTokenType.EndObject, (int)r.TokenType);
            Assert.AreEqual(1, r.Depth);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.ValueEquals("n"));
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.TrySkip());
            Assert.AreEqual((int)JsonTokenType.EndArray, (int)r.TokenType);
            Assert.AreEqual("keep: 5 }", JsonBytes.Trace(r));
        }

        [TestMethod]
        public void TrySkip_ScalarOrEnd_DoesNothing_None_IsFalse()
        {
            JsonReader r = new JsonReader(JsonBytes.Raw("[1]"), 0, 3, 4);
            Assert.IsFalse(r.TrySkip());
            r.Read();
            r.Read();
            Assert.IsTrue(r.TrySkip());
            Assert.AreEqual((int)JsonTokenType.Number, (int)r.TokenType);
            r.Read();
            Assert.IsTrue(r.TrySkip());
            Assert.AreEqual((int)JsonTokenType.EndArray, (int)r.TokenType);
        }

        [TestMethod]
        public void TrySkip_ErrorInsideValue_FalseWithError()
        {
            JsonReader r = new JsonReader(JsonBytes.Raw("{\"a\":[1,2,}"), 0, 11, 4);
            r.Read();
            r.Read();
            Assert.IsFalse(r.TrySkip());
            Assert.AreEqual((int)JsonError.UnexpectedCharacter, (int)r.Error);
            Assert.AreEqual(10, r.ErrorPosition);
        }

        [TestMethod]
        public void TryGetValueSpan_Body_ExactBytesWithInnerWhitespace()
        {
            string json = "{\"v\":1, \"body\" :  { \"op\" : \"play\",\n\t\"lines\":[ 1, 2 ] }  ,\"sig\":\"ab\"}";
            byte[] b = JsonBytes.Raw(json);
            JsonReader r = new JsonReader(b, 0, b.Length, 8);
            int start = -1;
            int length = -1;
            while (r.Read())
            {
                if (r.TokenType == JsonTokenType.PropertyName && r.ValueEquals("body"))
                {
                    Assert.IsTrue(r.TryGetValueSpan(out start, out length));
                    Assert.AreEqual((int)JsonTokenType.EndObject, (int)r.TokenType);
                }
            }

            Assert.AreEqual((int)JsonError.None, (int)r.Error);
            Assert.AreEqual(json.IndexOf("{ \"op\""), start);
            Assert.AreEqual("{ \"op\" : \"play\",\n\t\"lines\":[ 1, 2 ] }", JsonBytes.Text(b, start, length));
        }

        [TestMethod]
        [DataRow("[\"a\\\"b\" ]", "\"a\\\"b\"")]
        [DataRow("[-12.5e3 ]", "-12.5e3")]
        [DataRow("[true ]", "true")]
        [DataRow("[false]", "false")]
        [DataRow("[null]", "null")]
        [DataRow("[[ ] ]", "[ ]")]
        [DataRow("[{\"x\":{}} ]", "{\"x\":{}}")]
        public void TryGetValueSpan_EachValueKind_RawTokenIncludingQuotes(string json, string span)
        {
            byte[] b = JsonBytes.Raw(json);
            JsonReader r = new JsonReader(b, 0, b.Length, 8);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            int start;
            int length;
            Assert.IsTrue(r.TryGetValueSpan(out start, out length));
            Assert.AreEqual(span, JsonBytes.Text(b, start, length));
            Assert.IsTrue(r.Read());
            Assert.AreEqual((int)JsonTokenType.EndArray, (int)r.TokenType);
        }

        [TestMethod]
        public void TryGetValueSpan_EndTokenOrTruncatedValue_False()
        {
            byte[] b = JsonBytes.Raw("{\"body\":{\"a\":[1,2}");
            JsonReader r = new JsonReader(b, 0, b.Length, 8);
            int start;
            int length;
            Assert.IsFalse(r.TryGetValueSpan(out start, out length), "no token yet");
            r.Read();
            r.Read();
            Assert.IsFalse(r.TryGetValueSpan(out start, out length));
            Assert.AreEqual(0, length);
            Assert.AreEqual((int)JsonError.UnexpectedCharacter, (int)r.Error);
            r.Reset(JsonBytes.Raw("[]"), 0, 2);
            r.Read();
            r.Read();
            Assert.IsFalse(r.TryGetValueSpan(out start, out length), "on EndArray");
        }

        private static byte[] Nested(int levels)
        {
            byte[] b = new byte[levels * 2];
            for (int i = 0; i < levels; i++)
            {
                b[i] = (byte)'[';
                b[levels + i] = (byte)']';
            }

            return b;
        }

        private static JsonReader ReadAll(byte[] json, int maxDepth)
        {
            JsonReader r = new JsonReader(json, 0, json.Length, maxDepth);
            while (r.Read())
            {
            }

            return r;
        }
    }
}
