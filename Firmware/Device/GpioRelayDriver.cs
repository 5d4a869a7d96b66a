using System;
using System.Device.Gpio;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Relay outputs on ESP32 GPIOs. Applies Core's relay writes — pin and electrical level already decided, polarity
    /// included — and nothing else.
    /// <para>Safety (ESPHome #3094, Tasmota #20953): a pin becomes an output only after its OFF level has been written
    /// to the output latch, and is driven to that level again at once, so an active-low relay never sees a low
    /// glitch at boot. Pins of an invalid configuration are never opened at all: they stay inputs, which most relay
    /// modules read as off.</para>
    /// </summary>
    public sealed class GpioRelayDriver : IRelayDriver
    {
        private readonly GpioController _gpio;
        private readonly GpioPin[] _pins;

        /// <summary>Creates the driver on a controller.</summary>
        public GpioRelayDriver(GpioController gpio)
            : this(gpio, null)
        {
        }

        /// <summary>
        /// Creates the driver on a controller whose relay pins <paramref name="opened"/> (by pin number) were already
        /// opened at their OFF level: by the resident loader's driver, before it loaded an updated application, which
        /// cannot open them again (GpioController.OpenPin refuses an open pin). Null: none.
        /// </summary>
        public GpioRelayDriver(GpioController gpio, GpioPin[] opened)
        {
            _gpio = gpio;
            _pins = opened != null && opened.Length == 40 ? opened : new GpioPin[40];
        }

        /// <summary>The open pins by pin number (handed to an updated application by the resident loader).</summary>
        public GpioPin[] Pins
        {
            get { return _pins; }
        }

        /// <summary>
        /// Opens every output of <paramref name="layout"/> at its OFF level. Returns -1, or the index in
        /// amplifiers+lines+sources order of the first output that could not be opened (reported as a relay fault).
        /// </summary>
        public int Open(RelayLayout layout)
        {
            int failed = OpenAll(layout.Amplifiers, 0, -1);
            failed = OpenAll(layout.Lines, layout.Amplifiers.Length, failed);
            return OpenAll(layout.Sources, layout.Amplifiers.Length + layout.Lines.Length, failed);
        }

        /// <summary>Applies writes in order; false for a write whose pin is not open or refused the level (the time is not needed here).</summary>
        public bool Apply(RelayWriteBuffer writes, Instant now, out RelayWrite failed)
        {
            failed = default(RelayWrite);
            bool ok = true;
            for (int i = 0; i < writes.Count; i++)
            {
                RelayWrite w = writes.At(i);
                GpioPin pin = w.Pin >= 0 && w.Pin < _pins.Length ? _pins[w.Pin] : null;
                try
                {
                    if (pin == null)
                    {
                        throw new InvalidOperationException();
                    }

                    pin.Write(w.Level ? PinValue.High : PinValue.Low);
                }
                catch (Exception)
                {
                    if (ok)
                    {
                        failed = w;
                    }

                    ok = false;
                }
            }

            return ok;
        }

        private int OpenAll(RelayChannel[] channels, int first, int failed)
        {
            for (int i = 0; i < channels.Length; i++)
            {
                if (!OpenOff(channels[i]) && failed < 0)
                {
                    failed = first + i;
                }
            }

            return failed;
        }

        private bool OpenOff(RelayChannel c)
        {
            PinValue off = c.LevelFor(false) ? PinValue.High : PinValue.Low;
            try
            {
                GpioPin pin = c.Pin >= 0 && c.Pin < _pins.Length ? _pins[c.Pin] : null;
                if (pin != null)
                {
                    // Handed over already open (and already off): drive it to this layout's OFF level again.
                    pin.SetPinMode(PinMode.Output);
                    pin.Write(off);
                    return true;
                }

                pin = _gpio.OpenPin(c.Pin, PinMode.Input);
                try
                {
                    // Latch the OFF level while the pin is still an input (driven when the mode changes to output).
                    pin.Write(off);
                }
                catch (InvalidOperationException)
                {
                    // Some targets refuse writes to inputs: the write right after SetPinMode follows within microseconds.
                }

                pin.SetPinMode(PinMode.Output);
                pin.Write(off);
                _pins[c.Pin] = pin;
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
