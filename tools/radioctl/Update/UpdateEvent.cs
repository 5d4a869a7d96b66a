using CommuneRadio.Cli.Operate;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// An update outcome event on <c>P/st/{station}/event</c> (docs/protocol.md §8):
/// <code>
/// {"station":"ht-ab-001","kind":"update-committed","version":"1.4.0","reason":"none",…}      >> committed 1.4.0
/// {"station":"ht-ab-001","kind":"update-rolled-back","version":"1.4.0","reason":"not-healthy",…} >> rolled back
/// </code>
/// </summary>
/// <param name="Committed">True for update-committed, false for update-rolled-back.</param>
/// <param name="Version">The version it is about, or null when the event does not name it.</param>
/// <param name="Reason">Why it was rolled back (not-healthy, boot-failed, load-failed), or null.</param>
public sealed record UpdateEvent(bool Committed, string? Version, string? Reason)
{
    /// <summary>The update outcome in <paramref name="m"/>, or null for any other event.</summary>
    public static UpdateEvent? From(StationMessage m)
    {
        System.ArgumentNullException.ThrowIfNull(m);
        string? kind = m.Text("kind");
        if (kind is not ("update-committed" or "update-rolled-back"))
        {
            return null;
        }

        string? reason = m.Text("reason");
        return new UpdateEvent(kind == "update-committed", m.Text("version"), reason is null or "none" ? null : reason);
    }
}
