using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Commands;

/// <summary>What the throw-away Core of <see cref="CommandPreflight"/> refused.</summary>
/// <param name="Station">The member (one of its board profile) it was checked as.</param>
/// <param name="Reason">The Core's reason code (protocol §5), e.g. "invalid-time".</param>
/// <param name="Field">The member at fault, e.g. "args.item.time", or null.</param>
public sealed record PreflightRefusal(FleetStation Station, string Reason, string? Field);
