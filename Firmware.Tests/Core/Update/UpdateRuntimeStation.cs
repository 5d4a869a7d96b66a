using System.Collections;
using System.Text;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;
using CommuneRadio.Tests.Core.Support;

namespace CommuneRadio.Tests.Core.Update
{
    /// <summary>
    /// A whole station as the device runs it — persistent endpoint, <see cref="StationRuntime"/> with a fake transport,
    /// a relay board that keeps the outputs' state, an <see cref="UpdateManager"/> booted by the runtime
    /// (<see cref="StationRuntime.BootUpdate"/>) — on a fake clock. A restart the runtime asks for is recorded; the test
    /// then calls <see cref="Restart()"/>, which builds the station again from its flash, as a reboot does.
    /// </summary>
    public sealed class UpdateRuntimeStation : IRestarter
    {
        public readonly PowerSupply Power = new PowerSupply();
        public readonly MemoryStorage Flash = new MemoryStorage();
        public readonly MemoryUpdateStorage Files;
        public readonly UpdateSettings Settings = new UpdateSettings();
        public EndpointHarness H;
        public FakeTransport Transport;
        public StationRuntime Runtime;
        public UpdateManager Manager;
        public Board Relays;
        public int BootedSlot;

        /// <summary>Set by the runtime's restart request, with the relays' state at that moment.</summary>
        public string RestartReason;
        public int OutputsOnAtRestart = -1;

        /// <summary>Every published message's topic leaf and payload ("event {…}"), across restarts.</summary>
        public ArrayList Sent = new ArrayList();
        private int _taken;
        private long _utc = StationHarness.MondayMidnightUtc + 9 * 3600000L;
        private long _counter = 1000;

        public UpdateRuntimeStation()
        {
            Files = new MemoryUpdateStorage(Power);
            Restart();
        }

        /// <summary>The station is built again from its flash (a reboot); relays start off.</summary>
        public void Restart()
        {
            if (H != null)
            {
                Collect();
                _utc = H.Station.Utc + 5000;
                _counter = H.Counter;
            }

            Power.Restore();
            RestartReason = null;
            PoweredStorage storage = new PoweredStorage(Flash, Power);
            H = EndpointHarness.Persistent(storage, _utc, true, EndpointHarness.CommuneKey);
            H.Counter = _counter;
            H.Endpoint.Keys.Find("prov.ht").MayUpdate = true;
            H.Endpoint.Settings.FirmwareVersion = "1.0.0";
            Transport = new FakeTransport();
            _taken = 0;
            Relays = new Board();
            Runtime = new StationRuntime(H.Endpoint, Relays, Transport, null, new RuntimeSettings(ConfigReport.Payload("ht-ab-001", "devkit-4relay", null)));
            Manager = new UpdateManager(new RecordStore(storage), Files, "1.0.0", Settings);
            BootedSlot = Runtime.BootUpdate(Manager, this);
            Runtime.AfterCoreCall(H.Station.Now);
        }

        public void Restart(string reason)
        {
            RestartReason = reason;
            OutputsOnAtRestart = Relays.On;
        }

        /// <summary>Runs the loop for <paramref name="ms"/>: a pass and a tick every 250 ms, until a restart is asked.</summary>
        public void Run(long ms)
        {
            for (long t = 0; t < ms && RestartReason == null; t += StationHarness.TickMs)
            {
                H.Station.Mono += StationHarness.TickMs;
                H.Station.Utc += StationHarness.TickMs;
                Transport.NowMs = H.Station.Mono;
                Runtime.Pass(H.Station.Now);
                Runtime.Tick(H.Station.Now);
            }

            Collect();
        }

        /// <summary>A command through the runtime (as the transport hands it over); the result payload text, or null.</summary>
        public string Send(CommandBuilder b)
        {
            int before = Transport.Published.Count;
            Runtime.HandleMessage("cr/v1/" + b.To + "/cmd", b.Build(), false, H.Station.Now);
            for (int i = before; i < Transport.Published.Count; i++)
            {
                OutgoingMessage m = Transport.At(i);
                if (m.Topic == H.Endpoint.Topics.Result)
                {
                    Collect();
                    return Encoding.UTF8.GetString(m.Payload, 0, m.Payload.Length);
                }
            }

            Collect();
            return null;
        }

        /// <summary>Begin, every chunk and commit from the province, each accepted.</summary>
        public bool Push(UpdateImage image)
        {
            bool ok = Accepted(Send(H.Province("update.begin", UpdateStation.BeginArgs(image))));
            for (int i = 0; i < image.ChunkCount && ok; i++)
            {
                int file;
                int offset;
                image.Locate(i, out file, out offset);
                ok = Accepted(Send(H.Province("update.chunk", UpdateStation.ChunkArgs(image, file, offset))));
            }

            return ok && Accepted(Send(H.Province("update.commit", "{\"version\":\"" + image.Version + "\"}")));
        }

        /// <summary>The sent messages on <paramref name="leaf"/> ("event", "health", "state") whose payload contains <paramref name="text"/>.</summary>
        public int Count(string leaf, string text)
        {
            int n = 0;
            for (int i = 0; i < Sent.Count; i++)
            {
                string line = (string)Sent[i];
                if (line.StartsWith(leaf + " ") && line.IndexOf(text) > 0)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>The last sent message on <paramref name="leaf"/>, or null.</summary>
        public string Last(string leaf)
        {
            for (int i = Sent.Count - 1; i >= 0; i--)
            {
                string line = (string)Sent[i];
                if (line.StartsWith(leaf + " "))
                {
                    return line.Substring(leaf.Length + 1);
                }
            }

            return null;
        }

        private static bool Accepted(string result)
        {
            return result != null && result.IndexOf("\"result\":\"accepted\"") > 0;
        }

        private void Collect()
        {
            for (; _taken < Transport.Published.Count; _taken++)
            {
                OutgoingMessage m = Transport.At(_taken);
                string leaf = m.Topic.Substring(m.Topic.LastIndexOf('/') + 1);
                Sent.Add(leaf + " " + Encoding.UTF8.GetString(m.Payload, 0, m.Payload.Length));
            }
        }

        /// <summary>A relay board keeping which outputs are on (bit per output: lines 0–7, sources 8–15, amplifiers 16–23).</summary>
        public sealed class Board : IRelayDriver
        {
            public int On;

            public bool Apply(RelayWriteBuffer writes, Instant now, out RelayWrite failed)
            {
                failed = default(RelayWrite);
                for (int i = 0; i < writes.Count; i++)
                {
                    RelayWrite w = writes.At(i);
                    int bit = 1 << (w.Index + (w.Role == RelayRole.Line ? 0 : w.Role == RelayRole.Source ? 8 : 16));
                    On = w.On ? On | bit : On & ~bit;
                }

                return true;
            }
        }
    }
}
