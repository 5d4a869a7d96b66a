using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Runtime;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Core's <see cref="IRestarter"/> on the ESP32: records why in the system record and reboots
    /// (<see cref="PowerReboot"/>). The runtime asks for it after an update's commit or rollback, with every relay
    /// already driven off; the resident loader then boots the slot the update record names.
    /// </summary>
    public sealed class PowerRestarter : IRestarter
    {
        private readonly StationStore _store;

        /// <summary>Creates the restarter over the station's store (the reason is saved there).</summary>
        public PowerRestarter(StationStore store)
        {
            _store = store;
        }

        /// <inheritdoc/>
        public void Restart(string reason)
        {
            PowerReboot.Reboot(_store, reason);
        }
    }
}
