using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// One station as its push task sees it: its own inbox (results, events, health, state), read in order. Results are
/// matched by command id; everything else read meanwhile is kept, so an outcome that arrives while a result is awaited
/// (a quick station) is not lost.
/// </summary>
internal sealed class StationSide
{
    private readonly ChannelReader<StationMessage> _inbox;
    private readonly string _version;
    private (PushPhase Phase, string? Reason)? _outcome;
    private bool _watching;

    public StationSide(StationPush row, ChannelReader<StationMessage> inbox, string version)
    {
        Row = row;
        _inbox = inbox;
        _version = version;
    }

    public StationPush Row { get; }

    /// <summary>The progress in <paramref name="result"/>, also noted in the row.</summary>
    public UpdateProgress? Take(StationMessage result)
    {
        UpdateProgress? at = UpdateProgress.From(result);
        if (at is not null)
        {
            Row.Running = at.Running ?? Row.Running;
            Row.StationState = at.State;
        }

        return at;
    }

    /// <summary>The first result whose id is one of <paramref name="ids"/>, or null after <paramref name="timeout"/>.</summary>
    public async Task<StationMessage?> ResultAsync(IEnumerable<string> ids, TimeSpan timeout, CancellationToken ct)
    {
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        StationMessage? found = null;
        await ReadAsync(m => m.Kind == "result" && m.Text("id") is string id && wanted.Contains(id) ? found = m : null, timeout, ct).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// From now on, events and health decide the outcome: called when the commit's result (or a begin refused
    /// update-in-trial) arrives, so an older outcome of the same version (a rollback of an earlier push) read before
    /// cannot pass for this one's.
    /// </summary>
    public void ExpectOutcome()
    {
        _outcome = null;
        _watching = true;
    }

    /// <summary>The outcome of the commit (committed, rolled back with its reason), or null after <paramref name="wait"/>.</summary>
    public async Task<(PushPhase Phase, string? Reason)?> OutcomeAsync(TimeSpan wait, CancellationToken ct)
    {
        if (_outcome is null)
        {
            await ReadAsync(_ => _outcome is null ? null : (object)true, wait, ct).ConfigureAwait(false);
        }

        return _outcome;
    }

    // Reads until `stop` returns non-null for a message (or an outcome was seen and stop says so), or the time is up.
    private async Task ReadAsync(Func<StationMessage, object?> stop, TimeSpan limit, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(limit);
        try
        {
            while (await _inbox.WaitToReadAsync(timer.Token).ConfigureAwait(false))
            {
                while (_inbox.TryRead(out StationMessage? m))
                {
                    Observe(m);
                    if (stop(m) is not null)
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    private void Observe(StationMessage m)
    {
        if (!_watching || _outcome is not null)
        {
            return;
        }

        if (m.Kind == "event" && UpdateEvent.From(m) is { } e && (e.Version is null || e.Version == _version))
        {
            _outcome = e.Committed ? (PushPhase.Committed, null) : (PushPhase.RolledBack, e.Reason);
            Row.Running = e.Committed ? _version : Row.Running;
        }
        else if (m.Kind == "health" && UpdateHealth.From(m) is { } h)
        {
            Row.Running = h.Running ?? Row.Running;
            if (h.Running == _version && h.Pending is null)
            {
                _outcome = (PushPhase.Committed, null);
            }
            else if (h.Running != _version && h.Pending is null && h.LastVersion == _version && h.LastOutcome == "rolled-back")
            {
                _outcome = (PushPhase.RolledBack, h.LastReason);
            }
        }
    }
}
