namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// GPIO rules of an ESP32 (WROOM/WROVER module, nanoFramework target ESP32_REV0), used to refuse a pin map that
    /// would misbehave before the firmware even runs:
    /// <list type="bullet">
    /// <item>6–11 drive the SPI flash; 1 and 3 are the UART0 the nanoFramework debugger and log use; 20, 24, 28–31 do not exist.</item>
    /// <item>34–39 are input-only: fine for sensors and ADC1, never for relays.</item>
    /// <item>0, 2, 5, 12, 15 are strapping pins (boot mode, flash voltage, boot log) and 5, 14, 15 emit signals during
    /// boot: a relay there could click at power-up or stop the board booting (GPIO 12 high selects 1.8 V flash).</item>
    /// <item>ADC2 cannot be read while Wi-Fi runs, so analogue sensors use ADC1 channels 0–7 (GPIO 36, 37, 38, 39, 32, 33, 34, 35).</item>
    /// </list>
    /// Safe relay outputs: 4, 13, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33 (16 and 17 are PSRAM on WROVER modules).
    /// </summary>
    public static class Esp32Pins
    {
        private static readonly int[] Adc1Gpio = { 36, 37, 38, 39, 32, 33, 34, 35 };

        /// <summary>Number of ADC1 channels.</summary>
        public const int Adc1Channels = 8;

        /// <summary>True for a GPIO that exists and is free for the application (not flash, not the debug UART).</summary>
        public static bool IsUsable(int gpio)
        {
            if (gpio < 0 || gpio > 39)
            {
                return false;
            }

            if (gpio == 1 || gpio == 3 || (gpio >= 6 && gpio <= 11))
            {
                return false;
            }

            return gpio != 20 && gpio != 24 && (gpio < 28 || gpio > 31);
        }

        /// <summary>True for the input-only GPIOs 34–39.</summary>
        public static bool IsInputOnly(int gpio)
        {
            return gpio >= 34 && gpio <= 39;
        }

        /// <summary>True for strapping pins and pins that emit signals during boot (0, 2, 5, 12, 14, 15).</summary>
        public static bool IsBootSensitive(int gpio)
        {
            return gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 14 || gpio == 15;
        }

        /// <summary>
        /// Why <paramref name="gpio"/> cannot drive a relay, as a <see cref="ConfigReasons"/> token, or null when it can.
        /// </summary>
        public static string RelayProblem(int gpio)
        {
            if (!IsUsable(gpio))
            {
                return ConfigReasons.InvalidPin;
            }

            if (IsInputOnly(gpio))
            {
                return ConfigReasons.InputOnlyPin;
            }

            return IsBootSensitive(gpio) ? ConfigReasons.StrappingPin : null;
        }

        /// <summary>The GPIO of ADC1 channel <paramref name="channel"/> (0–7), or -1.</summary>
        public static int Adc1Pin(int channel)
        {
            return channel >= 0 && channel < Adc1Channels ? Adc1Gpio[channel] : -1;
        }
    }
}
