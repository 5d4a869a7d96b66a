using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// The target options: exactly one of --station ID, --commune [PROVINCE.]COMMUNE, --province ID, --group NAME
/// (and for emergencies --scope st/ID|g/NAME), resolved against the fleet file:
/// <code>
/// --station ht-ab-001          >> st/ht-ab-001                     (1 station)
/// --commune an-binh            >> g/com.ha-tinh.an-binh             (its members; the province is looked up)
/// --commune ha-tinh.an-binh    >> g/com.ha-tinh.an-binh
/// --province ha-tinh           >> g/prov.ha-tinh
/// --group vn                   >> g/vn
/// </code>
/// Unknown stations and groups without members are errors before anything is sent. Names typed with
/// diacritics find their ascii id (<c>--commune "An Bình"</c> >> an-binh, <c>--province "Hà Tĩnh"</c> >> ha-tinh);
/// an unknown name gets one suggestion, the nearest id of the fleet file (<c>--station ht-ab-01</c> >> "did you
/// mean ht-ab-001?").
/// </summary>
public sealed class TargetOptions
{
    private readonly Option<string?> _station = new("--station") { Description = "One station, by id (or its display name)" };
    private readonly Option<string?> _commune = new("--commune") { Description = "A commune's group: COMMUNE or PROVINCE.COMMUNE (e.g. an-binh, ha-tinh.an-binh, \"An Bình\")" };
    private readonly Option<string?> _province = new("--province") { Description = "A province's group (e.g. ha-tinh)" };
    private readonly Option<string?> _group = new("--group") { Description = "Any group by name: vn, prov.P, com.P.C, x.NAME" };
    private readonly Option<string?>? _scope;
    private readonly bool _optional;

    /// <summary>Creates the options; <paramref name="withScope"/> adds --scope; <paramref name="optional"/> = the whole fleet when none is given.</summary>
    public TargetOptions(bool withScope = false, bool optional = false)
    {
        _scope = withScope ? new Option<string?>("--scope") { Description = "Addressee as on the wire: st/STATION or g/GROUP (same as the options above)" } : null;
        _optional = optional;

        // The help lists options one by one: each target says it is one of a set.
        string set = withScope ? "--station, --commune, --province, --group, --scope" : "--station, --commune, --province, --group";
        string mark = optional ? $"[target: at most one of {set}; none = the whole fleet] " : $"[target: exactly one of {set}] ";
        foreach (Option<string?>? o in new[] { _station, _commune, _province, _group, _scope })
        {
            if (o is not null)
            {
                o.Description = mark + o.Description;
            }
        }
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_station);
        command.Options.Add(_commune);
        command.Options.Add(_province);
        command.Options.Add(_group);
        if (_scope is not null)
        {
            command.Options.Add(_scope);
        }
    }

    /// <summary>
    /// Resolves the given option against <paramref name="fleet"/>. With none given: the whole fleet as
    /// <c>g/vn</c> when optional, otherwise an error.
    /// </summary>
    public Target Resolve(ParseResult parse, FleetFile fleet)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(fleet);
        var given = new List<(string Option, string Value)>();
        Add(given, "--station", parse.GetValue(_station));
        Add(given, "--commune", parse.GetValue(_commune));
        Add(given, "--province", parse.GetValue(_province));
        Add(given, "--group", parse.GetValue(_group));
        if (_scope is not null)
        {
            Add(given, "--scope", parse.GetValue(_scope));
        }

        if (given.Count > 1)
        {
            throw new OperatorException($"give one target, not {string.Join(" and ", given.Select(g => g.Option))}");
        }

        if (given.Count == 0)
        {
            return _optional
                ? new Target(FleetGroups.Target(FleetGroups.National), $"the whole fleet ({fleet.Stations.Count} stations)", fleet.Stations)
                : throw new OperatorException("no target: give --station, --commune, --province or --group");
        }

        (string option, string value) = given[0];
        return option switch
        {
            "--station" => Station(fleet, value),
            "--commune" => Group(fleet, CommuneGroup(fleet, value), "commune group"),
            "--province" => Group(fleet, FleetGroups.Province(LocalText.Ascii(value)), "province group"),
            "--group" => Group(fleet, value, "group"),
            _ => Scope(fleet, value),
        };
    }

    /// <summary>The target for a station id; throws when the fleet file does not list it.</summary>
    public static Target Station(FleetFile fleet, string id)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        FleetStation? station = fleet.Stations.Find(s => s.Id == id) ?? fleet.Stations.Find(s => s.Id == LocalText.Ascii(id))
            ?? fleet.Stations.Find(s => s.Name is not null && LocalText.Ascii(s.Name) == LocalText.Ascii(id));
        return station is null
            ? throw new OperatorException($"unknown station '{id}': it is not in the fleet file{Suggest(id, fleet.Stations.Select(s => s.Id))}")
            : Target.Of(station);
    }

    /// <summary>The target for a group; throws when no station of the fleet file is in it.</summary>
    public static Target Group(FleetFile fleet, string group, string kind)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        List<FleetStation> members = fleet.Stations.Where(s => Array.IndexOf(s.Groups, group) >= 0).ToList();
        if (members.Count == 0 && LocalText.Ascii(group) != group)
        {
            group = LocalText.Ascii(group);
            members = fleet.Stations.Where(s => Array.IndexOf(s.Groups, group) >= 0).ToList();
        }

        return members.Count == 0
            ? throw new OperatorException($"unknown {kind} '{group}': no station of the fleet file is in it{Suggest(group, fleet.Stations.SelectMany(s => s.Groups))}")
            : new Target(FleetGroups.Target(group), $"{kind} {group} ({members.Count} station{(members.Count == 1 ? string.Empty : "s")})", members);
    }

    private static Target Scope(FleetFile fleet, string scope) =>
        scope.StartsWith("st/", StringComparison.Ordinal) ? Station(fleet, scope[3..])
        : scope.StartsWith("g/", StringComparison.Ordinal) ? Group(fleet, scope[2..], "group")
        : throw new OperatorException($"--scope '{scope}' is not st/STATION or g/GROUP");

    private static string CommuneGroup(FleetFile fleet, string value)
    {
        int dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            return FleetGroups.Commune(LocalText.Ascii(value[..dot]), LocalText.Ascii(value[(dot + 1)..]));
        }

        if (!fleet.Stations.Exists(s => s.Commune == value))
        {
            value = LocalText.Ascii(value);
        }

        List<string> provinces = fleet.Stations.Where(s => s.Commune == value).Select(s => s.Province).Distinct(StringComparer.Ordinal).ToList();
        return provinces.Count switch
        {
            0 => throw new OperatorException($"unknown commune '{value}': no station of the fleet file is in it{Suggest(value, fleet.Stations.Select(s => s.Commune))}"),
            1 => FleetGroups.Commune(provinces[0], value),
            _ => throw new OperatorException($"commune '{value}' exists in {string.Join(", ", provinces)}: give --commune PROVINCE.{value}"),
        };
    }

    /// <summary>"; did you mean X?" for the one candidate nearest to <paramref name="wanted"/> (at most a few edits away), else "".</summary>
    public static string Suggest(string wanted, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        string w = LocalText.Ascii(wanted);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates.Distinct(StringComparer.Ordinal))
        {
            int d = Distance(w, c);
            if (d < bestDistance)
            {
                (best, bestDistance) = (c, d);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, w.Length / 4) ? $"; did you mean {best}?" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static void Add(List<(string, string)> given, string option, string? value)
    {
        if (value is not null)
        {
            given.Add((option, value));
        }
    }
}
