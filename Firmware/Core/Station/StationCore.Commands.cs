using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>
    /// Commands, already parsed and authenticated by the protocol layer. Each is checked completely before
    /// anything changes: a refused command leaves the schedule, the programmes and the relays as they were.
    /// A command is one call (<see cref="BeginCommand"/> … <see cref="EndCommand"/>): effects cleared once, counted
    /// once, and the station run once at its end.
    /// </summary>
    public sealed partial class StationCore
    {
        /// <summary>Plays a programme now for a duration, without needing a valid clock.</summary>
        public CommandResult PlayNow(string id, BroadcastClass cls, IssuerLevel level, string issuer, int durationSeconds, int lines, int source, Instant now)
        {
            bool own = Enter(now);
            ProgrammeKind kind = cls == BroadcastClass.Emergency ? ProgrammeKind.Emergency : ProgrammeKind.Immediate;
            CommandResult r = _immediate.Check(id, kind, durationSeconds, lines, source);
            if (r.Accepted)
            {
                _immediate.Add(kind, id, null, cls, level, issuer, durationSeconds, lines, source, now);
            }

            return Leave(own, r, now);
        }

        /// <summary>
        /// Starts an emergency for <paramref name="scope"/>: it takes the speakers at once. A new emergency for
        /// the same scope replaces the running one.
        /// </summary>
        public CommandResult StartEmergency(string id, string scope, IssuerLevel level, string issuer, int durationSeconds, int lines, int source, Instant now)
        {
            bool own = Enter(now);
            CommandResult r = _immediate.Check(id, ProgrammeKind.Emergency, durationSeconds, lines, source);
            if (r.Accepted && (scope == null || scope.Length == 0 || scope.Length > 64))
            {
                r = CommandResult.Refuse(RefusalReason.InvalidField, "scope");
            }

            if (r.Accepted)
            {
                _arbiter.StopEmergency(scope, level, now);
                _immediate.Add(ProgrammeKind.Emergency, id, scope, BroadcastClass.Emergency, level, issuer, durationSeconds, lines, source, now);
            }

            return Leave(own, r, now);
        }

        /// <summary>Stops the emergency running for <paramref name="scope"/> (only an issuer at its level or above).</summary>
        public CommandResult StopEmergency(string scope, IssuerLevel level, Instant now)
        {
            bool own = Enter(now);
            CommandResult r = _arbiter.StopEmergency(scope, level, now) > 0 ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.UnknownId, "scope");
            return Leave(own, r, now);
        }

        /// <summary>
        /// Stops a programme by id, or — with a null id — every non-emergency programme of an issuer at
        /// <paramref name="level"/> or below. A stopped scheduled occurrence does not restart.
        /// </summary>
        public CommandResult Stop(string id, IssuerLevel level, Instant now)
        {
            bool own = Enter(now);
            int stopped = _arbiter.Stop(id, level, now);
            CommandResult r = stopped > 0 || id == null ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.UnknownId, "id");
            return Leave(own, r, now);
        }

        /// <summary>
        /// Wiring check: each fitted line in turn, with its amplifier and source 0, for
        /// <paramref name="secondsPerLine"/> seconds (proof-of-play shows "selftest.lNN" started and ended).
        /// Refused as busy while anything wants the speakers.
        /// </summary>
        public CommandResult SelfTest(int secondsPerLine, Instant now)
        {
            bool own = Enter(now);
            CommandResult r = _immediate.SelfTest(secondsPerLine, now);
            return Leave(own, r, now);
        }

        /// <summary>
        /// Records an update's outcome as an event (<see cref="PlayEventKind.UpdateCommitted"/> or
        /// <see cref="PlayEventKind.UpdateRolledBack"/>, the version as its programme id) in the persisted event queue, so it
        /// is delivered like proof of play (in order, after a reconnect), and has the health snapshot sent soon.
        /// </summary>
        public void RecordUpdate(PlayEventKind kind, PlayReason reason, string version, Instant now)
        {
            _recorder.Record(kind, reason, version, 0, BroadcastClass.Normal, now);
            EventsDirty = true;
            HealthChanged();
        }

        /// <summary>
        /// Opens one command call: the previous call's effects are cleared and the time observed. Everything the command
        /// does until <see cref="EndCommand"/> — checks, changes, the station run — belongs to this call's effects. The
        /// command methods open (and end) their own call when none is open, so they can also be called alone.
        /// </summary>
        public void BeginCommand(Instant now)
        {
            StartCall(now);
            Observe(now);
            _commandOpen = true;
            _commandChanged = false;
        }

        /// <summary>
        /// Ends the command call with its one result: counted (accepted or refused — the only place commands are
        /// counted) and, when it changed the station, the station runs (arbitration, relays) so that an emergency's
        /// relay writes come out of the very call that accepted it.
        /// </summary>
        public CommandResult EndCommand(CommandResult r, Instant now)
        {
            _commandOpen = false;
            if (!r.Accepted)
            {
                _counters.Refused++;
                return r;
            }

            _counters.Accepted++;
            if (_commandChanged)
            {
                Process(now);
            }

            return r;
        }

        // A command method called alone opens its own command call; inside one (the endpoint's) it only does its part.
        private bool Enter(Instant now)
        {
            if (_commandOpen)
            {
                return false;
            }

            BeginCommand(now);
            return true;
        }

        private CommandResult Leave(bool own, CommandResult r, Instant now)
        {
            _commandChanged |= r.Accepted;
            return own ? EndCommand(r, now) : r;
        }
    }
}
