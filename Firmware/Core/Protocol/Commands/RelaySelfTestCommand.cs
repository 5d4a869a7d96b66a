using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>relay.selftest: each fitted line in turn, refused as busy while anything wants the speakers (docs/protocol.md §3.2).</summary>
    public sealed class RelaySelfTestCommand : Command
    {
        /// <summary>Creates the row.</summary>
        public RelaySelfTestCommand()
            : base(CommandKind.RelaySelfTest, "relay.selftest", new string[0], 0, PersistRule.Counter)
        {
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            return c.Core.SelfTest(c.Endpoint.Settings.SelfTestSecondsPerLine, now);
        }
    }
}
