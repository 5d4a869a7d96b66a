using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// <c>radioctl provision</c>: from an inventory (<see cref="Inventory"/>) to a provisioning directory
/// (<see cref="ProvisionLayout"/>) — per station a configuration file checked by the Core's own parser and a nanoff
/// manifest; for the fleet its keys, broker passwords and ACL, keyrings and a fleet file. Keys (docs/engineers.md
/// §Keys): national <c>vn</c>, <c>prov.{p}</c>, <c>com.{p}.{c}</c> once per directory and <c>st.{id}</c> per
/// station, each 32 bytes from <see cref="System.Security.Cryptography.RandomNumberGenerator"/>; a station trusts
/// the fleet's keyring rule (national + its province + its commune + its own). Re-running keeps every key and
/// password already in the directory unless <see cref="ProvisionOptions.RotateKeys"/>.
/// </summary>
public static partial class Provisioner
{
    private static readonly Regex PrefixRule = new("^[A-Za-z0-9._:-]+(/[A-Za-z0-9._:-]+)*$", RegexOptions.CultureInvariant);

    /// <summary>Validates everything and writes the directory; throws <see cref="ProvisionException"/> (nothing written).</summary>
    public static ProvisionResult Run(ProvisionOptions options) => Plan(options).Write();

    /// <summary>Builds and validates every file in memory; throws <see cref="ProvisionException"/> listing every problem.</summary>
    public static ProvisionPlan Plan(ProvisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            throw new ProvisionException("no output directory (--out DIR)");
        }

        List<InventoryRow> rows = Inventory.Parse(options.InventoryText);
        var layout = new ProvisionLayout(options.Directory);
        Existing existing = Existing.Load(layout);
        var errors = new List<ProvisionError>();

        string prefix = options.Prefix ?? existing.Fleet?.Prefix ?? "cr/v1";
        if (prefix.Length > 64 || !PrefixRule.IsMatch(prefix))
        {
            errors.Add(new ProvisionError(0, null, $"prefix '{prefix}' is not a topic prefix (token characters and '/', no leading, trailing or double '/', at most 64)"));
        }
        else if (existing.Fleet is not null && existing.Fleet.Prefix != prefix)
        {
            errors.Add(new ProvisionError(0, null, $"prefix '{prefix}' differs from '{existing.Fleet.Prefix}' of {layout.Fleet}: a directory has one prefix"));
        }

        string broker = rows[0].Broker;
        if (existing.Rows.Count > 0 && existing.Rows[0].Broker != broker)
        {
            errors.Add(new ProvisionError(rows[0].Row, "broker", $"'{broker}' differs from '{existing.Rows[0].Broker}' of {layout.Inventory}: one provisioning directory serves one broker"));
        }

        List<InventoryRow> merged = Merge(existing.Rows, rows, out var added, out var updated);
        string? ca = ReadCa(options, layout, rows, errors);
        if (errors.Count > 0)
        {
            throw new ProvisionException(errors);
        }

        var result = new ProvisionResult { Layout = layout, Fleet = new FleetFile { Prefix = prefix, Broker = broker } };
        result.AddedStations.AddRange(added);
        result.UpdatedStations.AddRange(updated);
        FleetFile fleet = result.Fleet;
        foreach (InventoryRow row in merged)
        {
            fleet.Stations.Add(new FleetStation { Id = row.Station, Commune = row.Commune, Province = row.Province, Groups = row.Groups(), Board = row.Board, Name = row.Name, Lat = row.Lat, Lon = row.Lon });
        }

        AddIssuers(fleet, merged, options.RotateKeys ? null : existing.Fleet, result);
        GrantUpdate(fleet, options.UpdateIssuers, options.RotateKeys ? existing.Fleet : null);
        Dictionary<string, string> credentials;
        try
        {
            fleet.Validate();
            credentials = FleetCredentials.Generate(fleet, options.RotateKeys ? null : existing.Credentials);
        }
        catch (InvalidDataException ex)
        {
            throw new ProvisionException(ex.Message);
        }

        var plan = new ProvisionPlan(result);
        plan.Add(layout.Fleet, fleet.ToJson());
        plan.Add(layout.Credentials, JsonSerializer.Serialize(credentials, new JsonSerializerOptions { WriteIndented = true }));
        plan.Add(layout.Keyring, KeyringFile.From(fleet.Issuers).ToJson());
        plan.Add(layout.MosquittoPasswords, MosquittoPasswords.Format(credentials));
        plan.Add(layout.MosquittoAcl, FleetAcl.Generate(fleet));
        plan.Add(layout.MosquittoLimits, BrokerLimits.MosquittoConfiguration());
        if (ca is not null)
        {
            plan.Add(layout.Ca, ca);
        }

        var configs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (InventoryRow row in merged)
        {
            List<FleetIssuer> trusted = fleet.IssuersFor(fleet.Station(row.Station));
            string config = StationConfigWriter.Write(row, prefix, trusted, credentials[row.Station]);
            errors.AddRange(StationConfigWriter.Validate(config, row, trusted.Count, out StationConfig _));
            configs.Add(row.Station, config);
            AddStation(plan, layout, row, config);
        }

        AddRoles(plan, fleet, credentials, merged, configs, ca);

        if (errors.Count > 0)
        {
            throw new ProvisionException(errors);
        }

        plan.Add(layout.Inventory, Inventory.Format(merged));
        return plan;
    }

    // Rows already in the directory keep their place (updated from the new inventory); new ones are appended.
    private static List<InventoryRow> Merge(List<InventoryRow> old, List<InventoryRow> rows, out List<string> added, out List<string> updated)
    {
        var merged = new List<InventoryRow>(old);
        added = new List<string>();
        updated = new List<string>();
        foreach (InventoryRow row in rows)
        {
            int at = merged.FindIndex(r => r.Station == row.Station);
            if (at >= 0)
            {
                merged[at] = row;
                updated.Add(row.Station);
            }
            else
            {
                merged.Add(row);
                added.Add(row.Station);
            }
        }

        return merged;
    }

    private static string? ReadCa(ProvisionOptions options, ProvisionLayout layout, List<InventoryRow> rows, List<ProvisionError> errors)
    {
        if (!BrokerAddress.Parse(rows[0].Broker).Tls)
        {
            return null;
        }

        string? path = options.CaPath ?? (File.Exists(layout.Ca) ? layout.Ca : null);
        if (path is null)
        {
            errors.Add(new ProvisionError(rows[0].Row, "broker", $"'{rows[0].Broker}' uses TLS: give the broker's CA certificate with --ca FILE (it is deployed to the device as I:\\ca.pem)"));
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ProvisionError(0, null, $"--ca {path}: {ex.Message}"));
            return null;
        }

        if (!text.TrimStart().StartsWith("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal) || !text.Contains("-----END CERTIFICATE-----", StringComparison.Ordinal))
        {
            errors.Add(new ProvisionError(0, null, $"--ca {path}: not a PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)"));
            return null;
        }

        return text;
    }
}
