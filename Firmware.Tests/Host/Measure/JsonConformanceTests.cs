using System;
using System.Text;
using System.Text.Json;
using CommuneRadio.Core.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Measure
{
    /// <summary>
    /// Host-only differential check of the Core JSON reader's grammar against .NET's Utf8JsonReader with
    /// comments and trailing commas disallowed: on ASCII inputs without \u escapes (where the two differ by
    /// design: Utf8JsonReader leaves UTF-8 and surrogate validation to GetString) they must agree on every
    /// input about whether it is one valid document.
    /// </summary>
    [TestClass]
    public sealed class JsonConformanceTests
    {
        private const string Alphabet = "{}[]\"\\:,  -+.0123456789eEtrufalsnbx/\t\n\r\f";

        private static readonly string[] Seeds =
        {
            "{\"v\":1,\"id\":\"cmd-0042\",\"ts\":1700000000123,\"body\":{\"op\":\"add\",\"lines\":[1,2,3],\"vol\":-0.5e2},\"sig\":\"00ab\"}",
            "[true,false,null,{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"},[[[]]],-0,12.5E+3,0.0e-0]",
            " {\"empty\":{},\"list\":[ 1 , { } , \"\" ]} ",
        };

        private static uint _state;

        public TestContext TestContext { get; set; }

        private static int Next(int bound)
        {
            _state = unchecked(_state * 1664525u + 1013904223u);
            return (int)((_state >> 8) % (uint)bound);
        }

        private static byte[] Input()
        {
            StringBuilder sb = new StringBuilder();
            if (Next(2) == 0)
            {
                int n = Next(24);
                for (int i = 0; i < n; i++)
                {
                    sb.Append(Alphabet[Next(Alphabet.Length)]);
                }
            }
            else
            {
                sb.Append(Seeds[Next(Seeds.Length)]);
                int mutations = 1 + Next(3);
                for (int m = 0; m < mutations && sb.Length > 0; m++)
                {
                    int at = Next(sb.Length);
                    switch (Next(3))
                    {
                        case 0: sb[at] = Alphabet[Next(Alphabet.Length)]; break;
                        case 1: sb.Insert(at, Alphabet[Next(Alphabet.Length)]); break;
                        default: sb.Remove(at, 1); break;
                    }
                }
            }

            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        private static bool OursAccepts(byte[] input)
        {
            JsonReader r = new JsonReader(input, 0, input.Length, 64);
            while (r.Read())
            {
            }

            return r.Error == JsonError.None;
        }

        private static bool ReferenceAccepts(byte[] input)
        {
            JsonReaderOptions options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 64 };
            Utf8JsonReader r = new Utf8JsonReader(input, options);
            try
            {
                while (r.Read())
                {
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        [TestMethod]
        public void Read_AsciiInputs_AgreesWithUtf8JsonReader()
        {
            _state = 8259;
            int accepted = 0;
            const int Inputs = 50000;
            for (int n = 0; n < Inputs; n++)
            {
                byte[] input = Input();
                if (Encoding.ASCII.GetString(input).Contains("\\u", StringComparison.Ordinal))
                {
                    continue;
                }

                bool ours = OursAccepts(input);
                Assert.AreEqual(ReferenceAccepts(input), ours, "input " + n + ": " + Encoding.ASCII.GetString(input));
                accepted += ours ? 1 : 0;
            }

            TestContext.WriteLine("conformance: " + Inputs + " inputs, " + accepted + " valid documents, all verdicts equal to Utf8JsonReader's");
            Assert.IsTrue(accepted > 1000, accepted + " accepted");
        }
    }
}
