using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>status: the state and a health snapshot, published at once (docs/protocol.md §3.2).</summary>
    public sealed class StatusCommand : Command
    {
        /// <summary>Creates the row.</summary>
        public StatusCommand()
            : base(CommandKind.Status, "status", new string[0], 0, PersistRule.CounterRidesAlong)
        {
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            c.Endpoint.StatusRequested = true;
            return CommandResult.Ok;
        }
    }
}
