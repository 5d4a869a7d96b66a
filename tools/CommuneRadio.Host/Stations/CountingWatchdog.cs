using System.Threading;
using CommuneRadio.Core.Runtime;

namespace CommuneRadio.Host.Stations;

/// <summary>
/// The simulator's <see cref="IWatchdog"/>: counts the runtime's kicks and keeps the last one. A host process has no
/// reboot to trigger; a display or a test can see that a station's loop is alive.
/// </summary>
public sealed class CountingWatchdog : IWatchdog
{
    private long _kicks;
    private long _lastMs;

    /// <summary>Kicks so far.</summary>
    public long Kicks => Interlocked.Read(ref _kicks);

    /// <summary>Monotonic ms of the last kick (0 before the first).</summary>
    public long LastKickMs => Interlocked.Read(ref _lastMs);

    /// <inheritdoc/>
    public void Kick(long monotonicMs)
    {
        Interlocked.Exchange(ref _lastMs, monotonicMs);
        Interlocked.Increment(ref _kicks);
    }
}
