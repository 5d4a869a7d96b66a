using System.Text;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Results;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>
    /// JSON syntax errors inside <c>args</c> or inside a schedule item (docs/protocol.md §5, <c>malformed</c>). On the wire
    /// the envelope is read first and the signed body must be valid JSON as a whole, so such a command is refused as
    /// <c>malformed</c> on <c>body</c>, before its id is read, and changes nothing. The args parser, reading the args
    /// of a well-formed body, refuses the same errors as <c>malformed</c> on the member being read (no field when the
    /// error lies between members) rather than as a wrong value.
    /// </summary>
    [TestClass]
    public class MalformedArgsTests
    {
        private const string Once = "\"id\":\"x\",\"kind\":\"once\",\"date\":\"2026-11-30\",\"time\":\"05:30\",\"duration\":60,\"class\":\"normal\"";

        [TestMethod]
        [DataRow("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0,],\"source\":0}")]
        [DataRow("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0,}")]
        [DataRow("play", "{\"class\":nul,\"duration\":60,\"lines\":[0],\"source\":0}")]
        [DataRow("schedule.add", "{\"item\":{" + Once + ",\"lines\":[0],\"source\":0,}}")]
        [DataRow("schedule.add", "{\"item\":{" + Once + ",\"lines\":[0 1],\"source\":0}}")]
        [DataRow("schedule.add", "{\"item\":{\"id\":\"x\" \"kind\":\"once\"}}")]
        [DataRow("schedule.sync", "{\"version\":2,\"items\":[{" + Once + ",\"lines\":[0],\"source\":0}{\"id\":\"b\"}]}")]
        [DataRow("schedule.sync", "{\"version\":2,\"items\":[{" + Once + ",\"lines\":[0,,1],\"source\":0}]}")]
        [DataRow("time", "{\"utc_ms\":1e}")]
        [DataRow("config.set", "{\"telemetry_s\":030}")]
        public void Endpoint_SyntaxErrorInsideArgs_RefusedMalformedBodyNothingChanged(string cmd, string args)
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
            h.Send(h.Commune("play", "{\"class\":\"normal\",\"duration\":600,\"lines\":[0,1],\"source\":0}"));
            h.Station.Run(3000);
            EndpointSnapshot before = new EndpointSnapshot(h);
            CommandBuilder b = h.Province(cmd, args);
            Assert.AreEqual(EndpointHarness.Refused(null, "malformed", "body"), h.Send(b));
            before.Count(0, 1);
            Assert.IsNull(before.Difference());

            // Its counter was not used up: the body was never authenticated.
            CommandBuilder fixedUp = h.Province("status", "{}");
            fixedUp.Counter = b.Counter;
            Assert.AreEqual(EndpointHarness.Accepted(fixedUp.Id), h.Send(fixedUp));
        }

        [TestMethod]
        [DataRow(5, "{\"class\":\"normal\",\"duration\":60,\"lines\":[0,],\"source\":0}", "args.lines")]
        [DataRow(5, "{\"class\":\"normal\",\"duration\":01,\"lines\":[0],\"source\":0}", "args.duration")]
        [DataRow(5, "{\"class\":nul,\"duration\":60,\"lines\":[0],\"source\":0}", "args.class")]
        [DataRow(5, "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":-}", "args.source")]
        [DataRow(5, "{\"class\":\"normal\",\"duration\":60,\"lines\":[0],\"source\":0,}", "")]
        [DataRow(7, "{\"scope\":\"g/vn\",\"duration\":60,\"lines\":[0],\"source\":0 0}", "")]
        [DataRow(1, "{\"item\":{" + Once + ",\"lines\":[0],\"source\":0,}}", "")]
        [DataRow(1, "{\"item\":{\"id\":\"x\" \"kind\":\"once\"}}", "")]
        [DataRow(1, "{\"item\":{" + Once + ",\"lines\":[0 1],\"source\":0}}", "args.item.lines")]
        [DataRow(1, "{\"item\":{" + Once + ",\"lines\":[0],\"source\":00}}", "args.item.source")]
        [DataRow(1, "{\"item\":{\"id\":\"x\",\"kind\":once}}", "args.item.kind")]
        [DataRow(1, "{\"item\":{\"id\":\"x\",\"kind\":\"weekly\",\"days\":[\"mon\",]}}", "args.item.days")]
        [DataRow(1, "{\"item\":{\"id\":\"x\",\"kind\":\"once\",\"date\":2026-11-30}}", "args.item.date")]
        [DataRow(1, "{\"item\":{\"id\":\"x\",\"kind\":\"once\",\"duration\":1.}}", "args.item.duration")]
        [DataRow(1, "{\"item\":{\"id\":\"x\",\"kind\":\"once\",\"class\":normal}}", "args.item.class")]
        [DataRow(2, "{\"item\":{\"id\":\"x\",\"time\":05:30}}", "args.item.time")]
        [DataRow(4, "{\"version\":2,\"items\":[{" + Once + ",\"lines\":[0],\"source\":0}{\"id\":\"b\"}]}", "args.items")]
        [DataRow(4, "{\"version\":2,\"items\":[{" + Once + ",\"lines\":[0,,1],\"source\":0}]}", "args.items.lines")]
        [DataRow(4, "{\"version\":2,\"items\":[,]}", "args.items")]
        [DataRow(4, "{\"version\":2,\"items\":[}", "args.items")]
        [DataRow(4, "{\"version\":02,\"items\":[]}", "args.version")]
        [DataRow(11, "{\"utc_ms\":1e}", "args.utc_ms")]
        [DataRow(12, "{\"telemetry_s\":+30}", "args.telemetry_s")]
        [DataRow(13, "{\"issuer\":com.ht.xy,\"key\":\"x\"}", "args.issuer")]
        [DataRow(13, "{\"issuer\":\"com.ht.xy\",\"key\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeef}", "args.key")]
        [DataRow(3, "{\"item_id\":\"a\\x\"}", "args.item_id")]
        [DataRow(6, "{\"programme\":\"a\"]", "")]
        public void ArgsParser_SyntaxError_MalformedOnTheMemberBeingRead(int kind, string args, string field)
        {
            byte[] payload = Encoding.UTF8.GetBytes(args);
            CommandEnvelope env = new CommandEnvelope();
            env.Kind = (CommandKind)kind;
            env.ArgsStart = 0;
            env.ArgsLength = payload.Length;
            CommandResult r = new ArgsParser(64).Parse(payload, env, new CommandArgs());
            Assert.AreEqual("malformed", ReasonNames.Of(r.Reason), args);
            Assert.AreEqual(field.Length == 0 ? null : field, r.Field, args);
        }

        [TestMethod]
        public void ArgsParser_SyntaxErrorInsideALaterItem_NamesThatItemsMember()
        {
            // The first item is whole; the second's source is broken: the member path is the sync's, not the item's.
            string args = "{\"version\":2,\"items\":[{" + Once + ",\"lines\":[0],\"source\":0},{\"id\":\"y\",\"kind\":\"once\",\"source\":0x1}]}";
            byte[] payload = Encoding.UTF8.GetBytes(args);
            CommandEnvelope env = new CommandEnvelope();
            env.Kind = CommandKind.ScheduleSync;
            env.ArgsLength = payload.Length;
            CommandResult r = new ArgsParser(64).Parse(payload, env, new CommandArgs());
            Assert.AreEqual("malformed", ReasonNames.Of(r.Reason));
            Assert.AreEqual("args.items.source", r.Field);
        }

        [TestMethod]
        public void ArgsParser_WellFormedButWrongType_InvalidFieldNotMalformed()
        {
            // The contrast: valid JSON of the wrong type is a wrong value, not a syntax error.
            byte[] payload = Encoding.UTF8.GetBytes("{\"class\":\"normal\",\"duration\":\"60\",\"lines\":[0],\"source\":0}");
            CommandEnvelope env = new CommandEnvelope();
            env.Kind = CommandKind.Play;
            env.ArgsLength = payload.Length;
            CommandResult r = new ArgsParser(64).Parse(payload, env, new CommandArgs());
            Assert.AreEqual("invalid-duration", ReasonNames.Of(r.Reason));
            Assert.AreEqual("args.duration", r.Field);
        }
    }
}
