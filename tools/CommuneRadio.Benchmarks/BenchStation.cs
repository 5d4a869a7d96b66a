using System;
using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Benchmarks
{
    /// <summary>
    /// Shared set-up: the default station layout (2 amplifiers, 4 lines, 2 sources), schedule items, the commune
    /// key and signed protocol v1 payloads (docs/protocol.md), all on Monday 2026-11-23 local time (+07:00).
    /// </summary>
    public static class BenchStation
    {
        public const string Topic = "cr/v1/g/com.ht.ab/cmd";

        /// <summary>Monday 2026-11-23 00:00 local, in UTC ms.</summary>
        public static readonly long MondayMidnightUtc = LocalCalendar.ToUtc(LocalCalendar.DayFromDate(2026, 11, 23), 0, 420);

        public static readonly byte[] CommuneKey = Key(0x10);

        public static StationSettings Settings()
        {
            RelayChannel[] amps = { new RelayChannel(25, true, 0), new RelayChannel(26, true, 0) };
            RelayChannel[] lines = { new RelayChannel(16, true, 0), new RelayChannel(17, true, 0), new RelayChannel(18, true, 1), new RelayChannel(19, true, 1) };
            RelayChannel[] sources = { new RelayChannel(21, false, 0), new RelayChannel(22, false, 0) };
            return new StationSettings(new RelayLayout(amps, lines, sources));
        }

        /// <summary>A booted, synced station at <paramref name="now"/> with <paramref name="items"/> of <see cref="Item"/>.</summary>
        public static StationCore Core(Instant now, int items, int daysMask, int firstHour)
        {
            StationSettings settings = Settings();
            settings.ClockTrustMs = long.MaxValue / 4; // long runs must not see the clock go stale
            StationCore core = new StationCore(settings);
            core.Boot(now);
            core.ClockSynced(now);
            for (int i = 0; i < items; i++)
            {
                Check(core.AddItem(Item(i, daysMask, firstHour), now).Accepted, "item " + i);
            }

            Drain(core);
            return core;
        }

        /// <summary>Item i: weekly on <paramref name="daysMask"/>, 10 minutes, starting firstHour:00 + 15 min × i (wrapping at 24 h).</summary>
        public static ScheduleItem Item(int i, int daysMask, int firstHour)
        {
            ScheduleItem item = new ScheduleItem();
            item.Id = "slot-" + i.ToString("D2") + "-morning-news";
            item.Kind = ItemKind.Weekly;
            item.DaysMask = daysMask;
            item.StartSecond = (firstHour * 3600 + i * 900) % 86400;
            item.DurationSeconds = 600;
            item.Class = BroadcastClass.Normal;
            item.Level = IssuerLevel.Commune;
            item.Issuer = "com.ht.ab";
            item.Lines = 0xF;
            item.Source = 0;
            return item;
        }

        /// <summary>
        /// An endpoint "ht-ab-001" (groups vn, prov.ht, com.ht.ab) over <paramref name="core"/>, trusting the commune key,
        /// keeping nothing (<paramref name="store"/> null) or persisting into <paramref name="store"/> as a station does.
        /// </summary>
        public static StationEndpoint Endpoint(StationCore core, StationStore? store = null)
        {
            Keyring keys = new Keyring();
            keys.Put(new IssuerKey("com.ht.ab", IssuerLevel.Commune, CommuneKey, new[] { "g/com.ht.ab" }, false));
            return new StationEndpoint(core, new ProtocolSettings("cr/v1", "ht-ab-001", new[] { "vn", "prov.ht", "com.ht.ab" }), keys, store!);
        }

        /// <summary>
        /// A store over a fresh in-memory flash (the host's <see cref="CommuneRadio.Host.Storage.MemoryStorage"/>, which rewrites a
        /// record's array in place while it fits) with no hourly write budget (a benchmark writes thousands of times).
        /// </summary>
        public static StationStore Store()
        {
            StationStore store = new StationStore(new CommuneRadio.Host.Storage.MemoryStorage());
            store.WriteBudgetPerHour = int.MaxValue;
            return store;
        }

        /// <summary>A signed command from the commune to its group, as the server would publish it.</summary>
        public static byte[] Signed(string id, long counter, long utcMs, string cmd, string args)
        {
            long iat = utcMs / 1000;
            string body = "{\"v\":1,\"id\":\"" + id + "\",\"iss\":\"com.ht.ab\",\"to\":\"g/com.ht.ab\",\"iat\":" + iat + ",\"exp\":" + (iat + 600) +
                ",\"ctr\":" + counter + ",\"cmd\":\"" + cmd + "\",\"args\":" + args + "}";
            byte[] b = Encoding.UTF8.GetBytes(body);
            string sig = Hex.ToHex(Signature.Compute(CommuneKey, b, 0, b.Length));
            return Encoding.UTF8.GetBytes("{\"body\":" + body + ",\"sig\":\"" + sig + "\"}");
        }

        /// <summary>Item JSON for schedule.add / schedule.sync.</summary>
        public static string ItemJson(string id, string time)
        {
            return "{\"id\":\"" + id + "\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"" + time +
                "\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}";
        }

        public static void Drain(StationCore core)
        {
            while (core.Events.Count > 0)
            {
                core.Events.Dequeue();
            }
        }

        public static void Check(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException("benchmark set-up failed: " + what);
            }
        }

        private static byte[] Key(byte fill)
        {
            byte[] k = new byte[32];
            for (int i = 0; i < k.Length; i++)
            {
                k[i] = (byte)(fill + i);
            }

            return k;
        }
    }
}
