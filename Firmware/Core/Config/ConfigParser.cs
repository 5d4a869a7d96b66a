using CommuneRadio.Core.Health;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// Parses and validates the station configuration file (spec: docs/configuration.md) — one JSON object:
    /// <code>
    /// {"version":1, "board":"devkit-4relay",
    ///  "station":{"id":"ht-ab-001","groups":["vn","prov.ha-tinh"],"topic_prefix":"cr/v1","utc_offset_minutes":420,"telemetry_s":60},
    ///  "wifi":{"ssid":"...","password":"..."},
    ///  "broker":{"host":"...","port":8883,"tls":true,"ca_file":"ca.pem","username":"...","password":"...","keepalive_s":60},
    ///  "time":{"sntp":["vn.pool.ntp.org","pool.ntp.org"]},
    ///  "keys":[{"issuer":"vn","level":"national","scopes":[],"emergency":true,"key":"&lt;64 hex&gt;"}],
    ///  "relays":{"amplifiers":[{"pin":23,"active_low":true}],"lines":[{"pin":22,"amplifier":0}],"sources":[{"pin":19}]},
    ///  "timings":{"warm_up_ms":1500},
    ///  "sensors":{"amp_current":{"adc_channel":6,"input":"ratio","scale":12.375,"offset":-6.19},"mains":{"pin":39}}}
    /// </code>
    /// Every member is checked for type and range; unknown and repeated members are errors; all errors are collected
    /// with their field path (e.g. <c>relays.lines[1].pin</c> → <c>pin-conflict</c>). Never throws, never reads
    /// more than <see cref="MaxFileBytes"/>, nests at most 8 deep. See <see cref="StationConfig"/> for what an
    /// invalid file leads to.
    /// </summary>
    public sealed partial class ConfigParser
    {
        /// <summary>Largest configuration file accepted (an inline CA certificate is about 2 KB).</summary>
        public const int MaxFileBytes = 16384;

        private static readonly string[] RootNames = { "version", "board", "station", "wifi", "broker", "time", "keys", "relays", "timings", "sensors" };
        private const int RootRequired = 0xDF; // version, board, station, wifi, broker, keys, relays
        private static readonly string[] StationNames = { "id", "groups", "topic_prefix", "utc_offset_minutes", "telemetry_s" };
        private static readonly string[] WifiNames = { "ssid", "password" };
        private static readonly string[] BrokerNames = { "host", "port", "tls", "ca_pem", "ca_file", "username", "password", "keepalive_s" };
        private static readonly string[] TimeNames = { "sntp" };

        /// <summary>Board profiles and the relay outputs each provides.</summary>
        public static readonly string[] Boards = { "devkit-4relay", "board-8relay", "custom" };
        private static readonly int[] BoardOutputs = { 4, 8, 16 };

        private readonly ConfigErrors _errors = new ConfigErrors();
        private readonly DeviceSettings _device = new DeviceSettings();
        private readonly Keyring _keys = new Keyring();
        private readonly FaultThresholds _faults = new FaultThresholds();
        private ConfigReader _r;
        private int _boardOutputs = 16;
        private string _stationId;
        private string[] _groups = new string[0];
        private string _prefix = "cr/v1";
        private int _utcOffset = 420;
        private int _telemetryS = 60;

        private ConfigParser()
        {
        }

        /// <summary>
        /// Parses <paramref name="count"/> bytes of <paramref name="data"/> (null: the file is missing).
        /// Always returns a complete <see cref="StationConfig"/>.
        /// </summary>
        public static StationConfig Parse(byte[] data, int count)
        {
            ConfigParser p = new ConfigParser();
            try
            {
                p.ParseFile(data, count);
                return p.Build();
            }
            catch (System.Exception)
            {
                // Defensive only: the parser is written not to throw. A bug here must still end in the safe state.
                ConfigParser safe = new ConfigParser();
                safe._errors.Add("$", ConfigReasons.Internal);
                return safe.Build();
            }
        }

        private void ParseFile(byte[] data, int count)
        {
            if (data == null || count <= 0 || count > data.Length)
            {
                _errors.Add("$", ConfigReasons.MissingFile);
                return;
            }

            if (count > MaxFileBytes)
            {
                _errors.Add("$", ConfigReasons.TooLarge);
                return;
            }

            _r = new ConfigReader(data, count, _errors);
            if (!_r.ReadObjectStart("$"))
            {
                return;
            }

            int seen = ReadMembers(RootNames, string.Empty, 0);
            if (!_r.Broken)
            {
                _r.Next(); // end of document: reports trailing data
                Required(RootNames, RootRequired, seen, string.Empty);
            }
        }

        // Reads the members of the object just started, dispatching each known one to ReadMember.
        private int ReadMembers(string[] names, string path, int section)
        {
            int seen = 0;
            while (_r.NextMember())
            {
                int which = -1;
                for (int i = 0; i < names.Length; i++)
                {
                    if (_r.Json.ValueEquals(names[i]))
                    {
                        which = i;
                        break;
                    }
                }

                if (which < 0)
                {
                    _r.Error(Join(path, _r.Name()), ConfigReasons.UnknownField);
                    _r.SkipValue();
                    continue;
                }

                string field = Join(path, names[which]);
                if ((seen & (1 << which)) != 0)
                {
                    _r.Error(field, ConfigReasons.Duplicate);
                    _r.SkipValue();
                    continue;
                }

                seen |= 1 << which;
                ReadMember(section, which, field);
            }

            return seen;
        }

        private void Required(string[] names, int required, int seen, string path)
        {
            if (_r.Broken)
            {
                // Members after the damage were never read: reporting them missing would only hide the real error.
                return;
            }

            for (int i = 0; i < names.Length; i++)
            {
                if ((required & (1 << i)) != 0 && (seen & (1 << i)) == 0)
                {
                    _r.Error(Join(path, names[i]), ConfigReasons.Missing);
                }
            }
        }

        private static int IndexOf(string[] names, string value)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Join(string path, string name)
        {
            return path.Length == 0 ? name : path + "." + name;
        }

        private static string Index(string path, int i)
        {
            return path + "[" + i.ToString() + "]";
        }

        private void ReadMember(int section, int which, string field)
        {
            switch (section)
            {
                case 0: ReadRoot(which, field); break;
                case 1: ReadStation(which, field); break;
                case 2: ReadWifi(which, field); break;
                case 3: ReadBroker(which, field); break;
                case 4: ReadTime(field); break;
                case 5: ReadTimings(which, field); break;
                case 6: ReadSensors(which, field); break;
                case 7: ReadKey(which, field); break;
                case 8: ReadRelayArray(which, field); break;
                case 9: ReadChannel(which, field); break;
                case 10:
                case 11: ReadAnalog(section, which, field); break;
                default: ReadMains(which, field); break;
            }
        }

        private void ReadRoot(int which, string field)
        {
            int version;
            string board;
            switch (which)
            {
                case 0:
                    _r.ReadInt(field, 1, 1, out version);
                    break;
                case 1:
                    if (_r.ReadToken(field, 32, false, out board))
                    {
                        _device.Board = board;
                        int b = IndexOf(Boards, board);
                        if (b < 0)
                        {
                            _r.Error(field, ConfigReasons.UnknownValue);
                        }
                        else
                        {
                            _boardOutputs = BoardOutputs[b];
                        }
                    }

                    break;
                case 2: ReadSection(StationNames, 0x1, field, 1); break;
                case 3: ReadSection(WifiNames, 0x1, field, 2); break;
                case 4: ReadSection(BrokerNames, 0x1, field, 3); break;
                case 5: ReadSection(TimeNames, 0x0, field, 4); break;
                case 6: ReadKeys(field); break;
                case 7: ReadRelays(field); break;
                case 8: ReadSection(TimingNames, 0x0, field, 5); break;
                default: ReadSection(SensorNames, 0x0, field, 6); break;
            }
        }

        private void ReadSection(string[] names, int required, string field, int section)
        {
            if (_r.ReadObjectStart(field))
            {
                int seen = ReadMembers(names, field, section);
                Required(names, required, seen, field);
            }
        }

        // An array of at most max tokens; null when it is not an array, too long, or an element is bad.
        private string[] ReadTokenArray(string field, int max, int maxChars, bool slash)
        {
            return ReadTokenArray(field, 0, max, maxChars, slash);
        }

        private string[] ReadTokenArray(string field, int min, int max, int maxChars, bool slash)
        {
            if (!_r.ReadArrayStart(field))
            {
                return null;
            }

            string[] items = new string[max];
            int n = 0;
            bool ok = true;
            while (_r.NextElement())
            {
                if (n == max)
                {
                    if (ok)
                    {
                        _r.Error(field, ConfigReasons.OutOfRange);
                    }

                    ok = false;
                    _r.SkipValue();
                    continue;
                }

                string item = ElementToken(Index(field, n), maxChars, slash);
                ok &= item != null;
                items[n++] = item;
            }

            if (!ok || _r.Broken)
            {
                return null;
            }

            if (n == 0 && min > 0)
            {
                _r.Error(field, ConfigReasons.OutOfRange);
                return null;
            }

            string[] result = new string[n];
            System.Array.Copy(items, result, n);
            return result;
        }

        private string ElementToken(string field, int maxChars, bool slash)
        {
            string v;
            return _r.ReadToken(field, maxChars, slash, out v) ? v : null;
        }
    }
}
