using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Arbitration
{
    /// <summary>
    /// The rules for programmes that play now — play, emergency.start, relay.selftest — before they join the
    /// <see cref="SpeakerArbiter"/>: an id, a duration within the limit (and, unless an emergency, within the on-time guard:
    /// it would be cut every time), fitted lines and source, no programme of that id already waiting, a free slot.
    /// They need no clock: their deadline is on the monotonic clock.
    /// </summary>
    public sealed class ImmediateProgrammes
    {
        private readonly SpeakerArbiter _arbiter;
        private readonly RelayLayout _layout;
        private readonly int _maxSeconds;
        private readonly long _maxOnTimeMs;
        private readonly int _slots;

        /// <summary>Creates the rules of a station.</summary>
        public ImmediateProgrammes(SpeakerArbiter arbiter, RelayLayout layout, int maxSeconds, long maxOnTimeMs, int slots)
        {
            _arbiter = arbiter;
            _layout = layout;
            _maxSeconds = maxSeconds;
            _maxOnTimeMs = maxOnTimeMs;
            _slots = slots;
        }

        /// <summary>Whether a programme of <paramref name="kind"/> may play now as given (changes nothing).</summary>
        public CommandResult Check(string id, ProgrammeKind kind, int durationSeconds, int lines, int source)
        {
            if (id == null || id.Length == 0 || id.Length > ScheduleItem.MaxIdLength)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "id");
            }

            bool guarded = kind != ProgrammeKind.Emergency && durationSeconds * 1000L > _maxOnTimeMs;
            if (durationSeconds < 1 || durationSeconds > _maxSeconds || guarded)
            {
                return CommandResult.Refuse(RefusalReason.InvalidDuration, "duration");
            }

            CommandResult r = ScheduleValidator.CheckOutputs(lines, source, _layout);
            if (!r.Accepted)
            {
                return r;
            }

            if (_arbiter.Table.IndexOf(id, kind) >= 0)
            {
                return CommandResult.Refuse(RefusalReason.DuplicateId, "id");
            }

            return _arbiter.Table.IsFull ? CommandResult.Refuse(RefusalReason.Busy, null) : CommandResult.Ok;
        }

        /// <summary>Adds a checked programme that plays now for <paramref name="durationSeconds"/>.</summary>
        public void Add(ProgrammeKind kind, string id, string scope, BroadcastClass cls, IssuerLevel level, string issuer, int durationSeconds, int lines, int source, Instant now)
        {
            Programme p = _arbiter.Table.Take();
            p.Kind = kind;
            p.Id = id;
            p.Scope = scope;
            p.Issuer = issuer;
            p.Class = cls;
            p.Level = level;
            p.Lines = lines;
            p.Source = source;
            _arbiter.AddNow(p, durationSeconds, now);
        }

        /// <summary>
        /// Wiring check: each fitted line in turn, with its amplifier and source 0, for <paramref name="secondsPerLine"/>
        /// seconds (proof of play shows "selftest.lNN" started and ended). Refused as busy while anything wants the speakers.
        /// </summary>
        public CommandResult SelfTest(int secondsPerLine, Instant now)
        {
            int lines = _layout.Lines.Length;
            if (_arbiter.Table.Count > 0 || _arbiter.Current != null || lines > _slots || _layout.Sources.Length == 0)
            {
                return CommandResult.Refuse(RefusalReason.Busy, null);
            }

            if (secondsPerLine < 1 || secondsPerLine > 60)
            {
                return CommandResult.Refuse(RefusalReason.InvalidDuration, "duration");
            }

            for (int i = 0; i < lines; i++)
            {
                // Ids sort in line order, and equal rank and arrival make the arbiter take them in id order.
                string id = "selftest.l" + (char)('0' + i / 10) + (char)('0' + i % 10);
                // Line i waits for the lines before it: its deadline leaves room for each to play in turn
                // (about 2 s of sequencing plus the test time per line).
                Add(ProgrammeKind.Immediate, id, null, BroadcastClass.Normal, IssuerLevel.Station, "selftest", (i + 1) * (secondsPerLine + 3), 1 << i, 0, now);
            }

            return CommandResult.Ok;
        }
    }
}
