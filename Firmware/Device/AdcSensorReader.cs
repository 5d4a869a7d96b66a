using System;
using System.Device.Adc;
using System.Device.Gpio;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Health;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Sensor readings on ADC1 channels and the mains-present GPIO, calibrated with the configuration's
    /// scale/offset (<see cref="AnalogSensorConfig.Convert"/>) into Core's <see cref="SensorReadings"/>.
    /// ADC1 only: ADC2 is unusable while Wi-Fi runs. On the ESP32 the ADC1 channels are fixed to their pins, so no
    /// pin-function mapping is needed. A channel that fails to open or read is reported as absent, never guessed.
    /// </summary>
    public sealed class AdcSensorReader
    {
        private readonly DeviceSettings _settings;
        private readonly AdcChannel _current;
        private readonly AdcChannel _battery;
        private readonly GpioPin _mains;

        /// <summary>Opens the configured inputs. Never throws.</summary>
        public AdcSensorReader(DeviceSettings settings, GpioController gpio)
        {
            _settings = settings;
            AdcController adc = null;
            try
            {
                if (settings.AmpCurrent.Present || settings.Battery.Present)
                {
                    adc = new AdcController();
                }

                _current = settings.AmpCurrent.Present ? adc.OpenChannel(settings.AmpCurrent.AdcChannel) : null;
                _battery = settings.Battery.Present ? adc.OpenChannel(settings.Battery.AdcChannel) : null;
            }
            catch (Exception)
            {
                _current = null;
                _battery = null;
            }

            try
            {
                _mains = settings.Mains.Present ? gpio.OpenPin(settings.Mains.Pin, PinMode.Input) : null;
            }
            catch (Exception)
            {
                _mains = null;
            }
        }

        /// <summary>Fills <paramref name="r"/> (free memory is filled by <see cref="MemoryInfo"/>).</summary>
        public void Read(SensorReadings r)
        {
            double v;
            r.HasAmpCurrent = TryRead(_current, _settings.AmpCurrent, out v);
            r.AmpCurrentA = v;
            r.HasBattery = TryRead(_battery, _settings.Battery, out v);
            r.BatteryV = v;
            r.HasMains = false;
            if (_mains != null)
            {
                try
                {
                    r.MainsPresent = _settings.Mains.MainsPresent(_mains.Read() == PinValue.High);
                    r.HasMains = true;
                }
                catch (Exception)
                {
                    r.MainsPresent = true;
                }
            }
        }

        private static bool TryRead(AdcChannel channel, AnalogSensorConfig config, out double value)
        {
            value = 0;
            if (channel == null)
            {
                return false;
            }

            try
            {
                value = config.Convert(config.UseRatio ? channel.ReadRatio() : channel.ReadValue());
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
