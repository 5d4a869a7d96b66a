using System;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;

namespace CommuneRadio.Device
{
    /// <summary>
    /// What the firmware prints on the serial console (nanoFramework's Console output, visible in the Visual Studio
    /// / VS Code output window or any 115200-baud terminal). One place, so Firmware/README.md can show it verbatim.
    /// Secrets (passwords, keys) are never printed.
    /// </summary>
    public static class BootLog
    {
        /// <summary>Prints one line.</summary>
        public static void Line(string text)
        {
            Console.WriteLine(text);
        }

        /// <summary>The configuration summary or its errors.</summary>
        public static void Config(string path, StationConfig c)
        {
            Line("config: " + path + (c.Valid ? " valid" : " INVALID (" + c.Errors.Count.ToString() + " errors, " + c.Errors.Dropped.ToString() + " more)"));
            for (int i = 0; i < c.Errors.Count; i++)
            {
                Line("config error: " + c.Errors.At(i).Field + " " + c.Errors.At(i).Reason);
            }

            Line("station: " + c.Protocol.Station + " board " + c.Device.Board + " prefix " + c.Protocol.Prefix + " groups " + c.Protocol.Groups.Length.ToString());
            Line("broker: " + c.Device.BrokerHost + ":" + c.Device.BrokerPort.ToString() + (c.Device.BrokerTls ? " tls" : " plain"));
            if (!c.Valid)
            {
                Line(c.NetworkUsable
                    ? "SAFE STATE: relays untouched (off), commands refused; connecting to report config-error"
                    : "SAFE STATE: relays untouched (off), no usable network settings; fix the file and redeploy");
            }
        }

        /// <summary>The relay map as driven at boot.</summary>
        public static void Relays(RelayLayout layout)
        {
            Channels("amp", layout.Amplifiers);
            Channels("line", layout.Lines);
            Channels("source", layout.Sources);
        }

        /// <summary>What storage restored.</summary>
        public static void Boot(BootReport r)
        {
            Line("boot #" + r.BootCount.ToString() + " after " + r.PreviousReset + (r.ScheduleRestored ? ", schedule restored" : ", no schedule")
                + (r.Corrupt ? ", CORRUPT record ignored" : string.Empty) + (r.StorageFailing ? ", STORAGE FAILING" : string.Empty));
        }

        private static void Channels(string name, RelayChannel[] channels)
        {
            for (int i = 0; i < channels.Length; i++)
            {
                Line("relay " + name + i.ToString() + ": GPIO" + channels[i].Pin.ToString() + (channels[i].ActiveLow ? " active-low" : " active-high") + ", off");
            }
        }
    }
}
