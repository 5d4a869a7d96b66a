using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;

namespace CommuneRadio.Core.Config
{
    /// <summary>Checks across sections, then the settings for Core and the adapters.</summary>
    public sealed partial class ConfigParser
    {
        // Emergency budget (EN 54-16: speakers within 3 s): amplifiers staggered, then the warm-up, must leave
        // 500 ms for the 250 ms main-loop tick and the first switching after boot.
        private const int EmergencyBudgetMs = 2500;

        private StationConfig Build()
        {
            bool fileOk = !_errors.Touches("$") && (_r == null || !_r.Broken);
            if (fileOk)
            {
                CheckRelays();
                CheckBroker();
                CheckPins();
            }

            bool networkUsable = _stationId != null && _device.WifiSsid != null && _device.BrokerHost != null
                && !_errors.Touches("station.id") && !_errors.Touches("station.groups") && !_errors.Touches("station.topic_prefix")
                && _errors.ReasonFor("station") == null && !_errors.Touches("wifi") && !_errors.Touches("broker")
                && (!_device.BrokerTls || _device.CaCertificatePem != null || _device.CaCertificateFile != null);

            bool valid = _errors.Count == 0 && _errors.Dropped == 0;
            RelayLayout layout = valid
                ? new RelayLayout(_relays[0], _relays[1], _relays[2])
                : StationConfig.EmptyLayout();
            layout.AmpStaggerMs = _ampStagger;
            layout.WarmUpMs = _warmUp;
            layout.LineOffToAmpOffMs = _lineOff;
            layout.MinSwitchIntervalMs = _minSwitch;
            layout.SourceBreakMs = _sourceBreak;

            StationSettings station = new StationSettings(layout);
            station.UtcOffsetMinutes = _utcOffset;
            station.TelemetryPeriodMs = _telemetryS * 1000;
            station.MaxOnTimeMs = _maxOnS * 1000L;
            station.Faults = _faults;

            ProtocolSettings protocol = new ProtocolSettings(_prefix, _stationId ?? "unconfigured", _groups);

            // An invalid file never hands out command authority: every command is refused as unknown-issuer.
            Keyring keys = valid ? _keys : new Keyring();
            return new StationConfig(_errors, station, protocol, keys, _device, networkUsable);
        }

        private void CheckRelays()
        {
            RelayChannel[] amps = _relays[0];
            RelayChannel[] lines = _relays[1];
            RelayChannel[] sources = _relays[2];
            if (amps == null || lines == null || sources == null)
            {
                return;
            }

            if (amps.Length + lines.Length + sources.Length > _boardOutputs)
            {
                _errors.Add("relays", ConfigReasons.OutOfRange);
            }

            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i] != null && lines[i].Amplifier >= amps.Length)
                {
                    _errors.Add(Index("relays.lines", i) + ".amplifier", ConfigReasons.NoSuchAmplifier);
                }
            }

            if ((amps.Length - 1) * _ampStagger + _warmUp > EmergencyBudgetMs)
            {
                _errors.Add("timings.warm_up_ms", ConfigReasons.EmergencyBudget);
            }
        }

        private void CheckBroker()
        {
            if (_device.CaCertificatePem != null && _device.CaCertificateFile != null)
            {
                _errors.Add("broker.ca_file", ConfigReasons.Duplicate);
            }
            else if (_device.BrokerHost != null && _device.BrokerTls && _device.CaCertificatePem == null && _device.CaCertificateFile == null && !_errors.Touches("broker"))
            {
                _errors.Add("broker.ca_pem", ConfigReasons.CertificateRequired);
            }
        }

        // Every GPIO has one owner: relays first (in file order), then the ADC pins, then the mains input.
        private void CheckPins()
        {
            int[] pins = new int[48];
            int n = 0;
            for (int role = 0; role < 3; role++)
            {
                RelayChannel[] channels = _relays[role];
                if (channels == null)
                {
                    continue;
                }

                for (int i = 0; i < channels.Length; i++)
                {
                    if (channels[i] != null)
                    {
                        n = Claim(pins, n, channels[i].Pin, _relayPaths[role][i]);
                    }
                }
            }

            if (_device.AmpCurrent.Present)
            {
                n = Claim(pins, n, _device.AmpCurrent.Pin, "sensors.amp_current.adc_channel");
            }

            if (_device.Battery.Present)
            {
                n = Claim(pins, n, _device.Battery.Pin, "sensors.battery.adc_channel");
            }

            if (_device.Mains.Present)
            {
                Claim(pins, n, _device.Mains.Pin, "sensors.mains.pin");
            }
        }

        private int Claim(int[] pins, int n, int pin, string field)
        {
            for (int i = 0; i < n; i++)
            {
                if (pins[i] == pin)
                {
                    _errors.Add(field, ConfigReasons.PinConflict);
                    return n;
                }
            }

            pins[n] = pin;
            return n + 1;
        }
    }
}
