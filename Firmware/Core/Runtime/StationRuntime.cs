using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// What a station does between Core calls, in one copy for the device (Program.cs) and the simulator
    /// (SimulatedStation): after every call of the endpoint or the Core, <see cref="AfterCoreCall"/> applies the
    /// relay writes and feeds a refused write back to the Core as a relay fault, and hands over a verified
    /// clock-set request. The loop around it (when to tick, where messages come from) stays with the caller.
    /// Time always comes in as an argument.
    /// </summary>
    public sealed class StationRuntime
    {
        private readonly StationEndpoint _endpoint;
        private readonly IRelayDriver _relays;

        /// <summary>Binds the runtime to a booted endpoint and its relay outputs.</summary>
        public StationRuntime(StationEndpoint endpoint, IRelayDriver relays)
        {
            _endpoint = endpoint;
            _relays = relays;
        }

        /// <summary>The endpoint this runtime drives.</summary>
        public StationEndpoint Endpoint
        {
            get { return _endpoint; }
        }

        /// <summary>
        /// Applies the relay writes of the last Core call. A refused write is reported to the Core as a relay fault
        /// (it raises <c>relay-fault</c>, keeps the faulty output off and lets the others work); the writes of that
        /// reaction are applied once more. Returns the UTC ms of a verified clock-set request (a time beacon) and
        /// clears it, or 0: the caller sets its clock and then calls <see cref="ClockSet"/>.
        /// </summary>
        public long AfterCoreCall(Instant now)
        {
            ApplyRelays(now);
            long utcMs = _endpoint.ClockSetRequestUtcMs;
            _endpoint.ClockSetRequestUtcMs = 0;
            return utcMs;
        }

        /// <summary>The clock was set (SNTP or a time beacon): tells the Core and applies what that changed.</summary>
        public void ClockSet(Instant now)
        {
            _endpoint.Core.ClockSynced(now);
            ApplyRelays(now);
        }

        /// <summary>An output could not be opened at boot: reported as a relay fault, its reaction applied.</summary>
        public void OutputFailed(RelayRole role, int index, Instant now)
        {
            _endpoint.Core.ReportRelayFault(role, index, true, now);
            ApplyRelays(now);
        }

        private void ApplyRelays(Instant now)
        {
            RelayWrite failed;
            if (!_relays.Apply(_endpoint.Core.Effects.Writes, now, out failed))
            {
                // One retry pass only: the reaction drives the faulty output off; if that fails again it is already reported.
                _endpoint.Core.ReportRelayFault(failed.Role, failed.Index, true, now);
                _relays.Apply(_endpoint.Core.Effects.Writes, now, out failed);
            }
        }
    }
}
