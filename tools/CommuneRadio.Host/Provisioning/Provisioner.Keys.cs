using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Provisioning;

/// <summary>The issuers and their keys, the keyrings, and what an earlier run left in the directory.</summary>
public static partial class Provisioner
{
    /// <summary>Prefix of a station-level issuer: "st.{station id}".</summary>
    public const string StationIssuerPrefix = "st.";

    /// <summary>
    /// The issuers of a provisioned fleet, with their scope and emergency right (protocol §4.2):
    /// <code>
    /// vn                  national  g/vn                   emergency   (the national warning centre)
    /// prov.{p}            province  g/prov.{p}             emergency   (provincial disaster broadcasts)
    /// com.{p}.{c}         commune   g/com.{p}.{c}          no          (schedules and notices; emergencies come from above)
    /// st.{id}             station   st/{id}                no          (an engineer at one station: relay.selftest, status)
    /// </code>
    /// Existing issuers of <paramref name="keep"/> keep their entry and key; the others get a fresh key.
    /// </summary>
    private static void AddIssuers(FleetFile fleet, List<InventoryRow> rows, FleetFile? keep, ProvisionResult result)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string level, string scope, bool emergency)
        {
            if (!names.Add(name))
            {
                return;
            }

            FleetIssuer? old = keep?.Issuers.Find(i => i.Name == name);
            if (old is not null)
            {
                fleet.Issuers.Add(old);
                result.KeptKeys.Add(name);
                return;
            }

            fleet.Issuers.Add(new FleetIssuer { Name = name, Level = level, Scopes = new[] { scope }, Emergency = emergency, Key = FleetGenerator.NewKeyHex() });
            result.NewKeys.Add(name);
        }

        Add(FleetGenerator.NationalIssuer, "national", FleetGroups.Target(FleetGroups.National), true);
        foreach (InventoryRow row in rows)
        {
            string province = FleetGroups.Province(row.Province);
            string commune = FleetGroups.Commune(row.Province, row.Commune);
            Add(province, "province", FleetGroups.Target(province), true);
            Add(commune, "commune", FleetGroups.Target(commune), false);
            Add(StationIssuerPrefix + row.Station, "station", FleetGroups.StationTarget(row.Station), false);
        }

        // Issuers an earlier run made that no station needs now (e.g. a station moved commune) stay: operators
        // may still hold them, and removing a key is a decision, not a side effect.
        if (keep is not null)
        {
            foreach (FleetIssuer old in keep.Issuers)
            {
                if (names.Add(old.Name))
                {
                    fleet.Issuers.Add(old);
                    result.KeptKeys.Add(old.Name);
                }
            }
        }
    }

    // keyring.json holds every issuer (the central server); keyrings/{issuer}.json one each for the national,
    // province and commune operators, so a commune operator is handed only the commune's key.
    private static void AddKeyrings(ProvisionPlan plan, FleetFile fleet)
    {
        ProvisionLayout layout = plan.Result.Layout;
        plan.Add(layout.Keyring, KeyringFile.From(fleet.Issuers).ToJson());
        foreach (FleetIssuer issuer in fleet.Issuers)
        {
            if (issuer.Level != "station")
            {
                plan.Add(layout.IssuerKeyring(issuer.Name), KeyringFile.From(new[] { issuer }).ToJson());
            }
        }
    }

    /// <summary>What an earlier run left in the directory.</summary>
    private sealed class Existing
    {
        public FleetFile? Fleet { get; private init; }

        public List<InventoryRow> Rows { get; private init; } = new();

        public Dictionary<string, string>? Credentials { get; private init; }

        public static Existing Load(ProvisionLayout layout)
        {
            if (!Directory.Exists(layout.Directory))
            {
                return new Existing();
            }

            bool hasFleet = File.Exists(layout.Fleet);
            if (!hasFleet)
            {
                if (Directory.EnumerateFileSystemEntries(layout.Directory).Any())
                {
                    throw new ProvisionException($"{layout.Directory} is not empty and holds no fleet.json: not a provisioning directory, nothing written");
                }

                return new Existing();
            }

            try
            {
                return new Existing
                {
                    Fleet = FleetFile.Load(layout.Fleet),
                    Rows = File.Exists(layout.Inventory) ? Inventory.Parse(File.ReadAllText(layout.Inventory)) : new List<InventoryRow>(),
                    Credentials = File.Exists(layout.Credentials) ? FleetCredentials.Load(layout.Credentials) : null,
                };
            }
            catch (ProvisionException ex)
            {
                throw new ProvisionException($"{layout.Inventory} (from an earlier run) is unreadable: {ex.Message}");
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                throw new ProvisionException($"{layout.Directory} holds an unreadable earlier run: {ex.Message}");
            }
        }
    }
}
