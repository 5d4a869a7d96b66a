using System.Collections.Generic;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Provisioning;

/// <summary>What a provisioning run produced (or, before <see cref="ProvisionPlan.Write"/>, will produce).</summary>
public sealed class ProvisionResult
{
    /// <summary>The directory's files.</summary>
    public required ProvisionLayout Layout { get; init; }

    /// <summary>The fleet written to fleet.json.</summary>
    public required FleetFile Fleet { get; init; }

    /// <summary>Stations new in this run.</summary>
    public List<string> AddedStations { get; } = new();

    /// <summary>Stations that were already provisioned and were regenerated (same keys unless rotated).</summary>
    public List<string> UpdatedStations { get; } = new();

    /// <summary>Issuers that got a new key in this run (all of them with --rotate-keys).</summary>
    public List<string> NewKeys { get; } = new();

    /// <summary>Issuers whose existing key was kept.</summary>
    public List<string> KeptKeys { get; } = new();
}
