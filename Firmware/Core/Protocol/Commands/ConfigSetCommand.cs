using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>config.set: the telemetry period, written to the "config" record before it applies (docs/protocol.md §3.2).</summary>
    public sealed class ConfigSetCommand : Command
    {
        /// <summary>Creates the row.</summary>
        public ConfigSetCommand()
            : base(CommandKind.ConfigSet, "config.set", new string[] { "telemetry_s" }, 1, PersistRule.CounterThenChange)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            return ArgsParser.Member(r, JsonMembers.ReadInt32(r, 10, 3600, out a.TelemetrySeconds), RefusalReason.InvalidField, Members[0]);
        }

        /// <inheritdoc/>
        public override bool Save(CommandContext c, Instant now)
        {
            return c.Store.TrySaveConfig(c.Args.TelemetrySeconds * 1000);
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            c.Core.Settings.TelemetryPeriodMs = c.Args.TelemetrySeconds * 1000;
            c.Endpoint.ConfigChanged = true;
            return CommandResult.Ok;
        }
    }
}
