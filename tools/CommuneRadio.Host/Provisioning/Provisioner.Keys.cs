using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommuneRadio.Core.Security;
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

    /// <summary>
    /// The update right (protocol §8): exactly the issuers named in <paramref name="names"/> when given (an unknown name is
    /// an error: a typo must not silently leave a province unable to update); else what the earlier run gave
    /// (<paramref name="rotated"/>: the directory's fleet file when keys were rotated, whose entries were not kept).
    /// </summary>
    private static void GrantUpdate(FleetFile fleet, IReadOnlyCollection<string>? names, FleetFile? rotated)
    {
        if (names is null)
        {
            foreach (FleetIssuer issuer in fleet.Issuers)
            {
                issuer.Update |= rotated?.Issuers.Find(i => i.Name == issuer.Name)?.Update ?? false;
            }

            return;
        }

        foreach (string name in names)
        {
            if (!fleet.Issuers.Exists(i => i.Name == name))
            {
                throw new ProvisionException($"update right for {name}: no such issuer (known: {string.Join(", ", fleet.Issuers.Select(i => i.Name))})");
            }
        }

        foreach (FleetIssuer issuer in fleet.Issuers)
        {
            issuer.Update = names.Contains(issuer.Name);
        }
    }

    // A station's configuration and its nanoff manifest, in DIR or in an engineer's role directory (paths of that layout).
    private static void AddStation(ProvisionPlan plan, ProvisionLayout layout, InventoryRow row, string config)
    {
        plan.Add(layout.StationConfig(row.Station), config);
        bool tls = BrokerAddress.Parse(row.Broker).Tls;
        plan.Add(layout.DeployManifest(row.Station), DeployManifest.Write(layout.StationConfig(row.Station), tls ? layout.Ca : null));
    }

    // keyring.json holds every issuer (the central server's). roles/{role}/ is what one person is handed, and
    // nothing of anyone else (docs/security.md): an operator (vn, prov.{p}, com.{p}.{c}) gets its own key, its own
    // MQTT user and a fleet file of the stations it reaches without any key; the engineer of a commune's stations
    // the station keys and users st.{id} of those stations, their configurations and manifests.
    private static void AddRoles(ProvisionPlan plan, FleetFile fleet, Dictionary<string, string> credentials, List<InventoryRow> rows, Dictionary<string, string> configs, string? ca)
    {
        ProvisionLayout layout = plan.Result.Layout;

        // Who trusts whom, computed once (the keyring rule walks every issuer for each station).
        var trusted = fleet.Stations.ToDictionary(s => s.Id, fleet.IssuersFor, StringComparer.Ordinal);
        var reached = fleet.Issuers.ToDictionary(i => i.Name, _ => new List<FleetStation>(), StringComparer.Ordinal);
        foreach (FleetStation s in fleet.Stations)
        {
            trusted[s.Id].ForEach(i => reached[i.Name].Add(s));
        }

        foreach (FleetIssuer issuer in fleet.Issuers)
        {
            if (issuer.Level != "station")
            {
                AddRole(plan, layout.Role(issuer.Name), fleet, new[] { issuer }, reached[issuer.Name], trusted, credentials);
            }
        }

        foreach (IGrouping<(string Province, string Commune), InventoryRow> commune in rows.GroupBy(r => (r.Province, r.Commune)))
        {
            ProvisionLayout role = layout.Role(ProvisionLayout.EngineerRole(commune.Key.Province, commune.Key.Commune));
            List<FleetStation> stations = commune.Select(r => fleet.Station(r.Station)).ToList();
            List<FleetIssuer> stationKeys = commune.Select(r => fleet.Issuers.Find(i => i.Name == StationIssuerPrefix + r.Station)).OfType<FleetIssuer>().ToList();
            AddRole(plan, role, fleet, stationKeys, stations, trusted, credentials);
            foreach (InventoryRow row in commune)
            {
                AddStation(plan, role, row, configs[row.Station]);
            }

            if (ca is not null)
            {
                plan.Add(role.Ca, ca);
            }
        }
    }

    private static void AddRole(
        ProvisionPlan plan, ProvisionLayout role, FleetFile fleet, IReadOnlyList<FleetIssuer> own, List<FleetStation> stations, Dictionary<string, List<FleetIssuer>> trusted, Dictionary<string, string> credentials)
    {
        plan.Add(role.Keyring, KeyringFile.From(own).ToJson());
        var users = own.ToDictionary(i => i.Name, i => credentials[i.Name], StringComparer.Ordinal);
        plan.Add(role.Credentials, System.Text.Json.JsonSerializer.Serialize(users, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var view = new FleetFile { Prefix = fleet.Prefix, Broker = fleet.Broker, Stations = stations };
        var names = new HashSet<string>(stations.SelectMany(s => trusted[s.Id]).Select(i => i.Name), StringComparer.Ordinal);
        view.Issuers.AddRange(fleet.Issuers.Where(i => names.Contains(i.Name)).Select(i => i.WithoutKey()));
        view.Validate();
        plan.Add(role.Fleet, view.ToJson());
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
