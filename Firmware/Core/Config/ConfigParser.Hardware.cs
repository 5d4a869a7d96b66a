using CommuneRadio.Core.Json;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Core.Config
{
    /// <summary>The "keys", "relays", "timings" and "sensors" sections.</summary>
    public sealed partial class ConfigParser
    {
        private static readonly string[] KeyNames = { "issuer", "level", "scopes", "emergency", "key", "update" };
        private const int KeyRequired = 0x13; // issuer, level, key
        private static readonly string[] LevelNames = { "station", "commune", "province", "national" };
        private static readonly string[] RelayNames = { "amplifiers", "lines", "sources" };
        private static readonly string[] ChannelNames = { "pin", "active_low" };
        private static readonly string[] LineNames = { "pin", "active_low", "amplifier" };
        private static readonly string[] TimingNames = { "amp_stagger_ms", "warm_up_ms", "line_off_to_amp_off_ms", "min_switch_interval_ms", "source_break_ms", "max_on_time_s" };
        private static readonly string[] SensorNames = { "amp_current", "battery", "mains" };
        private static readonly string[] AmpSensorNames = { "adc_channel", "input", "scale", "offset", "min_per_amp_a", "max_off_a" };
        private static readonly string[] BatterySensorNames = { "adc_channel", "input", "scale", "offset", "low_v" };
        private static readonly string[] MainsNames = { "pin", "active_high" };

        private readonly RelayChannel[][] _relays = new RelayChannel[3][];
        private readonly string[][] _relayPaths = new string[3][];
        private int _ampStagger = 300;
        private int _warmUp = 1500;
        private int _lineOff = 1000;
        private int _minSwitch = 500;
        private int _sourceBreak = 50;
        private int _maxOnS = 3 * 3600;

        // The element being read by ReadMember (keys, channels, sensors).
        private string _kIssuer;
        private int _kLevel = -1;
        private string[] _kScopes;
        private bool _kEmergency;
        private bool _kUpdate;
        private byte[] _kKey;
        private int _chPin = -1;
        private bool _chActiveLow = true;
        private int _chAmp = -1;
        private AnalogSensorConfig _analog;

        private void ReadKeys(string field)
        {
            if (!_r.ReadArrayStart(field))
            {
                return;
            }

            int n = 0;
            while (_r.NextElement())
            {
                string path = Index(field, n++);
                if (n > Keyring.Capacity)
                {
                    _r.Error(path, ConfigReasons.OutOfRange);
                    _r.SkipValue();
                    continue;
                }

                _kIssuer = null;
                _kLevel = -1;
                _kScopes = new string[0];
                _kEmergency = false;
                _kUpdate = false;
                _kKey = null;
                if (!_r.ReadObjectStart(path))
                {
                    continue;
                }

                int seen = ReadMembers(KeyNames, path, 7);
                Required(KeyNames, KeyRequired, seen, path);
                if (_kIssuer == null || _kLevel < 0 || _kKey == null)
                {
                    continue;
                }

                if (_keys.Find(_kIssuer) != null)
                {
                    _r.Error(Join(path, "issuer"), ConfigReasons.Duplicate);
                    continue;
                }

                IssuerKey key = new IssuerKey(_kIssuer, (IssuerLevel)_kLevel, _kKey, _kScopes, _kEmergency);
                key.MayUpdate = _kUpdate;
                _keys.Put(key);
            }

            if (n == 0 && !_r.Broken)
            {
                _r.Error(field, ConfigReasons.OutOfRange);
            }
        }

        // Every local is assigned where it is declared: Stryker's mutation switch cannot prove an out-only assignment
        // inside a condition (CS0165) and would otherwise leave the whole method unmutated.
        private void ReadKey(int which, string field)
        {
            switch (which)
            {
                case 0:
                    _r.ReadToken(field, 48, false, out _kIssuer);
                    break;
                case 1:
                    string level = null;
                    if (_r.ReadToken(field, 16, false, out level))
                    {
                        _kLevel = IndexOf(LevelNames, level);
                        if (_kLevel < 0)
                        {
                            _r.Error(field, ConfigReasons.UnknownValue);
                        }
                    }

                    break;
                case 2:
                    string[] scopes = ReadTokenArray(field, 8, 52, true);
                    if (scopes != null)
                    {
                        _kScopes = scopes;
                    }

                    break;
                case 3:
                    _r.ReadBool(field, out _kEmergency);
                    break;
                case 5:
                    _r.ReadBool(field, out _kUpdate);
                    break;
                default:
                    string hex = null;
                    if (_r.ReadString(field, 64, out hex))
                    {
                        byte[] key = null;
                        if (hex.Length != 64 || !Hex.TryParse(hex, out key))
                        {
                            _r.Error(field, ConfigReasons.InvalidKey);
                        }
                        else
                        {
                            _kKey = key;
                        }
                    }

                    break;
            }
        }

        private void ReadRelays(string field)
        {
            if (_r.ReadObjectStart(field))
            {
                int seen = ReadMembers(RelayNames, field, 8);
                Required(RelayNames, 0x7, seen, field);
            }
        }

        private void ReadRelayArray(int role, string field)
        {
            int max = role == 1 ? 31 : 4;
            RelayChannel[] items = new RelayChannel[max];
            string[] paths = new string[max];
            int n = 0;
            bool tooMany = false;
            bool ok = _r.ReadArrayStart(field);
            while (ok && _r.NextElement())
            {
                string path = Index(field, n);
                if (n == max || tooMany)
                {
                    if (!tooMany)
                    {
                        _r.Error(path, ConfigReasons.OutOfRange);
                    }

                    tooMany = true;
                    _r.SkipValue();
                    continue;
                }

                _chPin = -1;
                _chActiveLow = true;
                _chAmp = -1;
                paths[n] = Join(path, "pin");
                if (!_r.ReadObjectStart(path))
                {
                    n++;
                    continue;
                }

                string[] names = role == 1 ? LineNames : ChannelNames;
                int seen = ReadMembers(names, path, 9);
                Required(names, role == 1 ? 0x5 : 0x1, seen, path);
                items[n++] = _chPin < 0 || (role == 1 && _chAmp < 0) ? null : new RelayChannel(_chPin, _chActiveLow, role == 1 ? _chAmp : 0);
            }

            if (_r.Broken)
            {
                return;
            }

            if (ok && n == 0)
            {
                _r.Error(field, ConfigReasons.OutOfRange);
            }

            RelayChannel[] result = new RelayChannel[n];
            string[] resultPaths = new string[n];
            System.Array.Copy(items, result, n);
            System.Array.Copy(paths, resultPaths, n);
            _relays[role] = result;
            _relayPaths[role] = resultPaths;
        }

        private void ReadChannel(int which, string field)
        {
            switch (which)
            {
                case 0:
                    int pin;
                    if (_r.ReadInt(field, -1000, 1000, out pin))
                    {
                        string problem = Esp32Pins.RelayProblem(pin);
                        if (problem != null)
                        {
                            _r.Error(field, problem);
                        }
                        else
                        {
                            _chPin = pin;
                        }
                    }

                    break;
                case 1:
                    _r.ReadBool(field, out _chActiveLow);
                    break;
                default:
                    _r.ReadInt(field, 0, 3, out _chAmp);
                    break;
            }
        }

        private void ReadTimings(int which, string field)
        {
            switch (which)
            {
                case 0: _r.ReadInt(field, 0, 5000, out _ampStagger); break;
                case 1: _r.ReadInt(field, 0, 10000, out _warmUp); break;
                case 2: _r.ReadInt(field, 0, 10000, out _lineOff); break;
                case 3: _r.ReadInt(field, 100, 10000, out _minSwitch); break;
                case 4: _r.ReadInt(field, 10, 2000, out _sourceBreak); break;
                default: _r.ReadInt(field, 60, 86400, out _maxOnS); break;
            }
        }

        private void ReadSensors(int which, string field)
        {
            if (!_r.ReadObjectStart(field))
            {
                return;
            }

            if (which == 2)
            {
                int seenMains = ReadMembers(MainsNames, field, 12);
                Required(MainsNames, 0x1, seenMains, field);
                return;
            }

            _analog = which == 0 ? _device.AmpCurrent : _device.Battery;
            string[] names = which == 0 ? AmpSensorNames : BatterySensorNames;
            int seen = ReadMembers(names, field, which == 0 ? 10 : 11);
            Required(names, 0x5, seen, field);
            _analog.Present = (seen & 0x5) == 0x5 && !_errors.Touches(field);
        }

        private void ReadAnalog(int section, int which, string field)
        {
            string s;
            switch (which)
            {
                case 0:
                    if (_r.ReadInt(field, 0, Esp32Pins.Adc1Channels - 1, out _analog.AdcChannel))
                    {
                        _analog.Pin = Esp32Pins.Adc1Pin(_analog.AdcChannel);
                    }

                    break;
                case 1:
                    if (_r.ReadToken(field, 8, false, out s))
                    {
                        if (s == "ratio" || s == "raw")
                        {
                            _analog.UseRatio = s == "ratio";
                        }
                        else
                        {
                            _r.Error(field, ConfigReasons.UnknownValue);
                        }
                    }

                    break;
                case 2:
                    if (_r.ReadDouble(field, -1e6, 1e6, out _analog.Scale) && _analog.Scale == 0)
                    {
                        _r.Error(field, ConfigReasons.OutOfRange);
                    }

                    break;
                case 3: _r.ReadDouble(field, -1e6, 1e6, out _analog.Offset); break;
                case 4:
                    if (section == 10)
                    {
                        _r.ReadDouble(field, 0, 100, out _faults.MinCurrentPerAmpA);
                    }
                    else
                    {
                        _r.ReadDouble(field, 0, 100, out _faults.BatteryLowV);
                    }

                    break;
                default: _r.ReadDouble(field, 0, 100, out _faults.MaxOffCurrentA); break;
            }
        }

        private void ReadMains(int which, string field)
        {
            if (which == 1)
            {
                _r.ReadBool(field, out _device.Mains.ActiveHigh);
                return;
            }

            int pin;
            if (_r.ReadInt(field, -1000, 1000, out pin))
            {
                if (!Esp32Pins.IsUsable(pin))
                {
                    _r.Error(field, ConfigReasons.InvalidPin);
                }
                else
                {
                    _device.Mains.Pin = pin;
                    _device.Mains.Present = true;
                }
            }
        }
    }
}
