using System;
using System.Collections.Generic;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Who a command goes to: the addressee on the wire (<c>st/{station}</c> or <c>g/{group}</c>) and, from the
/// fleet file, the stations that will receive it (a group's members are the stations listing the group).
/// </summary>
/// <param name="Addressee">"st/ht-ab-001" or "g/com.ha-tinh.an-binh".</param>
/// <param name="Description">For people: "station ht-ab-001", "commune group com.ha-tinh.an-binh (10 stations)".</param>
/// <param name="Members">The receiving stations, in fleet-file order.</param>
public sealed record Target(string Addressee, string Description, IReadOnlyList<FleetStation> Members)
{
    /// <summary>One station, addressed directly (<c>st/{id}</c>).</summary>
    public static Target Of(FleetStation station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return new Target(FleetGroups.StationTarget(station.Id), $"station {station.Id}", new[] { station });
    }
}
