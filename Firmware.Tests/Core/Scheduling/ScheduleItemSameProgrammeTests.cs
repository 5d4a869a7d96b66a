using CommuneRadio.Core.Scheduling;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    /// <summary>
    /// <see cref="ScheduleItem.SameProgramme"/>: every field that decides what plays, when and where counts; the issuer
    /// and level do not (a station takes them from the signing key).
    /// </summary>
    [TestClass]
    public class ScheduleItemSameProgrammeTests
    {
        private static ScheduleItem Item()
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "prov-news";
            i.Kind = ItemKind.Weekly;
            i.Day = 0;
            i.DaysMask = 0x11;
            i.StartSecond = 72000;
            i.DurationSeconds = 600;
            i.ValidFromDay = 20758;
            i.ValidUntilDay = 20999;
            i.Class = BroadcastClass.Priority;
            i.Level = IssuerLevel.Province;
            i.Issuer = "prov.ht";
            i.Lines = 3;
            i.Source = 1;
            return i;
        }

        [TestMethod]
        public void SameProgramme_Copy_True()
        {
            Assert.IsTrue(Item().SameProgramme(Item().Clone()));
        }

        [TestMethod]
        public void SameProgramme_OtherIssuerAndLevel_True()
        {
            ScheduleItem b = Item();
            b.Issuer = "com.ht.ab";
            b.Level = IssuerLevel.Commune;
            Assert.IsTrue(Item().SameProgramme(b));
        }

        [TestMethod]
        public void SameProgramme_Null_False()
        {
            Assert.IsFalse(Item().SameProgramme(null));
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
        public void SameProgramme_OneFieldDiffers_False(int field)
        {
            ScheduleItem b = Item();
            switch (field)
            {
                case 0: b.Id = "prov-newS"; break;
                case 1: b.Kind = ItemKind.OneOff; break;
                case 2: b.Day = 1; break;
                case 3: b.DaysMask = 0x10; break;
                case 4: b.StartSecond = 72001; break;
                case 5: b.DurationSeconds = 599; break;
                case 6: b.ValidFromDay = 20757; break;
                case 7: b.ValidUntilDay = ScheduleItem.NoDate; break;
                case 8: b.Class = BroadcastClass.Emergency; break;
                case 9: b.Lines = 1; break;
                default: b.Source = 0; break;
            }

            Assert.IsFalse(Item().SameProgramme(b), "field " + field.ToString());
            Assert.IsFalse(b.SameProgramme(Item()), "field " + field.ToString() + ", other way round");
        }
    }
}
