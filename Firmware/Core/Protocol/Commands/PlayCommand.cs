using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>play: a programme now, for a duration, without needing a valid clock (docs/protocol.md §3.2).</summary>
    public sealed class PlayCommand : ProgrammeCommand
    {
        /// <summary>Creates the row.</summary>
        public PlayCommand()
            : base(CommandKind.Play, "play", new string[] { "class", "duration", "lines", "source" }, 15)
        {
        }

        /// <inheritdoc/>
        public override CommandResult ReadMember(JsonReader r, int which, CommandArgs a, ArgsParser parser)
        {
            if (which == 0)
            {
                return ArgsParser.Member(r, ItemParser.ReadClass(r, out a.Class), RefusalReason.InvalidField, Members[0]);
            }

            return ArgsParser.ReadProgramme(r, which, a, Members[which]);
        }

        /// <inheritdoc/>
        public override bool IsEmergencyWork(CommandContext c)
        {
            return c.Args.Class == BroadcastClass.Emergency;
        }

        /// <inheritdoc/>
        public override CommandResult Apply(CommandContext c, Instant now)
        {
            CommandArgs a = c.Args;
            return c.Core.PlayNow(c.Envelope.Id, a.Class, c.Key.Level, c.Key.Issuer, a.Duration, a.Lines, a.Source, now);
        }
    }
}
