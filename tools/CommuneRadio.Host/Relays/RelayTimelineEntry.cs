using CommuneRadio.Core.Relays;

namespace CommuneRadio.Host.Relays;

/// <summary>One relay write as the simulated board saw it, with the wall-clock time it happened.</summary>
/// <param name="UtcMs">Unix milliseconds of the write.</param>
/// <param name="Write">The write (role, index, pin, logical state, level).</param>
public readonly record struct RelayTimelineEntry(long UtcMs, RelayWrite Write)
{
    /// <summary>Short name of the output, e.g. "amp0", "line2", "src1".</summary>
    public string Output => (Write.Role switch
    {
        RelayRole.Amplifier => "amp",
        RelayRole.Line => "line",
        _ => "src",
    }) + Write.Index;
}
