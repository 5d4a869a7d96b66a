using System;
using System.Device.Gpio;
using System.Text;
using System.Threading;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Supervision;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;
using CommuneRadio.Device;

namespace CommuneRadio
{
    /// <summary>
    /// Composition root of the ESP32 firmware: load the configuration, build the adapters, start the station,
    /// run the one main loop. Decisions live in Core; this file only wires calls and results (Firmware/README.md,
    /// "Threading model").
    /// </summary>
    public static class Program
    {
        private const string ConfigPath = "I:\\station.json";
        private const int TickMs = 250;
        private const int SensorPeriodMs = 1000;
        private const int MemoryPeriodMs = 10000;

        private static StationEndpoint _endpoint;
        private static StationRuntime _runtime;
        private static SntpClock _clock;
        private static GpioController _gpio;

        /// <summary>
        /// Entry point of the deployed application: relays off, then the resident loader, which runs an updated
        /// application from its slot on <c>I:\upd</c> when the update record says so (docs/protocol.md §8), and
        /// otherwise this one.
        /// </summary>
        public static void Main()
        {
            BootLog.Line("CommuneRadio firmware starting");
            StationConfig config = LoadConfig();

            // Relays first: every configured pin to its OFF level before anything else can run, fail or be loaded.
            GpioController gpio = new GpioController();
            GpioRelayDriver relays = new GpioRelayDriver(gpio);
            relays.Open(config.Station.Relays);

            UpdateManager loader = new UpdateManager(new RecordStore(new FlashStorage()), new FileUpdateStorage(), config.Protocol.FirmwareVersion, new UpdateSettings());
            int slot = ResidentLoader.BootSlot(loader);
            if (slot != UpdateManager.BuiltIn && ResidentLoader.TryRun(loader, slot, gpio, relays.Pins))
            {
                return;
            }

            Start(UpdateManager.BuiltIn, gpio, relays.Pins);
        }

        /// <summary>
        /// The application, whether deployed or loaded from an update slot by the resident loader (which finds this
        /// method by name: <see cref="ResidentLoader.EntryMethod"/>). <paramref name="bootedSlot"/> is the slot the
        /// loader booted (<see cref="UpdateManager.BuiltIn"/> for the deployed application); the relay pins come
        /// already open at their OFF level.
        /// </summary>
        public static void Start(int bootedSlot, GpioController gpio, GpioPin[] relayPins)
        {
            StationConfig config = LoadConfig();
            _gpio = gpio;
            GpioRelayDriver relays = new GpioRelayDriver(gpio, relayPins);
            int openFailed = relays.Open(config.Station.Relays);
            BootLog.Relays(config.Station.Relays);

            _clock = new SntpClock();
            FlashStorage storage = new FlashStorage();
            BootReport report = new BootReport();
            _endpoint = StationBoot.Start(config.Station, config.Protocol, config.Keys, storage, _clock.Now(), report);
            BootLog.Boot(report);

            WatchdogThread watchdog = new WatchdogThread(new LoopWatchdog(30000), _endpoint.Store);
            MessageQueue inbox = new MessageQueue(8);
            M2MqttTransport transport = null;
            if (config.NetworkUsable)
            {
                transport = new M2MqttTransport(config.Device, LoadCa(config.Device), inbox,
                    new WifiNetwork(config.Device.WifiSsid, config.Device.WifiPassword), config.Protocol.MaxPayloadBytes);
            }

            RuntimeSettings settings = new RuntimeSettings(ConfigReport.Payload(config));
            settings.KeepAliveSeconds = config.Device.KeepAliveSeconds;
            _runtime = new StationRuntime(_endpoint, relays, transport, watchdog, settings);

            // The update record again, attached to the slot the resident loader booted (its boot is counted already).
            UpdateManager update = new UpdateManager(new RecordStore(storage), new FileUpdateStorage(), config.Protocol.FirmwareVersion, new UpdateSettings());
            _runtime.AttachUpdate(update, bootedSlot, new PowerRestarter(_endpoint.Store));
            BootLog.Line("update: running " + update.RunningVersion + (update.PendingVersion == null ? string.Empty : ", on trial or pending " + update.PendingVersion));
            _endpoint.Core.MarkFault(FaultFlags.ConfigError, !config.Valid);
            SetClock(_runtime.AfterCoreCall(_clock.Now()));
            if (openFailed >= 0)
            {
                ReportOpenFailure(config.Station.Relays, openFailed);
            }

            watchdog.Start();
            if (transport != null)
            {
                transport.Start();
            }

            Run(config.Device, inbox, transport);
        }

        // The loop only says when; what happens is the runtime's (docs/architecture.md, "Station runtime").
        private static void Run(DeviceSettings device, MessageQueue inbox, M2MqttTransport transport)
        {
            AdcSensorReader sensors = new AdcSensorReader(device, _gpio);
            SensorReadings readings = new SensorReadings();
            Instant now = _clock.Now();
            long nextTick = now.MonotonicMs + TickMs;
            long nextSensors = now.MonotonicMs;
            long nextMemory = now.MonotonicMs;
            bool sntpStarted = false;

            while (true)
            {
                now = _clock.Now();
                Log(_runtime.Pass(now), now);
                if (!sntpStarted && transport != null && transport.NetworkSeen)
                {
                    _clock.Start(device.SntpServer1, device.SntpServer2);
                    sntpStarted = true;
                }

                ReceivedMessage m;
                while ((m = inbox.Dequeue()) != null)
                {
                    now = _clock.Now();
                    SetClock(_runtime.HandleMessage(m.Topic, m.Payload, m.Retained, now));
                }

                if (now.MonotonicMs >= nextSensors)
                {
                    if (now.MonotonicMs >= nextMemory)
                    {
                        readings.FreeMemoryBytes = MemoryInfo.FreeBytes();
                        nextMemory = now.MonotonicMs + MemoryPeriodMs;
                    }

                    sensors.Read(readings);
                    _endpoint.Core.UpdateSensors(readings);
                    nextSensors = now.MonotonicMs + SensorPeriodMs;
                }

                if (_clock.TakeSntpSync(now))
                {
                    _runtime.ClockSet(now);
                }

                if (now.MonotonicMs >= nextTick)
                {
                    SetClock(_runtime.Tick(now));
                    nextTick += TickMs;
                    if (nextTick <= now.MonotonicMs)
                    {
                        nextTick = now.MonotonicMs + TickMs;
                    }
                }

                int wait = (int)(nextTick - _clock.Now().MonotonicMs);
                inbox.Signal.WaitOne(wait < 1 ? 1 : wait > TickMs ? TickMs : wait, false);
            }
        }

        private static void Log(ConnectionChange change, Instant now)
        {
            if (change == ConnectionChange.Connected)
            {
                BootLog.Line("mqtt: connected");
            }
            else if (change == ConnectionChange.AttemptFailed)
            {
                BootLog.Line("mqtt: connect failed, next attempt in " + (_runtime.Policy.NextAttemptMs - now.MonotonicMs).ToString() + " ms");
            }
            else if (change == ConnectionChange.Lost)
            {
                BootLog.Line("mqtt: connection lost");
            }
        }

        private static void SetClock(long utcMs)
        {
            if (utcMs == 0)
            {
                return;
            }

            _clock.SetUtc(utcMs);
            _runtime.ClockSet(_clock.Now());
            BootLog.Line("clock: set from a verified time beacon");
        }

        private static void ReportOpenFailure(RelayLayout layout, int index)
        {
            RelayRole role = RelayRole.Amplifier;
            if (index >= layout.Amplifiers.Length + layout.Lines.Length)
            {
                role = RelayRole.Source;
                index -= layout.Amplifiers.Length + layout.Lines.Length;
            }
            else if (index >= layout.Amplifiers.Length)
            {
                role = RelayRole.Line;
                index -= layout.Amplifiers.Length;
            }

            BootLog.Line("relay: could not open output " + index.ToString() + " of role " + ((int)role).ToString());
            _runtime.OutputFailed(role, index, _clock.Now());
        }

        private static StationConfig LoadConfig()
        {
            byte[] file = FlashStorage.ReadFile(ConfigPath);
            StationConfig config = ConfigParser.Parse(file, file == null ? 0 : file.Length);
            BootLog.Config(ConfigPath, config);
            return config;
        }

        private static string LoadCa(DeviceSettings device)
        {
            if (!device.BrokerTls)
            {
                return null;
            }

            if (device.CaCertificatePem != null)
            {
                return device.CaCertificatePem;
            }

            byte[] pem = FlashStorage.ReadFile("I:\\" + device.CaCertificateFile);
            if (pem == null)
            {
                BootLog.Line("broker: CA file I:\\" + device.CaCertificateFile + " missing; TLS connections will fail");
                return null;
            }

            return Encoding.UTF8.GetString(pem, 0, pem.Length);
        }
    }
}
