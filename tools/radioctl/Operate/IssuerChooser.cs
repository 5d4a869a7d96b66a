using System;
using System.Linq;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Picks the key to sign with. With --as, that issuer of the keyring. Otherwise the lowest-level issuer whose
/// rights cover the target by the Core's own rule (<see cref="Keyring.Covers"/>) and, for emergency work, that
/// may send emergencies — least privilege, and a commune operator's key is the natural choice for its commune.
/// When no key covers a group but one reaches each of its members (a province key and a commune group), that one:
/// the command then goes to each member directly (<see cref="SendFlow"/>).
/// </summary>
public static class IssuerChooser
{
    /// <summary>Chooses an issuer; throws <see cref="OperatorException"/> when the keyring has none that fits.</summary>
    /// <param name="keyring">The operator's keyring.</param>
    /// <param name="requested">The --as name, or null.</param>
    /// <param name="target">The target.</param>
    /// <param name="emergencyWork">True for emergency.*, play or items of class emergency.</param>
    public static FleetIssuer Choose(KeyringFile keyring, string? requested, Target target, bool emergencyWork)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentNullException.ThrowIfNull(target);
        if (requested is not null)
        {
            return keyring.Find(requested)
                ?? throw new OperatorException($"no key for issuer '{requested}' in the keyring: nothing was sent (it holds: {Names(keyring)})");
        }

        FleetIssuer? best = keyring.Issuers
            .Where(i => Covers(i, target) && (!emergencyWork || i.Emergency))
            .OrderBy(i => i.ParsedLevel())
            .FirstOrDefault()
            ?? keyring.Issuers
            .Where(i => ReachesEachMember(i, target) && (!emergencyWork || i.Emergency))
            .OrderBy(i => i.ParsedLevel())
            .FirstOrDefault();
        return best ?? throw new OperatorException(
            $"no key in the keyring may send {(emergencyWork ? "emergency work " : string.Empty)}to {target.Addressee}: nothing was sent (it holds: {Names(keyring)})");
    }

    /// <summary>True when the issuer may address <paramref name="target"/> (protocol §4.2, the Core's rule).</summary>
    public static bool Covers(FleetIssuer issuer, Target target)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(target);
        IssuerKey key = issuer.ToRights();
        if (target.Addressee.StartsWith("st/", StringComparison.Ordinal) && target.Members.Count == 1)
        {
            string[] groups = target.Members[0].Groups.Select(FleetGroups.Target).ToArray();
            return Keyring.Covers(key, target.Addressee, target.Addressee, groups);
        }

        return Keyring.Covers(key, target.Addressee, string.Empty, Array.Empty<string>());
    }

    /// <summary>True when the issuer may address each member of <paramref name="target"/> directly (<c>st/{id}</c>), by the same rule.</summary>
    public static bool ReachesEachMember(FleetIssuer issuer, Target target)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(target);
        return target.Members.Count > 0 && target.Members.All(s => Covers(issuer, Target.Of(s)));
    }

    private static string Names(KeyringFile keyring) =>
        keyring.Issuers.Count == 0 ? "no issuers" : string.Join(", ", keyring.Issuers.Select(i => $"{i.Name} ({i.Level}{(i.Emergency ? ", emergency" : string.Empty)})"));
}
