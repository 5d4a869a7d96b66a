namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// Role: the supervisor of the station's loop. <see cref="StationRuntime.Pass"/> kicks it on every pass; the device's
    /// implementation (WatchdogThread around Core's <c>LoopWatchdog</c>) reboots when the kicks stop, the simulator's
    /// only counts them.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>The loop is alive at <paramref name="monotonicMs"/>.</summary>
        void Kick(long monotonicMs);
    }
}
