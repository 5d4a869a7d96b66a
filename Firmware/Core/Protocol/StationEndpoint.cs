using CommuneRadio.Core.Events;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol.Commands;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// A station on the wire (spec: docs/protocol.md). Takes MQTT messages as (topic, bytes, retained flag,
    /// now), checks them in the order of the spec — size, structure, retained, version, issuer, signature,
    /// addressee, replay, validity, command, arguments, authorisation — runs accepted commands on the
    /// <see cref="StationCore"/>, and queues exactly one result per command-topic message, plus events and
    /// health, in <see cref="Outbox"/>. Relay writes of each call are in <c>Core.Effects</c>.
    /// Not thread-safe: the transport hands messages to the main loop, which calls this.
    /// </summary>
    public sealed partial class StationEndpoint
    {
        private readonly EnvelopeParser _envelopeParser = new EnvelopeParser();
        private readonly ArgsParser _argsParser;
        private readonly CommandEnvelope _env = new CommandEnvelope();
        private readonly CommandArgs _args = new CommandArgs();
        private readonly MessageWriter _writer;
        private readonly CommandContext _context;

        /// <summary>Creates the endpoint of a station that keeps nothing through a reboot (tests, tools).</summary>
        public StationEndpoint(StationCore core, ProtocolSettings settings, Keyring keys)
            : this(core, settings, keys, null)
        {
        }

        /// <summary>Creates the endpoint of a station persisting its state in <paramref name="store"/>.</summary>
        public StationEndpoint(StationCore core, ProtocolSettings settings, Keyring keys, StationStore store)
        {
            Store = store;
            Core = core;
            Settings = settings;
            Keys = keys;
            Topics = new Topics(settings.Prefix, settings.Station, settings.Groups);
            Outbox = new Outbox(settings.OutboxCapacity);
            _argsParser = new ArgsParser(core.Schedule.Capacity, _envelopeParser.Reader);
            _writer = new MessageWriter(settings.Station);
            _context = new CommandContext(this, _env, _args);
        }

        /// <summary>Where state is persisted, or null.</summary>
        public StationStore Store { get; }

        /// <summary>
        /// Whether the transport is connected. While it is not, proof-of-play events stay in the Core's bounded,
        /// persisted queue instead of the outbox, and are delivered in order after reconnecting.
        /// </summary>
        public bool Connected { get; set; } = true;

        /// <summary>The station's Core.</summary>
        public StationCore Core { get; }

        /// <summary>Wire identity and limits.</summary>
        public ProtocolSettings Settings { get; }

        /// <summary>Trusted issuers.</summary>
        public Keyring Keys { get; }

        /// <summary>The station's topics.</summary>
        public Topics Topics { get; }

        /// <summary>Messages waiting for the transport.</summary>
        public Outbox Outbox { get; }

        /// <summary>
        /// The application update of this station (docs/protocol.md §8), or null on a station without update storage, which
        /// refuses every <c>update.*</c> as <c>no-update</c>. Set by the runtime after the boot.
        /// </summary>
        public CommuneRadio.Core.Update.UpdateManager Update { get; set; }

        /// <summary>Set by an accepted time beacon while the clock is not synced: the platform sets its clock to this (UTC ms), then calls <c>ClockSynced</c>. 0 when none.</summary>
        public long ClockSetRequestUtcMs { get; set; }

        /// <summary>
        /// True after a change to the keyring that is still to be persisted in the background (a key rotated on a station
        /// without a store). Replay counters are written before their command is applied, not through this flag.
        /// </summary>
        public bool KeysChanged { get; set; }

        /// <summary>Set by an accepted <c>status</c>: the state and a health snapshot go out with this call's messages.</summary>
        internal bool StatusRequested { get; set; }

        /// <summary>True after a configuration change (telemetry period) that should be persisted.</summary>
        public bool ConfigChanged { get; set; }

        /// <summary>The state and a health snapshot go out at the next call, as after a <c>status</c> command.</summary>
        public void RequestStatus()
        {
            StatusRequested = true;
        }

        /// <summary>The retained "online" state to publish after each connect.</summary>
        public OutgoingMessage OnlineState()
        {
            return new OutgoingMessage(Topics.State, _writer.State(true, Settings.FirmwareVersion), 1, true);
        }

        /// <summary>The last-will payload to register at connect (published retained by the broker).</summary>
        public byte[] WillPayload()
        {
            return _writer.State(false, null);
        }

        /// <summary>Time passed: runs the Core and queues its events and health (an update's outcome among the events).</summary>
        public void Tick(Instant now)
        {
            Core.Tick(now);
            QueueUpdateEvent(now);
            Drain(now);
            ConfirmUpdateEvent();
        }

        /// <summary>The transport is connected again: events flow to the outbox at the next call.</summary>
        public void OnConnected()
        {
            Connected = true;
            Core.CountReconnect();
        }

        /// <summary>
        /// A message arrived. Messages on topics other than this station's command topics are ignored;
        /// every command-topic message gets exactly one result.
        /// </summary>
        public void HandleMessage(string topic, byte[] payload, bool retained, Instant now)
        {
            string addressee = Topics.AddresseeOf(topic);
            if (addressee == null)
            {
                return;
            }

            // One command call of the Core: its effects are this command's only (a refusal never re-applies the
            // previous call's relay writes), it is counted once, and the station runs once at its end.
            Core.BeginCommand(now);
            CommandResult r = Core.EndCommand(Process(addressee, payload, retained, now), now);
            bool update = _env.Kind == CommandKind.UpdateBegin || _env.Kind == CommandKind.UpdateChunk || _env.Kind == CommandKind.UpdateCommit;
            byte[] result = update && Update != null
                ? _writer.Result(payload, _env.IdStart, _env.IdLength, r, Update)
                : _writer.Result(payload, _env.IdStart, _env.IdLength, r);
            Outbox.Enqueue(new OutgoingMessage(Topics.Result, result, 1, false));
            Forget();
            Drain(now);
        }

        // The command is answered: nothing of it stays referenced from the station's long-lived objects (the payload
        // from the reader, the parsed args and the checked change, the issuer and addressee). What the command changed
        // was copied into the station's state; what it kept (a programme named by its id) holds its own references.
        private void Forget()
        {
            _envelopeParser.Reader.Release();
            _env.Clear();
            _args.Clear();
            _context.Change.Clear();
            _context.Key = null;
            _context.Addressee = null;
        }

        private void Drain(Instant now)
        {
            // Events leave the Core's queue only when the outbox has room, so drops are counted in one place.
            int moved = 0;
            PlayEvent e = null; // assigned where declared, so Stryker can mutate Drain (docs/testing.md)
            while (Connected && !Outbox.IsFull && Core.Events.TryPeek(out e))
            {
                Outbox.Enqueue(new OutgoingMessage(Topics.Event, _writer.Event(e, Core.Events.Dropped), 1, false));
                Core.Events.Dequeue();
                moved++;
            }

            if (Core.Effects.HealthDue || StatusRequested)
            {
                CommuneRadio.Core.Health.HealthSnapshot snapshot = Core.Snapshot(now);
                if (Store != null)
                {
                    snapshot.Boots = Store.BootCount;
                    snapshot.PreviousReset = Store.PreviousResetReason;
                }

                FillUpdate(snapshot);

                Outbox.Enqueue(new OutgoingMessage(Topics.Health, _writer.Health(snapshot), 0, false));
            }

            if (StatusRequested)
            {
                Outbox.Enqueue(OnlineState());
                StatusRequested = false;
            }

            Persist(Core.Effects.NewEvents > 0 || moved > 0, now);
        }
    }
}
