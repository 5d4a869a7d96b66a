using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Protocol.Commands;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol.Commands
{
    /// <summary>The command table: one row per command kind, found by its wire name.</summary>
    [TestClass]
    public class CommandTableTests
    {
        private static CommandKind MatchOf(string name)
        {
            byte[] json = Encoding.UTF8.GetBytes("\"" + name + "\"");
            JsonReader r = new JsonReader(4);
            r.Reset(json, 0, json.Length);
            r.Read();
            return CommandTable.Match(r);
        }

        [TestMethod]
        public void Of_EveryKind_IsTheRowOfThatKindAndItsNameMatchesIt()
        {
            Assert.AreEqual((int)CommandKind.UpdateCommit, CommandTable.Count);
            for (int i = 1; i <= CommandTable.Count; i++)
            {
                Command row = CommandTable.Of((CommandKind)i);
                Assert.IsNotNull(row);
                Assert.AreEqual(i, (int)row.Kind);
                Assert.AreEqual(i, (int)MatchOf(row.Name), row.Name);
                Assert.AreEqual(row.Name, CommandTable.NameOf(row.Kind));
            }
        }

        [TestMethod]
        public void Of_Unknown_IsNoRowAndMatchRefusesUnknownNames()
        {
            Assert.IsNull(CommandTable.Of(CommandKind.Unknown));
            Assert.IsNull(CommandTable.Of((CommandKind)(CommandTable.Count + 1)));
            Assert.AreEqual("unknown", CommandTable.NameOf(CommandKind.Unknown));
            Assert.AreEqual((int)CommandKind.Unknown, (int)MatchOf("reboot.now"));
            Assert.AreEqual((int)CommandKind.Unknown, (int)MatchOf("schedule.ad"));
            Assert.AreEqual((int)CommandKind.Unknown, (int)MatchOf("Schedule.add"));
        }

        [TestMethod]
        public void Rows_PersistRules_OnlyStatusRidesAlongAndOnlyKeyRotateWritesWithItsCounter()
        {
            for (int i = 1; i <= CommandTable.Count; i++)
            {
                Command row = CommandTable.Of((CommandKind)i);
                Assert.AreEqual(row.Kind == CommandKind.Status, row.Persist == PersistRule.CounterRidesAlong, row.Name);
                Assert.AreEqual(row.Kind == CommandKind.KeyRotate, row.Persist == PersistRule.ChangeWithCounter, row.Name);
            }
        }
    }
}
