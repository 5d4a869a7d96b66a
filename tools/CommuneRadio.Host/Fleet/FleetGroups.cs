namespace CommuneRadio.Host.Fleet;

/// <summary>
/// Group names of protocol §1, as the fleet tools build them:
/// <code>
/// National                  >> "vn"
/// Province("ha-tinh")       >> "prov.ha-tinh"
/// Commune("ha-tinh","an-binh") >> "com.ha-tinh.an-binh"
/// Target("prov.ha-tinh")    >> "g/prov.ha-tinh"
/// </code>
/// </summary>
public static class FleetGroups
{
    /// <summary>The national group.</summary>
    public const string National = "vn";

    /// <summary>The group of a province.</summary>
    public static string Province(string province) => "prov." + province;

    /// <summary>The group of a commune.</summary>
    public static string Commune(string province, string commune) => "com." + province + "." + commune;

    /// <summary>A group as an addressee ("to" and scopes): "g/{group}".</summary>
    public static string Target(string group) => "g/" + group;

    /// <summary>A station as an addressee: "st/{station}".</summary>
    public static string StationTarget(string station) => "st/" + station;
}
