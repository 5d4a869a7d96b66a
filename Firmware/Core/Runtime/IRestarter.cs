namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// Role: restarts the station (the device: record the reason, <c>Power.RebootDevice()</c>; the simulator: the
    /// station is built again from its data directory). The runtime has already driven every relay off and applied those
    /// writes when it calls this (docs/protocol.md §8: relays all off before anything is loaded).
    /// </summary>
    public interface IRestarter
    {
        /// <summary>Restarts now for <paramref name="reason"/> ("update-commit", "update-rollback"); on the device it does not return.</summary>
        void Restart(string reason);
    }
}
