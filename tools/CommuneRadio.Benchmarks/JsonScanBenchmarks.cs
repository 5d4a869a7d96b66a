using System.Text;
using BenchmarkDotNet.Attributes;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Benchmarks
{
    /// <summary>
    /// JSON over a ~1 KB signed protocol v1 command (a schedule.sync of 4 items, escapes included): every token
    /// read with <see cref="JsonReader"/> (UTF-8 and grammar validation, no decoding), and the
    /// <see cref="EnvelopeParser"/> pass the endpoint makes before the HMAC (envelope, body members, issuer
    /// lookup, body and args spans; it allocates nothing: the command id too is a place in the payload).
    /// </summary>
    [MemoryDiagnoser]
    public class JsonScanBenchmarks
    {
        private readonly JsonReader _reader = new JsonReader(EnvelopeParser.MaxDepth);
        private readonly EnvelopeParser _parser = new EnvelopeParser();
        private readonly CommandEnvelope _env = new CommandEnvelope();
        private Keyring _keys = null!;
        private byte[] _command = null!;

        [GlobalSetup]
        public void GlobalSetup()
        {
            StringBuilder items = new StringBuilder("{\"version\":42,\"items\":[");
            for (int i = 0; i < 4; i++)
            {
                items.Append(i == 0 ? string.Empty : ",");
                items.Append(BenchStation.ItemJson("slot-0" + i + "-tin-t\\u1ee9c-s\\u00e1ng", "0" + (5 + i) + ":30"));
            }

            items.Append("]}");
            long utc = BenchStation.MondayMidnightUtc + 3 * 3600000L;
            _command = BenchStation.Signed("c-20261123-0042", 1763850000123, utc, "schedule.sync", items.ToString());
            _keys = BenchStation.Endpoint(BenchStation.Core(new CommuneRadio.Core.Time.Instant(1000, utc), 0, 0x7F, 0)).Keys;
            BenchStation.Check(_command.Length >= 900 && _command.Length <= 1200, "~1 KB command: " + _command.Length + " bytes");
            BenchStation.Check(ReadAllTokens() > 100, "tokens");
            BenchStation.Check(ParseEnvelope(), "envelope parses");
        }

        [Benchmark(Description = "JsonReader: every token of a 1 KB command")]
        public int ReadAllTokens()
        {
            JsonReader r = _reader;
            r.Reset(_command, 0, _command.Length);
            int tokens = 0;
            while (r.Read())
            {
                tokens++;
            }

            return r.Error == JsonError.None ? tokens : -1;
        }

        [Benchmark(Description = "EnvelopeParser.Parse of a 1 KB command (no HMAC)")]
        public bool ParseEnvelope()
        {
            return _parser.Parse(_command, _command.Length, "g/com.ht.ab", _keys, _env);
        }
    }
}
