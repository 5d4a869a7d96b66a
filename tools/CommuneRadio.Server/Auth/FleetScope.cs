using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Server.Auth;

/// <summary>
/// Who may see and address what, from the fleet file's group membership: a token of scope G sees exactly the
/// stations that list G among their groups (national sees every station, also ones not in the fleet file).
/// <code>
/// scope com.ha-tinh.an-binh  sees ht-ab-001 (groups vn, prov.ha-tinh, com.ha-tinh.an-binh), not ht-cd-001
/// target g/prov.ha-tinh       is in that scope only when every member of prov.ha-tinh is: no
/// </code>
/// </summary>
public sealed class FleetScope
{
    private readonly FleetFile _fleet;

    /// <summary>Scope rules over <paramref name="fleet"/>.</summary>
    public FleetScope(FleetFile fleet)
    {
        _fleet = fleet ?? throw new ArgumentNullException(nameof(fleet));
    }

    /// <summary>The fleet file.</summary>
    public FleetFile Fleet => _fleet;

    /// <summary>Whether <paramref name="token"/> may read station <paramref name="station"/>.</summary>
    public bool Sees(ApiToken token, string station)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Role == ApiToken.National)
        {
            return true;
        }

        FleetStation? s = _fleet.Stations.Find(x => x.Id == station);
        return s is not null && Array.IndexOf(s.Groups, token.Scope) >= 0;
    }

    /// <summary>The fleet's stations addressed by <paramref name="to"/> (<c>st/{id}</c> or <c>g/{group}</c>); empty when none.</summary>
    public IReadOnlyList<FleetStation> Members(string to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.StartsWith("st/", StringComparison.Ordinal))
        {
            return _fleet.Stations.Where(s => s.Id == to[3..]).ToList();
        }

        return to.StartsWith("g/", StringComparison.Ordinal) ? _fleet.Stations.Where(s => Array.IndexOf(s.Groups, to[2..]) >= 0).ToList() : new List<FleetStation>();
    }

    /// <summary>Whether every member of <paramref name="to"/> is seen by <paramref name="token"/> (and there is one).</summary>
    public bool Covers(ApiToken token, string to)
    {
        IReadOnlyList<FleetStation> members = Members(to);
        return members.Count > 0 && members.All(s => Sees(token, s.Id));
    }
}
