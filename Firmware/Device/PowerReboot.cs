using System.Threading;
using CommuneRadio.Core.Persistence;
using nanoFramework.Runtime.Native;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Reboots the ESP32 after recording why (nanoFramework exposes no reset reason, so the system record carries
    /// it: "watchdog", "config-changed", …). The relays drop to off with the power-on reset; the boot sequence then
    /// restores the schedule and reports the reason in health.
    /// </summary>
    public static class PowerReboot
    {
        /// <summary>Records <paramref name="reason"/> (when a store exists) and reboots.</summary>
        public static void Reboot(StationStore store, string reason)
        {
            if (store != null)
            {
                store.SaveSystem(reason);
            }

            Thread.Sleep(100);
            Power.RebootDevice();
        }
    }
}
