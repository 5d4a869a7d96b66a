using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// The fuzzed station and the signed commands the fuzzer starts from. Every base except "status" is
    /// refused when delivered intact (the reason is in <see cref="Reasons"/>, for a valid clock), so a
    /// mutation that keeps its signature valid still cannot change anything.
    /// </summary>
    public sealed class FuzzBases
    {
        /// <summary>64 zero digits: a well-formed signature that never verifies.</summary>
        public const string ZeroSig = "0000000000000000000000000000000000000000000000000000000000000000";

        /// <summary>Every command name of docs/protocol.md §3.2 and one unknown, with valid args for each.</summary>
        public static readonly string[] Commands =
        {
            "schedule.add", "schedule.replace", "schedule.remove", "schedule.sync", "play", "stop", "emergency.start",
            "emergency.stop", "relay.selftest", "status", "time", "config.set", "key.rotate", "reboot",
        };

        /// <summary>Valid args for <see cref="Commands"/>, index by index.</summary>
        public static readonly string[] Args =
        {
            "{\"item\":" + Item("x1", "normal") + "}",
            "{\"item\":" + Item("morning", "priority") + "}",
            "{\"item_id\":\"morning\"}",
            "{\"version\":3,\"items\":[" + Item("a", "normal") + "," + Once("b") + "]}",
            "{\"class\":\"normal\",\"duration\":60,\"lines\":[0,1],\"source\":0}",
            "{\"programme\":\"morning\"}",
            "{\"scope\":\"g/vn\",\"duration\":60,\"lines\":[0,1,2,3],\"source\":1}",
            "{\"scope\":\"g/vn\"}",
            "{}",
            "{}",
            "{\"utc_ms\":1795400000000}",
            "{\"telemetry_s\":60}",
            "{\"issuer\":\"com.ht.ab\",\"key\":\"" + Hex.ToHex(CommandBuilder.TestKey(0x99)) + "\"}",
            "{}",
        };

        public byte[][] Payloads;
        public string[] Bodies;
        public string[] Sigs;
        public string[] To;
        public string[] Ids;
        public string[] Reasons;
        public byte[] StatusBody;
        private int _count;

        /// <summary>Builds the bases from the harness's builders (fresh counters), in a fixed order.</summary>
        public FuzzBases(EndpointHarness h)
        {
            Payloads = new byte[20][];
            Bodies = new string[20];
            Sigs = new string[20];
            To = new string[20];
            Ids = new string[20];
            Reasons = new string[20];
            Add(h.Commune("status", "{}"), null);
            Add(h.Commune("play", "{\"class\":\"normal\",\"duration\":99999999,\"lines\":[0],\"source\":0}"), "invalid-duration");
            Add(h.Commune("schedule.add", "{\"item\":" + Item("alarm", "emergency") + "}"), "not-authorized");
            Add(h.Commune("schedule.sync", Args[3]), "not-authorized");
            Add(h.Commune("key.rotate", "{\"issuer\":\"prov.ht\",\"key\":\"" + Hex.ToHex(CommandBuilder.TestKey(0x99)) + "\"}"), "not-authorized");
            Add(h.Commune("time", Args[10]), "not-authorized");
            Add(h.Commune("emergency.start", "{\"duration\":60,\"lines\":[0],\"source\":0}"), "not-authorized");
            Add(h.Commune("schedule.add", "{\"item\":" + Item("morning", "normal") + "}"), "duplicate-id");
            Add(h.Commune("schedule.remove", "{\"item_id\":\"nothing\"}"), "unknown-id");
            Add(h.Commune("config.set", "{\"telemetry_s\":5}"), "invalid-field");
            Add(h.Province("relay.selftest", "{}"), "busy");
            Add(h.National("stop", "{\"programme\":\"nothing\"}"), "unknown-id");
            Add(h.Province("emergency.stop", "{}"), "unknown-id");
            CommandBuilder expired = h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0,0],\"source\":0}");
            expired.IssuedAt -= 7200;
            expired.Expires = expired.IssuedAt + 3600;
            Add(expired, "expired");
            Add(h.National("schedule.replace", "{\"item\":" + Item("nothing", "normal") + "}"), "unknown-id");
            CommandBuilder direct = h.Commune("play", "{\"class\":\"normal\",\"duration\":60,\"lines\":[0,0],\"source\":0}");
            direct.To = "st/ht-ab-001";
            Add(direct, "invalid-lines");
            CommandBuilder badDate = h.Province("schedule.add", "{\"item\":{\"id\":\"d\",\"kind\":\"once\",\"date\":\"2026-02-30\",\"time\":\"10:00\",\"duration\":60,\"class\":\"normal\",\"lines\":[0],\"source\":0}}");
            badDate.To = "st/ht-ab-001";
            Add(badDate, "invalid-time");
            CommandBuilder stranger = h.Commune("stop", "{}");
            stranger.Issuer = "nobody";
            Add(stranger, "unknown-issuer");
            StatusBody = Encoding.UTF8.GetBytes(Bodies[0]);
        }

        /// <summary>Number of bases.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>
        /// A station with four schedule items (one from the province) and a programme on air: the scheduled
        /// 09:00 "morning" with a valid clock, an immediate "play" without one.
        /// </summary>
        public static EndpointHarness Station(bool synced)
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + (8 * 60L + 58) * 60000, synced);
            Expect(h, h.Commune("schedule.add", "{\"item\":" + Item("morning", "normal") + "}"));
            Expect(h, h.Province("schedule.add", "{\"item\":" + Item("prov-news", "priority", "18:00") + "}"));
            Expect(h, h.Commune("schedule.add", "{\"item\":" + Item("evening", "normal", "19:00") + "}"));
            Expect(h, h.Commune("schedule.add", "{\"item\":" + Once("notice") + "}"));
            if (synced)
            {
                h.Station.RunUntil(0, 9, 0, 5);
            }
            else
            {
                Expect(h, h.Commune("play", "{\"class\":\"normal\",\"duration\":3600,\"lines\":[0,1,3],\"source\":1}"));
                h.Station.Run(5000);
            }

            h.ResultText();
            return h;
        }

        /// <summary>The base's envelope with "sig" first and whitespace around the members (same signed body).</summary>
        public byte[] Reordered(int b)
        {
            return Encoding.UTF8.GetBytes("{ \"sig\" : \"" + Sigs[b] + "\" ,\r\n \"body\" : " + Bodies[b] + " }");
        }

        private void Add(CommandBuilder b, string reason)
        {
            Bodies[_count] = b.Body();
            byte[] body = Encoding.UTF8.GetBytes(Bodies[_count]);
            Sigs[_count] = Hex.ToHex(Signature.Compute(b.Key, body, 0, body.Length));
            Payloads[_count] = b.Build();
            To[_count] = b.To;
            Ids[_count] = b.Id;
            Reasons[_count] = reason;
            _count++;
        }

        private static void Expect(EndpointHarness h, CommandBuilder b)
        {
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b), "fuzz station set-up: " + b.Cmd + " " + b.Args);
        }

        private static string Item(string id, string cls)
        {
            return Item(id, cls, "09:00");
        }

        private static string Item(string id, string cls, string time)
        {
            return "{\"id\":\"" + id + "\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"" + time + "\",\"duration\":3600,\"class\":\"" + cls + "\",\"lines\":[0,1,2,3],\"source\":0}";
        }

        private static string Once(string id)
        {
            return "{\"id\":\"" + id + "\",\"kind\":\"once\",\"date\":\"2026-11-24\",\"time\":\"10:00:30\",\"duration\":600,\"class\":\"priority\",\"lines\":[1],\"source\":1}";
        }
    }
}
