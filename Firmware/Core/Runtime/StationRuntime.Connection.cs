using CommuneRadio.Core.Connectivity;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>The connection side of <see cref="StationRuntime"/>: attempts by the backoff, and what follows a connect.</summary>
    public sealed partial class StationRuntime
    {
        private bool _attempting;

        /// <summary>The options every attempt uses (the same on the device and in the simulator).</summary>
        public ConnectOptions ConnectOptions
        {
            get { return _options; }
        }

        /// <summary>The backoff (<see cref="ReconnectPolicy"/>: device and simulator alike, 1 s to 5 min by default).</summary>
        public ReconnectPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>True while connected as far as the runtime knows (set at a connect, cleared at the pass that sees a loss).</summary>
        public bool IsConnected
        {
            get { return _policy.Connected; }
        }

        /// <summary>Connection attempts started.</summary>
        public int Attempts { get; private set; }

        /// <summary>Successful connects (the first one after boot included; the Core counts only the later ones as reconnects).</summary>
        public int Connections { get; private set; }

        /// <summary>Outbox messages handed to the transport.</summary>
        public long Published { get; private set; }

        /// <summary>
        /// One pass of the station's loop, before its Core calls: kicks the watchdog; takes the outcome of a finished attempt
        /// and notices a lost connection (the endpoint is marked disconnected, so events stay in the Core's persisted queue
        /// instead of the bounded outbox); starts an attempt when the backoff allows; after a connect publishes the retained
        /// online state and configuration report, then subscribes (each retried on later passes until the transport takes
        /// it); then pumps the outbox. Returns what happened to the connection.
        /// </summary>
        public ConnectionChange Pass(Instant now)
        {
            if (_watchdog != null)
            {
                _watchdog.Kick(now.MonotonicMs);
            }

            if (_transport == null)
            {
                return ConnectionChange.None;
            }

            ConnectionChange change = FollowConnection(now.MonotonicMs);
            if (!_attempting && _policy.ShouldAttempt(now.MonotonicMs) && _transport.Connect(_options))
            {
                _attempting = true;
                Attempts++;
            }

            if (_policy.Connected)
            {
                // The state first: a server sees the station online before its results and events.
                if (_policy.StateNeeded && _transport.Publish(_endpoint.OnlineState()) && _transport.Publish(_configReport))
                {
                    _policy.StatePublished();
                    AskTrialHealth();
                }

                // Every connect: the broker may have lost the session (restart without persistence, session expiry).
                if (_policy.ResubscribeNeeded && _transport.Subscribe(_endpoint.Topics.Subscriptions))
                {
                    _policy.Resubscribed();
                }
            }

            PumpOutbox();
            return change;
        }

        private ConnectionChange FollowConnection(long nowMs)
        {
            ConnectionChange change = ConnectionChange.None;
            ConnectOutcome outcome = _transport.TakeOutcome();
            if (outcome != ConnectOutcome.None)
            {
                _attempting = false;
            }

            if (outcome == ConnectOutcome.Connected)
            {
                _policy.Succeeded();
                if (Connections++ == 0)
                {
                    _endpoint.Connected = true;
                }
                else
                {
                    _endpoint.OnConnected();
                }

                change = ConnectionChange.Connected;
            }
            else if (outcome == ConnectOutcome.Failed)
            {
                _policy.Failed(nowMs);
                change = ConnectionChange.AttemptFailed;
            }

            if (_policy.Connected && (_transport.TakeClosed() || !_transport.IsConnected))
            {
                _policy.Failed(nowMs);
                _endpoint.Connected = false;
                change = ConnectionChange.Lost;
            }

            return change;
        }
    }
}
