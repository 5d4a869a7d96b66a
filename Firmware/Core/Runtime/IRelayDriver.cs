using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// Role: the relay outputs of a station (GPIO pins on the device, a simulated board on the host). Applies the
    /// Core's relay writes in order — pin and electrical level already decided — and reports the first one that failed.
    /// </summary>
    public interface IRelayDriver
    {
        /// <summary>
        /// Applies <paramref name="writes"/> in order at <paramref name="now"/> (the host records it; the device
        /// ignores it). Returns false, with the first failed write in <paramref name="failed"/>, when an output
        /// refused its level; the writes after it are still attempted so the other outputs keep working.
        /// </summary>
        bool Apply(RelayWriteBuffer writes, Instant now, out RelayWrite failed);
    }
}
