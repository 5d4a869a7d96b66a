using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Scheduling
{
    [TestClass]
    public class ScheduleValidatorTests
    {
        private const int MaxDay = 84005; // 2199-12-31

        // 2 amplifiers, 4 lines, 2 sources.
        private static RelayLayout Settings()
        {
            RelayChannel[] amps = { new RelayChannel(25, true, 0), new RelayChannel(26, true, 0) };
            RelayChannel[] lines =
            {
                new RelayChannel(16, true, 0), new RelayChannel(17, true, 0),
                new RelayChannel(18, false, 1), new RelayChannel(19, true, 1),
            };
            RelayChannel[] sources = { new RelayChannel(21, false, 0), new RelayChannel(22, true, 0) };
            return new RelayLayout(amps, lines, sources);
        }

        private static ScheduleItem DailyMorning()
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "morning";
            i.Kind = ItemKind.Weekly;
            i.DaysMask = 0x7F;
            i.StartSecond = 19800;
            i.DurationSeconds = 1800;
            i.Class = BroadcastClass.Normal;
            i.Level = IssuerLevel.Commune;
            i.Issuer = "UBND x\u00E3 T\u00E2n Ph\u00FA";
            i.Lines = 0xF;
            i.Source = 0;
            return i;
        }

        private static ScheduleItem Notice()
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = "notice-2026-11-23";
            i.Kind = ItemKind.OneOff;
            i.Day = LocalCalendar.DayFromDate(2026, 11, 23);
            i.StartSecond = 17 * 3600;
            i.DurationSeconds = 600;
            i.Class = BroadcastClass.Priority;
            i.Level = IssuerLevel.Province;
            i.Issuer = "province";
            i.Lines = 0x3;
            i.Source = 1;
            return i;
        }

        private static void AssertAccepted(ScheduleItem item)
        {
            CommandResult r = ScheduleValidator.Validate(item, Settings());
            Assert.IsTrue(r.Accepted, "refused: " + ReasonNames.Of(r.Reason) + " on " + r.Field);
            Assert.AreEqual((int)RefusalReason.None, (int)r.Reason);
            Assert.IsNull(r.Field);
        }

        private static void AssertRefused(ScheduleItem item, RefusalReason reason, string field)
        {
            CommandResult r = ScheduleValidator.Validate(item, Settings());
            Assert.IsFalse(r.Accepted, "accepted, expected " + ReasonNames.Of(reason) + " on " + field);
            Assert.AreEqual(ReasonNames.Of(reason), ReasonNames.Of(r.Reason), "reason");
            Assert.AreEqual(field, r.Field, "field");
        }

        [TestMethod]
        public void Validate_TypicalItems_Accepted()
        {
            AssertAccepted(DailyMorning());
            AssertAccepted(Notice());

            ScheduleItem weekdays = DailyMorning();
            weekdays.Id = "evening:weekdays";
            weekdays.DaysMask = 0x1F;
            weekdays.StartSecond = 17 * 3600 + 30 * 60;
            weekdays.ValidFromDay = LocalCalendar.DayFromDate(2026, 1, 1);
            weekdays.ValidUntilDay = LocalCalendar.DayFromDate(2026, 12, 31);
            AssertAccepted(weekdays);
        }

        [TestMethod]
        public void Validate_BoundaryValues_Accepted()
        {
            ScheduleItem i = DailyMorning();
            i.Id = "abcdefghijklmnopqrstuvwxyz_.:-09"; // 32 characters, every allowed kind
            i.Issuer = "123456789012345678901234567890123456789012345678"; // 48 characters
            i.StartSecond = 0;
            i.DurationSeconds = 1;
            i.Class = BroadcastClass.Emergency;
            i.Level = IssuerLevel.National;
            i.DaysMask = 0x01;
            i.ValidFromDay = 0;
            i.ValidUntilDay = 0;
            i.Lines = 0x1;
            i.Source = 1;
            AssertAccepted(i);

            i.StartSecond = 86399;
            i.DurationSeconds = ScheduleItem.MaxDurationSeconds;
            i.Class = BroadcastClass.Normal;
            i.Level = IssuerLevel.Station;
            i.DaysMask = 0x40;
            i.ValidFromDay = MaxDay;
            i.ValidUntilDay = MaxDay;
            i.Lines = 0x8;
            i.Source = 0;
            AssertAccepted(i);
        }

        [TestMethod]
        public void Validate_OneOffDateBounds_Accepted()
        {
            ScheduleItem i = Notice();
            i.Day = 0;
            AssertAccepted(i);
            i.Day = MaxDay;
            AssertAccepted(i);
        }

        [TestMethod]
        public void Validate_Null_RefusedOnItem()
        {
            CommandResult r = ScheduleValidator.Validate(null, Settings());
            Assert.AreEqual((int)RefusalReason.InvalidField, (int)r.Reason);
            Assert.AreEqual("item", r.Field);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("abcdefghijklmnopqrstuvwxyz_.:-09X")]
        [DataRow("a b")]
        [DataRow("a/b")]
        [DataRow("a+b")]
        [DataRow("a#")]
        [DataRow("l\u1ECBch")]
        [DataRow("x\n")]
        public void Validate_BadId_RefusedOnId(string id)
        {
            ScheduleItem i = DailyMorning();
            i.Id = id;
            AssertRefused(i, RefusalReason.InvalidField, "id");
        }

        [TestMethod]
        public void Validate_NullId_RefusedOnId()
        {
            ScheduleItem i = DailyMorning();
            i.Id = null;
            AssertRefused(i, RefusalReason.InvalidField, "id");
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("1234567890123456789012345678901234567890123456789")]
        public void Validate_BadIssuer_RefusedOnIssuer(string issuer)
        {
            ScheduleItem i = DailyMorning();
            i.Issuer = issuer;
            AssertRefused(i, RefusalReason.InvalidField, "issuer");
        }

        [TestMethod]
        public void Validate_NullIssuer_RefusedOnIssuer()
        {
            ScheduleItem i = DailyMorning();
            i.Issuer = null;
            AssertRefused(i, RefusalReason.InvalidField, "issuer");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(86400)]
        [DataRow(int.MinValue)]
        [DataRow(int.MaxValue)]
        public void Validate_StartSecondOutsideDay_RefusedOnTime(int startSecond)
        {
            ScheduleItem i = DailyMorning();
            i.StartSecond = startSecond;
            AssertRefused(i, RefusalReason.InvalidTime, "time");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(14401)]
        [DataRow(86400)]
        public void Validate_DurationOutOfRange_RefusedOnDuration(int duration)
        {
            ScheduleItem i = DailyMorning();
            i.DurationSeconds = duration;
            AssertRefused(i, RefusalReason.InvalidDuration, "duration");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(3)]
        public void Validate_UnknownClass_RefusedOnClass(int value)
        {
            ScheduleItem i = DailyMorning();
            i.Class = (BroadcastClass)value;
            AssertRefused(i, RefusalReason.InvalidField, "class");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(4)]
        public void Validate_UnknownLevel_RefusedOnLevel(int value)
        {
            ScheduleItem i = DailyMorning();
            i.Level = (IssuerLevel)value;
            AssertRefused(i, RefusalReason.InvalidField, "level");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(-2)]
        [DataRow(MaxDay + 1)]
        public void Validate_OneOffDayOutOfRange_RefusedOnDate(int day)
        {
            ScheduleItem i = Notice();
            i.Day = day;
            AssertRefused(i, RefusalReason.InvalidTime, "date");
        }

        [TestMethod]
        [DataRow(2)]
        [DataRow(-1)]
        public void Validate_UnknownKind_RefusedOnKind(int kind)
        {
            ScheduleItem i = DailyMorning();
            i.Kind = (ItemKind)kind;
            AssertRefused(i, RefusalReason.InvalidField, "kind");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(0x80)]
        [DataRow(0xFF)]
        [DataRow(-1)]
        public void Validate_WeeklyBadDaysMask_RefusedOnDays(int mask)
        {
            ScheduleItem i = DailyMorning();
            i.DaysMask = mask;
            AssertRefused(i, RefusalReason.InvalidTime, "days");
        }

        [TestMethod]
        [DataRow(-2)]
        [DataRow(MaxDay + 1)]
        public void Validate_ValidFromOutOfRange_RefusedOnFrom(int day)
        {
            ScheduleItem i = DailyMorning();
            i.ValidFromDay = day;
            AssertRefused(i, RefusalReason.InvalidTime, "from");
        }

        [TestMethod]
        [DataRow(-2)]
        [DataRow(MaxDay + 1)]
        public void Validate_ValidUntilOutOfRangeWithoutFrom_RefusedOnUntil(int day)
        {
            ScheduleItem i = DailyMorning();
            i.ValidUntilDay = day;
            AssertRefused(i, RefusalReason.InvalidTime, "until");
        }

        [TestMethod]
        [DataRow(-2)]
        [DataRow(MaxDay + 1)]
        public void Validate_ValidUntilOutOfRangeWithValidFrom_RefusedOnUntil(int day)
        {
            // The field named must be the one at fault, not the valid "from" beside it.
            ScheduleItem i = DailyMorning();
            i.ValidFromDay = 20780;
            i.ValidUntilDay = day;
            AssertRefused(i, RefusalReason.InvalidTime, "until");
        }

        [TestMethod]
        public void Validate_ValidUntilBeforeValidFrom_RefusedOnUntil()
        {
            ScheduleItem i = DailyMorning();
            i.ValidFromDay = 20781;
            i.ValidUntilDay = 20780;
            AssertRefused(i, RefusalReason.InvalidTime, "until");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(0x10)]
        [DataRow(0x1F)]
        [DataRow(-1)]
        [DataRow(int.MinValue)]
        public void Validate_LinesEmptyOrNotFitted_RefusedOnLines(int lines)
        {
            ScheduleItem i = DailyMorning();
            i.Lines = lines;
            AssertRefused(i, RefusalReason.InvalidLines, "lines");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(2)]
        [DataRow(31)]
        public void Validate_SourceNotFitted_RefusedOnSource(int source)
        {
            ScheduleItem i = DailyMorning();
            i.Source = source;
            AssertRefused(i, RefusalReason.InvalidSource, "source");
        }

        [TestMethod]
        public void Validate_SeveralFaults_NamesFirstFieldInOrder()
        {
            ScheduleItem i = DailyMorning();
            i.Id = "bad id";
            i.Issuer = "";
            i.DurationSeconds = 0;
            i.Lines = 0;
            AssertRefused(i, RefusalReason.InvalidField, "id");
            i.Id = "ok";
            AssertRefused(i, RefusalReason.InvalidField, "issuer");
            i.Issuer = "x";
            AssertRefused(i, RefusalReason.InvalidDuration, "duration");
            i.DurationSeconds = 60;
            AssertRefused(i, RefusalReason.InvalidLines, "lines");
        }

        [TestMethod]
        public void CheckOutputs_FittedLinesAndSource_Ok()
        {
            RelayLayout s = Settings();
            Assert.IsTrue(ScheduleValidator.CheckOutputs(0xF, 0, s).Accepted);
            Assert.IsTrue(ScheduleValidator.CheckOutputs(0x4, 1, s).Accepted);
            Assert.AreEqual((int)RefusalReason.InvalidLines, (int)ScheduleValidator.CheckOutputs(0, 0, s).Reason);
            Assert.AreEqual((int)RefusalReason.InvalidSource, (int)ScheduleValidator.CheckOutputs(1, 2, s).Reason);
        }

        [TestMethod]
        [DataRow("a", 1, true)]
        [DataRow("ab", 1, false)]
        [DataRow("", 5, false)]
        [DataRow("A-Z_a.z:0-9", 32, true)]
        [DataRow("a,b", 32, false)]
        [DataRow("\u0111", 32, false)]
        [DataRow("+", 32, false)]
        [DataRow("a*", 32, false)]
        public void IsToken_Various_MatchesAllowedAlphabetAndLength(string s, int max, bool expected)
        {
            Assert.AreEqual(expected, ScheduleValidator.IsToken(s, max));
        }

        [TestMethod]
        public void IsToken_Null_False()
        {
            Assert.IsFalse(ScheduleValidator.IsToken(null, 32));
        }
    }
}
