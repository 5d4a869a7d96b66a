namespace CommuneRadio.Core.Config
{
    /// <summary>The "station", "wifi", "broker" and "time" sections: what the station needs to connect and report.</summary>
    public sealed partial class ConfigParser
    {
        private void ReadStation(int which, string field)
        {
            switch (which)
            {
                case 0:
                    _r.ReadToken(field, 48, false, out _stationId);
                    break;
                case 1:
                    string[] groups = ReadTokenArray(field, 8, 48, false);
                    if (groups != null)
                    {
                        _groups = groups;
                    }

                    break;
                case 2:
                    string prefix;
                    if (_r.ReadToken(field, 64, true, out prefix))
                    {
                        if (prefix[0] == '/' || prefix[prefix.Length - 1] == '/' || prefix.IndexOf("//") >= 0)
                        {
                            _r.Error(field, ConfigReasons.InvalidToken);
                        }
                        else
                        {
                            _prefix = prefix;
                        }
                    }

                    break;
                case 3:
                    int offset;
                    if (_r.ReadInt(field, -720, 840, out offset))
                    {
                        _utcOffset = offset;
                    }

                    break;
                default:
                    int telemetry;
                    if (_r.ReadInt(field, 10, 3600, out telemetry))
                    {
                        _telemetryS = telemetry;
                    }

                    break;
            }
        }

        private void ReadWifi(int which, string field)
        {
            string s;
            if (which == 0)
            {
                if (_r.ReadString(field, 32, out s))
                {
                    if (s.Length == 0)
                    {
                        _r.Error(field, ConfigReasons.OutOfRange);
                    }
                    else
                    {
                        _device.WifiSsid = s;
                    }
                }

                return;
            }

            if (_r.ReadString(field, 64, out s))
            {
                if (s.Length > 0 && s.Length < 8)
                {
                    _r.Error(field, ConfigReasons.WeakPassword);
                }
                else
                {
                    _device.WifiPassword = s;
                }
            }
        }

        private void ReadBroker(int which, string field)
        {
            string s;
            switch (which)
            {
                case 0:
                    if (_r.ReadToken(field, 128, false, out s))
                    {
                        _device.BrokerHost = s;
                    }

                    break;
                case 1: _r.ReadInt(field, 1, 65535, out _device.BrokerPort); break;
                case 2: _r.ReadBool(field, out _device.BrokerTls); break;
                case 3:
                    if (_r.ReadString(field, 4096, out s))
                    {
                        if (!s.StartsWith("-----BEGIN CERTIFICATE-----") || s.IndexOf("-----END CERTIFICATE-----") < 0)
                        {
                            _r.Error(field, ConfigReasons.InvalidCertificate);
                        }
                        else
                        {
                            _device.CaCertificatePem = s;
                        }
                    }

                    break;
                case 4:
                    if (_r.ReadToken(field, 32, false, out s))
                    {
                        if (s.IndexOf(":") >= 0 || s[0] == '.')
                        {
                            _r.Error(field, ConfigReasons.InvalidToken);
                        }
                        else
                        {
                            _device.CaCertificateFile = s;
                        }
                    }

                    break;
                case 5: _r.ReadString(field, 128, out _device.Username); break;
                case 6: _r.ReadString(field, 128, out _device.Password); break;
                default: _r.ReadInt(field, 10, 1200, out _device.KeepAliveSeconds); break;
            }
        }

        private void ReadTime(string field)
        {
            string[] servers = ReadTokenArray(field, 1, 2, 128, false);
            if (servers != null && servers.Length > 0)
            {
                _device.SntpServer1 = servers[0];
                _device.SntpServer2 = servers.Length > 1 ? servers[1] : servers[0];
            }
        }
    }
}
