using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Scheduling;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    [TestClass]
    public class ScheduleDigestTests
    {
        // Issuer names written with escapes so the test does not depend on the editor's Unicode normalisation.
        private const string CommuneIssuer = "UBND x\u00E3 T\u00E2n Ph\u00FA";
        private const string ProvinceIssuer = "\u0110\u00E0i PT-TH t\u1EC9nh Qu\u1EA3ng Ng\u00E3i";

        internal static ScheduleItem Morning()
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "morning";
            i.Kind = ItemKind.Weekly;
            i.DaysMask = 0x7F;
            i.StartSecond = 19800;
            i.DurationSeconds = 1800;
            i.Class = BroadcastClass.Normal;
            i.Level = IssuerLevel.Commune;
            i.Issuer = CommuneIssuer;
            i.Lines = 15;
            i.Source = 0;
            return i;
        }

        internal static ScheduleItem Storm()
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "storm-2026";
            i.Kind = ItemKind.OneOff;
            i.Day = 20780;
            i.StartSecond = 61200;
            i.DurationSeconds = 600;
            i.Class = BroadcastClass.Emergency;
            i.Level = IssuerLevel.Province;
            i.Issuer = ProvinceIssuer;
            i.Lines = 3;
            i.Source = 1;
            return i;
        }

        [TestMethod]
        public void Empty_IsFnvOffsetBasis()
        {
            Assert.AreEqual(0x811C9DC5u, ScheduleDigest.Empty);
        }

        [TestMethod]
        public void Add_VietnameseIssuer_MatchesPinnedValue()
        {
            // Pinned values (computed independently with Python's FNV-1a over the UTF-8 canonical line):
            // a change here changes what every station reports to the server.
            Assert.AreEqual(0x091AF0D1u, ScheduleDigest.Add(ScheduleDigest.Empty, Morning()));
            Assert.AreEqual(0x765EF9FEu, ScheduleDigest.Add(ScheduleDigest.Empty, Storm()));
            Assert.AreEqual(0xA128F1D2u, ScheduleDigest.Add(ScheduleDigest.Add(ScheduleDigest.Empty, Morning()), Storm()));
        }

        [TestMethod]
        public void Add_CharacterOutsideBmp_EncodesAsFourByteUtf8()
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "radio";
            i.Kind = ItemKind.OneOff;
            i.Day = 20780;
            i.StartSecond = 0;
            i.DurationSeconds = 1;
            i.Issuer = "\uD83D\uDCFB \u0110\u00E0i"; // U+1F4FB RADIO, then "Đài"
            i.Lines = 1;
            Assert.AreEqual(0x977C6BF0u, ScheduleDigest.Add(ScheduleDigest.Empty, i));
        }

        [TestMethod]
        public void Add_NullIssuer_HashesAsEmpty()
        {
            ScheduleItem a = Morning();
            a.Issuer = null;
            ScheduleItem b = Morning();
            b.Issuer = string.Empty;
            Assert.AreEqual(ScheduleDigest.Add(ScheduleDigest.Empty, b), ScheduleDigest.Add(ScheduleDigest.Empty, a));
        }

        [TestMethod]
        [DataRow("a\\uD800", "a\\uFFFD")]
        [DataRow("\\uD800a", "\\uFFFDa")]
        [DataRow("\\uDBFF", "\\uFFFD")]
        [DataRow("a\\uDC00b", "a\\uFFFDb")]
        [DataRow("\\uDFFF", "\\uFFFD")]
        [DataRow("\\uDC00\\uD800", "\\uFFFD\\uFFFD")]
        [DataRow("\\uD800\\uD800\\uDC00", "\\uFFFD\\uD800\\uDC00")]
        [DataRow("\\uD7FF\\uDC00", "\\uD7FF\\uFFFD")]
        [DataRow("\\uE000", "\\uE000")]
        public void Add_UnpairedSurrogate_HashedAsReplacementCharacter(string issuer, string expected)
        {
            // Issuer names on the wire are tokens, so this only guards the function: U+FFFD, as Encoding.UTF8 writes.
            ScheduleItem i = Morning();
            i.Issuer = Unescape(issuer);
            ScheduleItem e = Morning();
            e.Issuer = Unescape(expected);
            Assert.AreEqual(Reference(CanonicalLine(e)), ScheduleDigest.Add(ScheduleDigest.Empty, i), issuer);
        }

        [TestMethod]
        public void Add_AnyItem_EqualsFnvOfCanonicalUtf8Line()
        {
            ScheduleItem m = Morning();
            Assert.AreEqual(Reference(CanonicalLine(m)), ScheduleDigest.Add(ScheduleDigest.Empty, m));
            ScheduleItem s = Storm();
            Assert.AreEqual(Reference(CanonicalLine(s)), ScheduleDigest.Add(ScheduleDigest.Empty, s));
            s.ValidFromDay = 0;
            s.ValidUntilDay = 84005;
            s.StartSecond = 86399;
            s.DurationSeconds = 14400;
            Assert.AreEqual(Reference(CanonicalLine(s)), ScheduleDigest.Add(ScheduleDigest.Empty, s));
        }

        [TestMethod]
        public void Add_SameFieldsDifferentInstances_SameDigest()
        {
            Assert.AreEqual(ScheduleDigest.Add(ScheduleDigest.Empty, Morning()), ScheduleDigest.Add(ScheduleDigest.Empty, Morning().Clone()));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        [DataRow(12)]
        public void Add_OneFieldChanged_DigestChanges(int field)
        {
            ScheduleItem a = Morning();
            ScheduleItem b = Morning();
            Mutate(b, field);
            Assert.AreNotEqual((long)ScheduleDigest.Add(ScheduleDigest.Empty, a), (long)ScheduleDigest.Add(ScheduleDigest.Empty, b), "field " + field.ToString());
        }

        [TestMethod]
        public void Add_FieldsSeparated_AdjacentNumbersDoNotCollide()
        {
            // "1|23" and "12|3" must differ: the separator is hashed.
            ScheduleItem a = Morning();
            a.StartSecond = 1;
            a.DurationSeconds = 23;
            ScheduleItem b = Morning();
            b.StartSecond = 12;
            b.DurationSeconds = 3;
            Assert.AreNotEqual((long)ScheduleDigest.Add(ScheduleDigest.Empty, a), (long)ScheduleDigest.Add(ScheduleDigest.Empty, b));
        }

        [TestMethod]
        public void Add_ItemOrder_Matters()
        {
            // The schedule, not the digest, makes order irrelevant (by sorting on id).
            uint ab = ScheduleDigest.Add(ScheduleDigest.Add(ScheduleDigest.Empty, Morning()), Storm());
            uint ba = ScheduleDigest.Add(ScheduleDigest.Add(ScheduleDigest.Empty, Storm()), Morning());
            Assert.AreNotEqual((long)ab, (long)ba);
        }

        private static void Mutate(ScheduleItem i, int field)
        {
            switch (field)
            {
                case 0: i.Id = "morninG"; break;
                case 1: i.Kind = ItemKind.OneOff; break;
                case 2: i.Day = 1; break;
                case 3: i.DaysMask = 0x7E; break;
                case 4: i.StartSecond = 19801; break;
                case 5: i.DurationSeconds = 1801; break;
                case 6: i.ValidFromDay = 20780; break;
                case 7: i.ValidUntilDay = 20780; break;
                case 8: i.Class = BroadcastClass.Priority; break;
                case 9: i.Level = IssuerLevel.Province; break;
                case 10: i.Issuer = "UBND x\u00E3 T\u00E2n Ph\u00FB"; break;
                case 11: i.Lines = 7; break;
                default: i.Source = 1; break;
            }
        }

        private static string CanonicalLine(ScheduleItem i)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append(i.Id).Append('|');
            sb.Append(((int)i.Kind).ToString()).Append('|');
            sb.Append(i.Day.ToString()).Append('|');
            sb.Append(i.DaysMask.ToString()).Append('|');
            sb.Append(i.StartSecond.ToString()).Append('|');
            sb.Append(i.DurationSeconds.ToString()).Append('|');
            sb.Append(i.ValidFromDay.ToString()).Append('|');
            sb.Append(i.ValidUntilDay.ToString()).Append('|');
            sb.Append(((int)i.Class).ToString()).Append('|');
            sb.Append(((int)i.Level).ToString()).Append('|');
            sb.Append(i.Issuer).Append('|');
            sb.Append(i.Lines.ToString()).Append('|');
            sb.Append(i.Source.ToString()).Append('\n');
            return sb.ToString();
        }

        // "\uXXXX" escapes to characters (DataRow strings are kept ASCII so that lone surrogates survive the attribute).
        private static string Unescape(string s)
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '\\' && i + 5 < s.Length && s[i + 1] == 'u')
                {
                    int c = 0;
                    for (int k = 2; k < 6; k++)
                    {
                        c = c * 16 + Hex.DigitValue(s[i + k]);
                    }

                    sb.Append((char)c);
                    i += 5;
                }
                else
                {
                    sb.Append(s[i]);
                }
            }

            return sb.ToString();
        }

        private static uint Reference(string line)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            uint h = 2166136261;
            for (int k = 0; k < bytes.Length; k++)
            {
                h = unchecked((h ^ bytes[k]) * 16777619);
            }

            return h;
        }
    }
}
