using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    /// <summary>
    /// The schedule digest vectors of docs/protocol-vectors.json ("digests") against the Core's ScheduleDigest and
    /// Schedule: the contract a server or another station implementation must meet to compare digests. They cover
    /// each UTF-8 length boundary (U+007F/U+0080, U+07FF/U+0800, U+FFFF, U+10000 and U+10FFFF), Vietnamese text and
    /// numbers at and around powers of ten (where a decimal writer that counts digits goes wrong). Embedded below;
    /// the host-only ProtocolVectorsFileTests fails when this copy and the file differ.
    /// </summary>
    [TestClass]
    public class ScheduleDigestVectorTests
    {
        /// <summary>Every digest vector of docs/protocol-vectors.json, in file order.</summary>
        public static readonly DigestVector[] Vectors =
        {
            new DigestVector(
                "empty",
                new ScheduleItem[0],
                "",
                "811c9dc5"),
            new DigestVector(
                "ascii-weekly",
                new[]
                {
                    DigestVector.Item("morning-news", 1, 0, 127, 19800, 1800, -1, -1, 0, 1, "com.ht.ab", 15, 0),
                },
                "morning-news|1|0|127|19800|1800|-1|-1|0|1|com.ht.ab|15|0\n",
                "6b5a0984"),
            new DigestVector(
                "one-byte-max-two-byte-min",
                new[]
                {
                    DigestVector.Item("news\u007F\u0080", 1, 0, 127, 19800, 1800, -1, -1, 0, 1, "\u007F\u0080", 15, 0),
                },
                "news\u007F\u0080|1|0|127|19800|1800|-1|-1|0|1|\u007F\u0080|15|0\n",
                "d6df6a69"),
            new DigestVector(
                "two-byte-max-three-byte-min",
                new[]
                {
                    DigestVector.Item("\u07FF\u0800", 0, 20780, 0, 19800, 1800, -1, -1, 0, 1, "\u0800\u07FF", 15, 0),
                },
                "\u07FF\u0800|0|20780|0|19800|1800|-1|-1|0|1|\u0800\u07FF|15|0\n",
                "c7d282d8"),
            new DigestVector(
                "three-byte-max",
                new[]
                {
                    DigestVector.Item("\uFFFF", 1, 0, 127, 19800, 1800, -1, -1, 0, 1, "x\uFFFFy", 15, 0),
                },
                "\uFFFF|1|0|127|19800|1800|-1|-1|0|1|x\uFFFFy|15|0\n",
                "1593755f"),
            new DigestVector(
                "vietnamese",
                new[]
                {
                    DigestVector.Item("b\u1EA3n-tin-s\u00E1ng", 1, 0, 127, 19800, 1800, -1, -1, 0, 1, "\u0110\u00E0i PT-TH t\u1EC9nh Qu\u1EA3ng Ng\u00E3i", 15, 0),
                },
                "b\u1EA3n-tin-s\u00E1ng|1|0|127|19800|1800|-1|-1|0|1|\u0110\u00E0i PT-TH t\u1EC9nh Qu\u1EA3ng Ng\u00E3i|15|0\n",
                "4f65a4ea"),
            new DigestVector(
                "vietnamese-issuers-two-items",
                new[]
                {
                    DigestVector.Item("a-morning", 1, 0, 127, 19800, 1800, -1, -1, 0, 1, "UBND x\u00E3 T\u00E2n Ph\u00FA", 15, 0),
                    DigestVector.Item("b-storm", 0, 20780, 0, 61200, 600, -1, -1, 2, 2, "\u0110\u00E0i PT-TH t\u1EC9nh Qu\u1EA3ng Ng\u00E3i", 3, 1),
                },
                "a-morning|1|0|127|19800|1800|-1|-1|0|1|UBND x\u00E3 T\u00E2n Ph\u00FA|15|0\nb-storm|0|20780|0|61200|600|-1|-1|2|2|\u0110\u00E0i PT-TH t\u1EC9nh Qu\u1EA3ng Ng\u00E3i|3|1\n",
                "a95aa0c6"),
            new DigestVector(
                "non-bmp",
                new[]
                {
                    DigestVector.Item("radio-\uD83D\uDCFB", 1, 0, 127, 19800, 1800, -1, -1, 0, 1, "\uD800\uDC00 \uDBFF\uDFFF \uD83D\uDCFB \u0110\u00E0i", 15, 0),
                },
                "radio-\uD83D\uDCFB|1|0|127|19800|1800|-1|-1|0|1|\uD800\uDC00 \uDBFF\uDFFF \uD83D\uDCFB \u0110\u00E0i|15|0\n",
                "991567c7"),
            new DigestVector(
                "powers-of-ten",
                new[]
                {
                    DigestVector.Item("p10", 0, 10000, 10, 10000, 1000, 100000, 1000000, 1, 1, "i", 100, 10),
                },
                "p10|0|10000|10|10000|1000|100000|1000000|1|1|i|100|10\n",
                "bedd9019"),
            new DigestVector(
                "powers-of-ten-high",
                new[]
                {
                    DigestVector.Item("p10-high", 1, 1000000000, 100000000, 10000000, 1, 10, 100, 0, 1, "com.ht.ab", 1000000000, 1),
                },
                "p10-high|1|1000000000|100000000|10000000|1|10|100|0|1|com.ht.ab|1000000000|1\n",
                "d0a871dd"),
            new DigestVector(
                "near-powers-of-ten",
                new[]
                {
                    DigestVector.Item("near", 0, 9, 99, 999, 9999, 99999, 999999, 0, 0, "n", 2147483647, 11),
                    DigestVector.Item("near-negative", 1, -10, -1, -9, -100, -2147483648, -1000000000, 0, 1, "com.ht.ab", 101, 1001),
                },
                "near|0|9|99|999|9999|99999|999999|0|0|n|2147483647|11\nnear-negative|1|-10|-1|-9|-100|-2147483648|-1000000000|0|1|com.ht.ab|101|1001\n",
                "26ac1854"),
        };

        [TestMethod]
        public void Add_EveryVector_GivesItsDigest()
        {
            for (int v = 0; v < Vectors.Length; v++)
            {
                uint h = ScheduleDigest.Empty;
                for (int i = 0; i < Vectors[v].Items.Length; i++)
                {
                    h = ScheduleDigest.Add(h, Vectors[v].Items[i]);
                }

                Assert.AreEqual(Vectors[v].Digest, HexOf(h), Vectors[v].Name);
            }
        }

        [TestMethod]
        public void Vectors_DigestIsFnvOfCanonicalUtf8()
        {
            // The vector file is self-consistent: its digest is the FNV-1a of its canonical text.
            for (int v = 0; v < Vectors.Length; v++)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(Vectors[v].Canonical);
                uint h = 2166136261;
                for (int k = 0; k < bytes.Length; k++)
                {
                    h = unchecked((h ^ bytes[k]) * 16777619);
                }

                Assert.AreEqual(Vectors[v].Digest, HexOf(h), Vectors[v].Name);
            }
        }

        [TestMethod]
        public void Schedule_ItemsAddedInReverse_ReportsTheVectorDigest()
        {
            // A station holds its items in id order whatever order they arrived in, so its digest is the vector's.
            for (int v = 0; v < Vectors.Length; v++)
            {
                Schedule s = new Schedule(8);
                for (int i = Vectors[v].Items.Length - 1; i >= 0; i--)
                {
                    s.Add(new ScheduleEntry(Vectors[v].Items[i].Clone(), 0, false));
                }

                Assert.AreEqual(Vectors[v].Digest, HexOf(s.Digest), Vectors[v].Name);
            }
        }

        [TestMethod]
        public void Vectors_CoverTheBoundaries()
        {
            // The vectors must keep covering what they were written for: each UTF-8 length boundary and powers of ten.
            string all = string.Empty;
            for (int v = 0; v < Vectors.Length; v++)
            {
                all += Vectors[v].Canonical;
            }

            string[] needed = { "\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF", "\u1EA3", "|10|", "|100|", "|1000|", "|10000|", "|100000|", "|1000000|", "|1000000000|", "|9|", "|99999|", "|-10|", "|-2147483648|", "|2147483647|" };
            for (int i = 0; i < needed.Length; i++)
            {
                Assert.IsTrue(all.IndexOf(needed[i]) >= 0, "no vector holds " + needed[i]);
            }
        }

        // The digest as the health message writes it: 4 bytes, big-endian, lowercase hex.
        private static string HexOf(uint h)
        {
            return Hex.ToHex(new[] { (byte)(h >> 24), (byte)(h >> 16), (byte)(h >> 8), (byte)h });
        }
    }
}
