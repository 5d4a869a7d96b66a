using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Commands;

/// <summary>
/// One copy of a command that spans provinces: the addressee it goes to, the province whose key signs it and the
/// fleet's stations it reaches. Stations hold per-province keys (<see cref="ProvinceKeys"/>), so a command is
/// signed once per province of its members (<see cref="Split"/>):
/// <code>
/// vn → g/vn, stations in ha-tinh and quang-tri     >> (g/prov.ha-tinh, ha-tinh) (g/prov.quang-tri, quang-tri)
/// vn → g/x.song-lam, 2 stations of each province   >> (st/ht-ab-001, ha-tinh) … (st/qt-cl-002, quang-tri)
/// prov.ha-tinh → g/prov.ha-tinh                     >> (g/prov.ha-tinh, ha-tinh)                    (one province: unchanged)
/// </code>
/// </summary>
/// <param name="To">Addressee of this copy, "g/{group}" or "st/{station}".</param>
/// <param name="Province">Province whose key signs it.</param>
/// <param name="Members">The fleet's stations this copy reaches.</param>
public sealed record CommandAddressee(string To, string Province, IReadOnlyList<FleetStation> Members)
{
    /// <summary>
    /// The copies of a command to <paramref name="to"/>: itself when its stations are in one province; otherwise per
    /// province the province group when the issuer is national and that group holds exactly the target's stations of
    /// the province (a national <c>g/vn</c>), else each of those stations directly (protocol §4.2 lets an issuer
    /// address the stations of a group it scopes). Provinces in the order of the fleet's stations.
    /// </summary>
    /// <exception cref="ArgumentException">No station of the fleet is addressed by <paramref name="to"/>: its province, and so its key, is unknown.</exception>
    public static IReadOnlyList<CommandAddressee> Split(FleetFile fleet, FleetIssuer issuer, string to)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(to);
        List<FleetStation> members = MembersOf(fleet, to);
        if (members.Count == 0)
        {
            throw new ArgumentException($"no station of the fleet file is addressed by {to}: the key of its province is unknown", nameof(to));
        }

        List<string> provinces = members.Select(s => s.Province).Distinct(StringComparer.Ordinal).ToList();
        if (provinces.Count == 1)
        {
            return new[] { new CommandAddressee(to, provinces[0], members) };
        }

        var copies = new List<CommandAddressee>();
        foreach (string province in provinces)
        {
            List<FleetStation> inProvince = members.Where(s => s.Province == province).ToList();
            string group = FleetGroups.Target(FleetGroups.Province(province));
            List<FleetStation> groupMembers = MembersOf(fleet, group);
            bool wholeGroup = issuer.Level == "national" && groupMembers.Count == inProvince.Count && groupMembers.All(s => s.Province == province && inProvince.Contains(s));
            if (wholeGroup)
            {
                copies.Add(new CommandAddressee(group, province, inProvince));
            }
            else
            {
                copies.AddRange(inProvince.Select(s => new CommandAddressee(FleetGroups.StationTarget(s.Id), province, new[] { s })));
            }
        }

        return copies;
    }

    /// <summary>The fleet's stations addressed by <paramref name="to"/> ("st/{id}" or "g/{group}").</summary>
    public static List<FleetStation> MembersOf(FleetFile fleet, string to)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(to);
        if (to.StartsWith("st/", StringComparison.Ordinal))
        {
            return fleet.Stations.Where(s => s.Id == to[3..]).ToList();
        }

        return to.StartsWith("g/", StringComparison.Ordinal)
            ? fleet.Stations.Where(s => Array.IndexOf(s.Groups, to[2..]) >= 0).ToList()
            : new List<FleetStation>();
    }
}
