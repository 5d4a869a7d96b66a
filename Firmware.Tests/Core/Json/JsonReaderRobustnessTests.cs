using System;
using CommuneRadio.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Json
{
    /// <summary>
    /// Hostile input: 20,000 deterministic random and mutated payloads. The reader must never throw, must
    /// finish in at most length + 1 successful reads, and must report errors inside the input.
    /// </summary>
    [TestClass]
    public class JsonReaderRobustnessTests
    {
        private const int Inputs = 20000;
        private const string Alphabet = "{}[]\"\\:,  -+.0123456789eEtrufalsn/u\t\n";

        private static readonly string[] Seeds =
        {
            "{\"v\":1,\"id\":\"cmd-0042\",\"ts\":1700000000123,\"body\":{\"op\":\"add\",\"lines\":[1,2,3],\"vol\":-0.5e2},\"sig\":\"00ab\"}",
            "[true,false,null,{\"a\\u00e9\\ud83d\\ude00\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"},[[[]]],-0,12.5E+3]",
            "{\"name\":\"X\u00C3\u00A3 h\u00E1\u00BB\u0099i \u00F0\u009F\u0093\u00A2\",\"empty\":{},\"list\":[ 1 , { } , \"\" ]}",
            " \"top\" ",
            "9223372036854775807",
        };

        private static uint _state;

        private static int Next(int bound)
        {
            _state = unchecked(_state * 1664525u + 1013904223u);
            return (int)((_state >> 8) % (uint)bound);
        }

        private static byte RandomByte()
        {
            return Next(4) == 0 ? (byte)Next(256) : (byte)Alphabet[Next(Alphabet.Length)];
        }

        private static byte[] RandomInput()
        {
            byte[] b = new byte[Next(48)];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = RandomByte();
            }

            return b;
        }

        private static byte[] MutatedInput()
        {
            byte[] b = JsonBytes.Raw(Seeds[Next(Seeds.Length)]);
            int mutations = 1 + Next(4);
            for (int m = 0; m < mutations && b.Length > 0; m++)
            {
                int at = Next(b.Length);
                int kind = Next(4);
                if (kind == 0)
                {
                    b[at] = RandomByte();
                }
                else
                {
                    // Insert a byte, delete one, or cut the payload short.
                    int length = kind == 1 ? b.Length + 1 : kind == 2 ? b.Length - 1 : at;
                    byte[] c = new byte[length];
                    Array.Copy(b, c, at < length ? at : length);
                    if (kind == 1)
                    {
                        c[at] = RandomByte();
                        Array.Copy(b, at, c, at + 1, b.Length - at);
                    }
                    else if (kind == 2)
                    {
                        Array.Copy(b, at + 1, c, at, b.Length - at - 1);
                    }

                    b = c;
                }
            }

            return b;
        }

        [TestMethod]
        public void Read_RandomAndMutatedInputs_NeverThrowsAndAlwaysTerminates()
        {
            _state = 20260601;
            int accepted = 0;
            int rejected = 0;
            JsonReader r = new JsonReader(6);
            for (int n = 0; n < Inputs; n++)
            {
                byte[] input = (n & 1) == 0 ? RandomInput() : MutatedInput();
                string thrown = null;
                try
                {
                    if (Exercise(r, input))
                    {
                        accepted++;
                        CheckRootSpan(input);
                    }
                    else
                    {
                        rejected++;
                    }
                }
                catch (Exception e)
                {
                    thrown = "input " + n.ToString() + " (" + Hex.ToHex(input) + ") threw " + e.Message;
                }

                Assert.IsNull(thrown);
            }

            OutputHelper.WriteLine("robustness: " + accepted.ToString() + " accepted, " + rejected.ToString() + " rejected");
            Assert.AreEqual(Inputs, accepted + rejected);
            Assert.IsTrue(accepted > 500, "the mutations should leave many documents valid");
            Assert.IsTrue(rejected > 5000);
        }

        // Reads one input, poking the typed accessors on the way; true when the document is valid.
        private static bool Exercise(JsonReader r, byte[] input)
        {
            r.Reset(input, 0, input.Length);
            int reads = 1;
            while (r.Read())
            {
                reads++;
                Assert.IsTrue(reads <= input.Length + 2, "reads bounded by the input length");
                Assert.IsTrue(r.TokenStart >= 0 && r.TokenLength >= 0 && r.TokenStart + r.TokenLength <= input.Length);
                string s;
                long l;
                bool b;
                int start;
                int length;
                switch (Next(6))
                {
                    case 0:
                        r.TryGetString(8, out s);
                        break;
                    case 1:
                        r.ValueEquals("a\u00e9");
                        break;
                    case 2:
                        r.TryGetInt64(out l);
                        r.TryGetBoolean(out b);
                        break;
                    case 3:
                        r.TrySkip();
                        break;
                    case 4:
                        if (r.TryGetValueSpan(out start, out length))
                        {
                            Assert.IsTrue(start >= 0 && length > 0 && start + length <= input.Length, "span inside the input");
                        }

                        break;
                }
            }

            Assert.IsTrue(reads <= input.Length + 2);
            if (r.Error != JsonError.None)
            {
                Assert.IsTrue(r.ErrorPosition >= 0 && r.ErrorPosition <= input.Length, "error position inside the input");
                return false;
            }

            Assert.AreEqual((int)JsonTokenType.None, (int)r.TokenType);
            return true;
        }

        // A valid document's root span, read on its own, is a valid document too (the HMAC-body property).
        private static void CheckRootSpan(byte[] input)
        {
            JsonReader whole = new JsonReader(input, 0, input.Length, 6);
            Assert.IsTrue(whole.Read());
            int start;
            int length;
            Assert.IsTrue(whole.TryGetValueSpan(out start, out length));
            Assert.IsFalse(whole.Read());
            Assert.AreEqual((int)JsonError.None, (int)whole.Error);

            JsonReader part = new JsonReader(input, start, length, 6);
            while (part.Read())
            {
            }

            Assert.AreEqual((int)JsonError.None, (int)part.Error);
        }
    }
}
