namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// One analogue sensor on an ADC1 channel and its linear calibration:
    /// <c>value = input × Scale + Offset</c>, where input is the raw ADC count (<see cref="UseRatio"/> false,
    /// 0…4095 on an ESP32) or the ratio 0…1 of full scale (<see cref="UseRatio"/> true).
    /// <para>Example: an ACS712-05B through a 2:3 divider read as a ratio: scale 12.375, offset -6.19 → amperes.</para>
    /// </summary>
    public sealed class AnalogSensorConfig
    {
        /// <summary>False when the board has no such sensor (the matching fault is then never raised).</summary>
        public bool Present;

        /// <summary>ADC1 channel 0…7 (ADC2 cannot be read while Wi-Fi is on).</summary>
        public int AdcChannel;

        /// <summary>The GPIO of <see cref="AdcChannel"/> on an ESP32 (for pin-conflict checks and the wiring table).</summary>
        public int Pin;

        /// <summary>Read the ratio of full scale instead of the raw count.</summary>
        public bool UseRatio;

        /// <summary>Multiplier from input to physical unit.</summary>
        public double Scale = 1.0;

        /// <summary>Added after scaling, in the physical unit.</summary>
        public double Offset;

        /// <summary>Calibrated value of one reading (the device adapter supplies <paramref name="input"/>).</summary>
        public double Convert(double input)
        {
            return input * Scale + Offset;
        }
    }
}
