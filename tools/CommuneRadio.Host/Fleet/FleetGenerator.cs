using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// Makes a fleet file for development: <c>stations</c> stations spread evenly over <c>communes</c> communes
/// in <c>provinces</c> provinces (communes dealt round-robin to provinces), one national issuer, one per
/// province and one per commune, each with a fresh random 32-byte key (<see cref="RandomNumberGenerator"/>).
/// <code>
/// Generate(20, communes: 2, provinces: 1)
///   >> stations ht-ab-001 … ht-ab-010 (com.ha-tinh.an-binh), ht-ka-011 … ht-ka-020 (com.ha-tinh.ky-anh)
///   >> issuers vn (national, emergency), prov.ha-tinh (province, emergency), com.ha-tinh.an-binh and
///      com.ha-tinh.ky-anh (commune, no emergency)
/// </code>
/// </summary>
public static class FleetGenerator
{
    private static readonly (string Name, string Code)[] ProvinceNames =
    {
        ("ha-tinh", "ht"), ("quang-tri", "qt"), ("nghe-an", "na"), ("hue", "hu"), ("quang-ngai", "qn"), ("lam-dong", "ld"),
    };

    private static readonly (string Name, string Code)[] CommuneNames =
    {
        ("an-binh", "ab"), ("ky-anh", "ka"), ("cam-xuyen", "cx"), ("thach-ha", "th"), ("duc-tho", "dt"), ("huong-son", "hs"),
        ("loc-ha", "lh"), ("nghi-xuan", "nx"), ("tan-lap", "tl"), ("phu-my", "pm"), ("hoa-binh", "hb"), ("vinh-loc", "vl"),
    };

    /// <summary>The national issuer's name.</summary>
    public const string NationalIssuer = "vn";

    /// <summary>Generates a fleet (see the class summary).</summary>
    /// <param name="stations">Number of stations, ≥ 1.</param>
    /// <param name="communes">Number of communes (at most one per station); 0 = one per 10 stations.</param>
    /// <param name="provinces">Number of provinces (at most one per commune); 0 = one per 4 communes.</param>
    /// <param name="broker">Broker URL written into the file.</param>
    public static FleetFile Generate(int stations, int communes = 0, int provinces = 0, string broker = "mqtt://127.0.0.1:1883")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stations, 1);
        communes = Math.Clamp(communes > 0 ? communes : (stations + 9) / 10, 1, stations);
        provinces = Math.Clamp(provinces > 0 ? provinces : (communes + 3) / 4, 1, communes);

        var fleet = new FleetFile { Broker = broker };
        fleet.Issuers.Add(NewIssuer(NationalIssuer, "national", FleetGroups.National, emergency: true));
        var provinceSeen = new HashSet<string>(StringComparer.Ordinal);
        int width = Math.Max(3, stations.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        int next = 1;
        for (int c = 0; c < communes; c++)
        {
            (string province, string provinceCode) = Named(ProvinceNames, c % provinces);
            (string commune, string communeCode) = Named(CommuneNames, c);
            if (provinceSeen.Add(province))
            {
                fleet.Issuers.Add(NewIssuer(FleetGroups.Province(province), "province", FleetGroups.Province(province), emergency: true));
            }

            string communeGroup = FleetGroups.Commune(province, commune);
            fleet.Issuers.Add(NewIssuer(communeGroup, "commune", communeGroup, emergency: false));

            // Stations are dealt so the first communes get the remainder: 25 over 2 = 13 + 12.
            int count = stations / communes + (c < stations % communes ? 1 : 0);
            for (int i = 0; i < count; i++, next++)
            {
                fleet.Stations.Add(new FleetStation
                {
                    Id = $"{provinceCode}-{communeCode}-{next.ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture)}",
                    Commune = commune,
                    Province = province,
                    Groups = new[] { FleetGroups.National, FleetGroups.Province(province), communeGroup },
                    Board = BoardProfiles.Relay8,
                });
            }
        }

        fleet.Validate();
        return fleet;
    }

    /// <summary>A fresh random issuer key as 64 lowercase hex digits.</summary>
    public static string NewKeyHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static FleetIssuer NewIssuer(string name, string level, string group, bool emergency) => new()
    {
        Name = name,
        Level = level,
        Scopes = new[] { FleetGroups.Target(group) },
        Emergency = emergency,
        Key = NewKeyHex(),
    };

    // Past the end of a name list the names repeat with a number: "an-binh-2"/"ab2".
    private static (string Name, string Code) Named((string Name, string Code)[] names, int index)
    {
        (string name, string code) = names[index % names.Length];
        int round = index / names.Length;
        return round == 0 ? (name, code) : ($"{name}-{round + 1}", code + (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
