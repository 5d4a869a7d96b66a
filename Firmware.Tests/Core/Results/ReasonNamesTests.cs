using CommuneRadio.Core.Results;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Results
{
    [TestClass]
    public class ReasonNamesTests
    {
        // The refusal reasons of docs/protocol.md (§5, and the update refusals of §8), in the order of RefusalReason's values (None = 0 first):
        // the wire names are a contract with the server and the console, so each is pinned here.
        private static readonly string[] WireNames = new string[]
        {
            "none", "invalid-field", "invalid-time", "invalid-duration", "invalid-lines", "invalid-source",
            "schedule-full", "duplicate-id", "unknown-id", "busy", "not-authorized", "storage-error", "too-large",
            "malformed", "unknown-field", "duplicate-field", "unsupported-version", "unknown-command",
            "unknown-issuer", "bad-signature", "wrong-target", "replayed", "expired", "not-yet-valid", "retained",
            "in-the-past", "invalid-manifest", "already-running", "update-in-trial", "storage-full", "no-update",
            "wrong-version", "wrong-issuer", "out-of-order", "invalid-chunk", "image-mismatch", "not-verified",
            "flash-mismatch",
        };

        [TestMethod]
        public void Of_EveryReason_ItsProtocolName()
        {
            for (int i = 0; i < WireNames.Length; i++)
            {
                Assert.AreEqual(WireNames[i], ReasonNames.Of((RefusalReason)i), "reason " + i);
            }
        }

        [TestMethod]
        public void Of_ValueOutsideTheEnum_Unknown()
        {
            Assert.AreEqual("unknown", ReasonNames.Of((RefusalReason)WireNames.Length));
            Assert.AreEqual("unknown", ReasonNames.Of((RefusalReason)(-1)));
        }

        [TestMethod]
        public void CommandResult_OkAndRefuse_CarryReasonAndField()
        {
            CommandResult ok = CommandResult.Ok;
            Assert.IsTrue(ok.Accepted);
            Assert.AreEqual("none", ReasonNames.Of(ok.Reason));
            Assert.IsNull(ok.Field);

            CommandResult refused = CommandResult.Refuse(RefusalReason.InvalidDuration, "args.duration");
            Assert.IsFalse(refused.Accepted);
            Assert.AreEqual("invalid-duration", ReasonNames.Of(refused.Reason));
            Assert.AreEqual("args.duration", refused.Field);
        }
    }
}
