using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Listening without sending (watch, log --for/--follow): connects as the --as issuer or the keyring's first
/// issuer when there is a keyring (a secure broker needs a user; no key is used), otherwise anonymously, and
/// passes the members' messages to a handler until the time is up or Ctrl+C (which ends it normally).
/// </summary>
public static class Listener
{
    /// <summary>Listens; <paramref name="duration"/> null = until Ctrl+C.</summary>
    public static async Task RunAsync(
        OperatorSettings settings, FleetFile fleet, Target target, IReadOnlyList<string> kinds, TimeSpan? duration, Action<StationMessage> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(handle);
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (FleetStation s in target.Members)
        {
            members.Add(s.Id);
        }

        string user = settings.IssuerName ?? (File.Exists(settings.KeyringPath) && settings.LoadKeyring().Issuers is { Count: > 0 } issuers ? issuers[0].Name : string.Empty);
        if (user.Length == 0 && settings.CredentialsFile is not null)
        {
            throw new OperatorException("--credentials needs a user: give --as ISSUER (or a keyring)");
        }

        await using OperatorLink link = await OperatorLink.ConnectAsync(settings, fleet, user, kinds, cancellationToken).ConfigureAwait(false);
        try
        {
            await GroupOperation.ReadUntilAsync(
                link,
                m =>
                {
                    if (members.Contains(m.Station))
                    {
                        handle(m);
                    }
                },
                () => false,
                duration ?? Timeout.InfiniteTimeSpan,
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how a watch ends.
        }
    }
}
