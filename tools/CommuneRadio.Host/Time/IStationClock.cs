using CommuneRadio.Core.Time;

namespace CommuneRadio.Host.Time;

/// <summary>
/// Where host adapters read the time that drives a station's Core: one <see cref="Instant"/> holding the
/// monotonic milliseconds (never steps) and the wall clock (UTC milliseconds). <see cref="SystemClock"/>
/// reads the machine; <see cref="ManualClock"/> is moved by tests and scripted demos.
/// </summary>
public interface IStationClock
{
    /// <summary>The current reading of both clocks.</summary>
    Instant Now { get; }
}
