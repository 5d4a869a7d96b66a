using CommuneRadio.Core.Connectivity;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// What a station does between Core calls, in one copy for the device (Program.cs) and the simulator
    /// (SimulatedStation), behind roles: <see cref="IRelayDriver"/>, <see cref="ITransport"/>, <see cref="IWatchdog"/>
    /// (storage is the endpoint's <c>IStorage</c>). Time always comes in as an argument. The loop around it only says
    /// when: <see cref="Pass"/> on every loop pass, <see cref="HandleMessage"/> for each message that arrived,
    /// <see cref="Tick"/> every 250 ms (docs/architecture.md, "Station runtime").
    /// <para>After every Core call: the relay writes are applied and a refused write goes back to the Core as a relay
    /// fault; a verified clock-set request is handed to the caller; then the outbox is pumped — at most
    /// <see cref="RuntimeSettings.MaxPublishesPerCall"/> messages, in order, stopping at the first the transport refuses
    /// (it stays queued). This file: the Core calls and the outbox; StationRuntime.Connection.cs: the connection.</para>
    /// Not thread-safe: called from the station's loop (the device's main loop, the simulated station's lock).
    /// </summary>
    public sealed partial class StationRuntime
    {
        /// <summary>
        /// The one clean-session choice: false. The broker keeps the station's session while it is away, so a command sent
        /// during a Wi-Fi blip (an emergency) still arrives on reconnect; a stale one is refused by its expiry, a repeat by
        /// the replay counters (docs/architecture.md, "Station runtime").
        /// </summary>
        public const bool CleanSession = false;

        private readonly StationEndpoint _endpoint;
        private readonly IRelayDriver _relays;
        private readonly ITransport _transport;
        private readonly IWatchdog _watchdog;
        private readonly RuntimeSettings _settings;
        private readonly ReconnectPolicy _policy;
        private readonly ConnectOptions _options;
        private readonly OutgoingMessage _configReport;

        /// <summary>A station that only drives relays (tests, tools): no transport, no watchdog.</summary>
        public StationRuntime(StationEndpoint endpoint, IRelayDriver relays)
            : this(endpoint, relays, null, null, new RuntimeSettings(new byte[0]))
        {
        }

        /// <summary>
        /// Binds the runtime to a booted endpoint and its roles; <paramref name="transport"/> is null for a station without
        /// network (a configuration naming no usable broker), <paramref name="watchdog"/> may be null. The endpoint is
        /// marked disconnected until the first connect.
        /// </summary>
        public StationRuntime(StationEndpoint endpoint, IRelayDriver relays, ITransport transport, IWatchdog watchdog, RuntimeSettings settings)
        {
            _endpoint = endpoint;
            _relays = relays;
            _transport = transport;
            _watchdog = watchdog;
            _settings = settings;
            Topics topics = endpoint.Topics;
            uint seed = settings.Seed != 0 ? settings.Seed : Fnv1a(topics.Station);
            _policy = new ReconnectPolicy(settings.ReconnectMinMs, settings.ReconnectMaxMs, seed);
            _options = new ConnectOptions(topics.Station, CleanSession, settings.KeepAliveSeconds, topics.State, endpoint.WillPayload());
            _configReport = new OutgoingMessage(CommuneRadio.Core.Config.ConfigReport.Topic(topics.Prefix, topics.Station), settings.ConfigReport, 1, true);
            _endpoint.Connected = false;
        }

        /// <summary>The endpoint this runtime drives.</summary>
        public StationEndpoint Endpoint
        {
            get { return _endpoint; }
        }

        /// <summary>
        /// Applies the relay writes of the last Core call, then pumps the outbox. A refused write is reported to the Core as
        /// a relay fault (it raises <c>relay-fault</c>, keeps the faulty output off and lets the others work); the writes of
        /// that reaction are applied once more. Returns the UTC ms of a verified clock-set request (a time beacon) and clears
        /// it, or 0: the caller sets its clock and then calls <see cref="ClockSet"/>. Call it after any Core call the platform
        /// makes itself (boot, <c>MarkFault</c>); the runtime's own calls below end with it.
        /// </summary>
        public long AfterCoreCall(Instant now)
        {
            ApplyRelays(now);
            long utcMs = _endpoint.ClockSetRequestUtcMs;
            _endpoint.ClockSetRequestUtcMs = 0;
            PumpOutbox();
            RestartIfDue(now);
            return utcMs;
        }

        /// <summary>A message arrived: the endpoint handles it, then <see cref="AfterCoreCall"/> (its return value).</summary>
        public long HandleMessage(string topic, byte[] payload, bool retained, Instant now)
        {
            _endpoint.HandleMessage(topic, payload, retained, now);
            return AfterCoreCall(now);
        }

        /// <summary>Time passed (every 250 ms): the endpoint ticks, then <see cref="AfterCoreCall"/> (its return value).</summary>
        public long Tick(Instant now)
        {
            TickUpdate(now);
            _endpoint.Tick(now);
            return AfterCoreCall(now);
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

        // The one outbox rule: only on a connection whose online state is out, oldest first, bounded per call.
        private void PumpOutbox()
        {
            if (_transport == null || !_policy.Connected || _policy.StateNeeded)
            {
                return;
            }

            Outbox outbox = _endpoint.Outbox;
            for (int i = 0; i < _settings.MaxPublishesPerCall; i++)
            {
                OutgoingMessage m = outbox.Peek();
                if (m == null || !_transport.Publish(m))
                {
                    return;
                }

                outbox.Dequeue();
                Published++;
                TakenByTransport(m);
            }
        }

        // FNV-1a over the id's UTF-16 units: a stable per-station seed on both platforms (string.GetHashCode is not).
        private static uint Fnv1a(string text)
        {
            uint h = 2166136261;
            for (int i = 0; i < text.Length; i++)
            {
                h ^= text[i];
                h *= 16777619;
            }

            return h;
        }
    }
}
