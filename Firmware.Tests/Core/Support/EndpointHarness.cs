using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// A station endpoint "ht-ab-001" in groups vn, prov.ht and com.ht.ab, with keys for the commune
    /// (com.ht.ab: commune level, no emergency), another commune (com.ht.xy), the province (prov.ht,
    /// emergency allowed) and the national centre (vn, emergency allowed). Fake time as in
    /// <see cref="StationHarness"/>.
    /// </summary>
    public sealed class EndpointHarness
    {
        public static readonly byte[] CommuneKey = CommandBuilder.TestKey(0x10);
        public static readonly byte[] OtherCommuneKey = CommandBuilder.TestKey(0x30);
        public static readonly byte[] ProvinceKey = CommandBuilder.TestKey(0x50);
        public static readonly byte[] NationalKey = CommandBuilder.TestKey(0x70);

        public StationHarness Station;
        public StationEndpoint Endpoint;
        public long Counter = 1000;

        /// <summary>What the boot found in storage (persistent stations only).</summary>
        public BootReport Boot;

        public EndpointHarness(long utcStart, bool synced)
        {
            Station = StationHarness.Create(utcStart);
            Endpoint = new StationEndpoint(Station.Core, Protocol(), Keys(CommuneKey));
            Station.Boot(synced);
        }

        private EndpointHarness()
        {
        }

        /// <summary>A station booted from <paramref name="flash"/> through the real boot sequence (StationBoot).</summary>
        public static EndpointHarness Persistent(MemoryStorage flash, long utcStart, bool synced)
        {
            return Persistent(flash, utcStart, synced, CommuneKey);
        }

        /// <summary>As <see cref="Persistent(MemoryStorage, long, bool)"/> with the commune issuer provisioned with <paramref name="communeKey"/>.</summary>
        public static EndpointHarness Persistent(CommuneRadio.Core.Persistence.IStorage flash, long utcStart, bool synced, byte[] communeKey)
        {
            EndpointHarness h = new EndpointHarness();
            h.Boot = new BootReport();
            h.Station = new StationHarness(StationHarness.DefaultSettings(), utcStart);
            h.Endpoint = StationBoot.Start(h.Station.Core.Settings, Protocol(), Keys(communeKey), flash, h.Station.Now, h.Boot);
            h.Station.Core = h.Endpoint.Core;
            h.Station.Endpoint = h.Endpoint;
            h.Station.Collect(h.Station.Core.Effects);
            h.Station.StartClock(synced);
            return h;
        }

        private static ProtocolSettings Protocol()
        {
            return new ProtocolSettings("cr/v1", "ht-ab-001", new[] { "vn", "prov.ht", "com.ht.ab" });
        }

        private static Keyring Keys(byte[] communeKey)
        {
            Keyring keys = new Keyring();
            keys.Put(new IssuerKey("com.ht.ab", IssuerLevel.Commune, communeKey, new[] { "g/com.ht.ab" }, false));
            keys.Put(new IssuerKey("com.ht.xy", IssuerLevel.Commune, OtherCommuneKey, new[] { "g/com.ht.xy" }, false));
            keys.Put(new IssuerKey("prov.ht", IssuerLevel.Province, ProvinceKey, new[] { "g/prov.ht" }, true));
            keys.Put(new IssuerKey("vn", IssuerLevel.National, NationalKey, new[] { "g/vn" }, true));
            return keys;
        }

        /// <summary>Runs one tick (which delivers what waits) and returns the kinds of the events delivered since boot.</summary>
        public string[] DeliveredEventKinds()
        {
            Station.Run(StationHarness.TickMs);
            string[] kinds = new string[Station.EventLog.Count];
            for (int i = 0; i < kinds.Length; i++)
            {
                string line = (string)Station.EventLog[i];
                int from = line.IndexOf(' ', 4) + 1;
                kinds[i] = line.Substring(from, line.IndexOf(' ', from) - from);
            }

            return kinds;
        }

        /// <summary>A builder for the commune issuer addressing its commune group, with a fresh counter.</summary>
        public CommandBuilder Commune(string cmd, string args)
        {
            return Builder("com.ht.ab", CommuneKey, "g/com.ht.ab", cmd, args);
        }

        public CommandBuilder Province(string cmd, string args)
        {
            return Builder("prov.ht", ProvinceKey, "g/prov.ht", cmd, args);
        }

        public CommandBuilder National(string cmd, string args)
        {
            return Builder("vn", NationalKey, "g/vn", cmd, args);
        }

        public CommandBuilder Builder(string issuer, byte[] key, string to, string cmd, string args)
        {
            CommandBuilder b = new CommandBuilder(key, Station.Utc);
            b.Issuer = issuer;
            b.To = to;
            b.Cmd = cmd;
            b.Args = args;
            b.Counter = ++Counter;
            b.Id = "c-" + Counter;
            return b;
        }

        /// <summary>Sends a payload on the topic of <paramref name="to"/> and returns the result message text.</summary>
        public string Send(string to, byte[] payload, bool retained)
        {
            int resultsBefore = Station.Results.Count;
            Endpoint.HandleMessage("cr/v1/" + to + "/cmd", payload, retained, Station.Now);
            Station.Collect(Station.Core.Effects);
            if (Station.Endpoint == null)
            {
                return ResultText();
            }

            int results = Station.Results.Count - resultsBefore;
            return results > 1 ? "MORE THAN ONE RESULT" : results == 1 ? (string)Station.Results[resultsBefore] : null;
        }

        public string Send(CommandBuilder b)
        {
            return Send(b.To, b.Build(), false);
        }

        /// <summary>Removes every queued message and returns the text of the result among them (null if none).</summary>
        public string ResultText()
        {
            if (Station.Endpoint != null)
            {
                int before = Station.Results.Count;
                Station.DrainOutbox();
                int results = Station.Results.Count - before;
                return results > 1 ? "MORE THAN ONE RESULT" : results == 1 ? (string)Station.Results[before] : null;
            }

            string result = null;
            int count = 0;
            while (Endpoint.Outbox.Count > 0)
            {
                OutgoingMessage m = Endpoint.Outbox.Dequeue();
                if (m.Topic == "cr/v1/st/ht-ab-001/result")
                {
                    count++;
                    result = Encoding.UTF8.GetString(m.Payload, 0, m.Payload.Length);
                }
            }

            return count > 1 ? "MORE THAN ONE RESULT" : result;
        }

        public static string Accepted(string id)
        {
            return "{\"id\":\"" + id + "\",\"station\":\"ht-ab-001\",\"result\":\"accepted\"}";
        }

        public static string Refused(string id, string reason, string field)
        {
            string idText = id == null ? "null" : "\"" + id + "\"";
            string fieldText = field == null ? string.Empty : ",\"field\":\"" + field + "\"";
            return "{\"id\":" + idText + ",\"station\":\"ht-ab-001\",\"result\":\"refused\",\"reason\":\"" + reason + "\"" + fieldText + "}";
        }

        /// <summary>Lowercase hex of a byte array.</summary>
        public static string HexOf(byte[] b)
        {
            return Hex.ToHex(b);
        }
    }
}
