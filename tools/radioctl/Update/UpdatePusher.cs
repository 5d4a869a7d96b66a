using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Host.Update;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// Pushes one <see cref="UpdatePackage"/> to stations (docs/protocol.md §8), each on its own: update.begin, the chunks
/// in order, update.commit, then the outcome. Every result of an update command carries where the station stands
/// (<c>"update":{"state":"receiving","running":"1.3.0","pending":"1.4.0","file":0,"offset":8192}</c>), and the push
/// simply follows it:
/// <code>
/// begin accepted, file 0 offset 8192   >> send from chunk 2 (a transfer resumed: a re-run, a restart mid-transfer)
/// chunk accepted, state verified       >> commit
/// chunk refused out-of-order, 0/4096   >> a chunk was lost on the way: resend from chunk 1
/// no result within the timeout         >> update.begin again (resumes where it stands); after --retries in a row: silent
/// begin refused already-running        >> up to date, nothing sent
/// commit refused flash-mismatch         >> the station discarded the image: sent once more, then refused
/// commit accepted                      >> wait for update-committed / update-rolled-back (or health running the version)
/// </code>
/// Stations are updated <see cref="UpdatePushSettings.Parallel"/> at a time, each with at most
/// <see cref="UpdatePushSettings.Window"/> chunks in flight. Nothing here knows MQTT: <see cref="IUpdateLink"/>.
/// </summary>
public sealed class UpdatePusher
{
    private readonly IUpdateLink _link;
    private readonly UpdatePackage _package;
    private readonly Func<string, string> _beginArgs;
    private readonly UpdatePushSettings _settings;
    private readonly IReadOnlyList<(int File, int Offset)> _chunks;
    private readonly Dictionary<string, Channel<StationMessage>> _inboxes = new(StringComparer.Ordinal);

    /// <summary>Creates a push of <paramref name="package"/> to <paramref name="stations"/>.</summary>
    /// <param name="link">Sends commands and brings back what the stations publish.</param>
    /// <param name="package">The image.</param>
    /// <param name="stations">Station ids, in the order of the table.</param>
    /// <param name="beginArgs">update.begin's args for a station (the image MAC is under its province's key).</param>
    /// <param name="settings">Window, parallelism, timeouts.</param>
    public UpdatePusher(IUpdateLink link, UpdatePackage package, IReadOnlyList<string> stations, Func<string, string> beginArgs, UpdatePushSettings settings)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _package = package ?? throw new ArgumentNullException(nameof(package));
        _beginArgs = beginArgs ?? throw new ArgumentNullException(nameof(beginArgs));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        ArgumentNullException.ThrowIfNull(stations);
        _chunks = package.Chunks;
        Stations = stations.Select(s => new StationPush(s, _chunks.Count)).ToList();
        foreach (string s in stations)
        {
            _inboxes[s] = Channel.CreateUnbounded<StationMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        }
    }

    /// <summary>One row per station, updated while the push runs.</summary>
    public IReadOnlyList<StationPush> Stations { get; }

    /// <summary>Runs the push until every station has a final phase; returns the rows.</summary>
    public async Task<IReadOnlyList<StationPush>> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task dispatch = DispatchAsync(stop.Token);
        using var slots = new SemaphoreSlim(Math.Max(1, _settings.Parallel));
        try
        {
            await Task.WhenAll(Stations.Select(async p =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await PushAsync(p, _inboxes[p.Station].Reader, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            })).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await dispatch.ConfigureAwait(false);
        }

        return Stations;
    }

    // One reader of the link; each station's messages go to its own inbox, read by its own task.
    private async Task DispatchAsync(CancellationToken stop)
    {
        try
        {
            await foreach (StationMessage m in _link.Inbox.ReadAllAsync(stop).ConfigureAwait(false))
            {
                if (_inboxes.TryGetValue(m.Station, out Channel<StationMessage>? inbox))
                {
                    inbox.Writer.TryWrite(m);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PushAsync(StationPush p, ChannelReader<StationMessage> inbox, CancellationToken ct)
    {
        p.Start();
        var station = new StationSide(p, inbox, _package.Version);
        int silent = 0;
        int fruitless = 0;
        int commitsRefused = 0;
        while (true)
        {
            // Begin: a fresh transfer, or where a transfer of this version and image stands.
            p.Phase = PushPhase.Beginning;
            StationMessage? begun = await RequestAsync(station, "update.begin", _beginArgs(p.Station), ct).ConfigureAwait(false);
            if (begun is null)
            {
                if (++silent >= _settings.Retries)
                {
                    p.Finish(PushPhase.Silent, "timeout");
                    return;
                }

                p.Resumes++;
                continue;
            }

            UpdateProgress? at = station.Take(begun);
            Note(p, at);
            if (!Accepted(begun))
            {
                string reason = begun.Text("reason") ?? "refused";
                if (reason == "already-running")
                {
                    p.Finish(PushPhase.UpToDate);
                    return;
                }

                if (reason == "update-in-trial" && at?.Pending == _package.Version)
                {
                    // Committed before (an earlier run, or a commit whose result was lost): only the outcome is left.
                    p.Phase = PushPhase.Proving;
                    station.ExpectOutcome();
                    await AwaitOutcomeAsync(station, ct).ConfigureAwait(false);
                    return;
                }

                p.Finish(PushPhase.Refused, reason);
                return;
            }

            // Silent spells count in a row: a station that keeps taking chunks between them is not given up on.
            int verified = p.ChunksVerified;
            Step step = at?.State == "verified" ? Step.Done : await SendChunksAsync(station, IndexOf(at), ct).ConfigureAwait(false);
            if (p.ChunksVerified > verified)
            {
                silent = 0;
            }

            if (step == Step.Silent && ++silent >= _settings.Retries)
            {
                p.Finish(PushPhase.Silent, "timeout");
                return;
            }

            if (step == Step.Resume && p.ChunksVerified <= verified && ++fruitless > _settings.Retries)
            {
                // Asked again and again without a chunk more (a station that keeps losing its transfer): give up on it.
                p.Finish(PushPhase.Refused, p.Reason ?? "no-progress");
                return;
            }

            if (step is Step.Resume or Step.Silent)
            {
                p.Resumes++;
                continue;
            }

            if (step == Step.Refused)
            {
                p.Finish(PushPhase.Refused);
                return;
            }

            p.Phase = PushPhase.Committing;
            StationMessage? committed = await RequestAsync(station, "update.commit", _package.CommitArgs(), ct).ConfigureAwait(false);
            if (committed is null)
            {
                // Lost, or the station restarted into the new version before its result left: begin tells which.
                if (++silent >= _settings.Retries)
                {
                    p.Finish(PushPhase.Silent, "timeout");
                    return;
                }

                p.Resumes++;
                continue;
            }

            station.Take(committed);
            if (Accepted(committed))
            {
                p.Phase = PushPhase.Proving;
                p.ChunksVerified = _chunks.Count;
                station.ExpectOutcome();
                await AwaitOutcomeAsync(station, ct).ConfigureAwait(false);
                return;
            }

            string refusal = committed.Text("reason") ?? "refused";
            if (refusal is "not-verified" or "flash-mismatch" or "no-update" && ++commitsRefused < 2) // once more at most
            {
                // The station discarded the image (read back wrong) or lacks part of it: begin again, resend what it lacks.
                p.Reason = refusal;
                p.Resumes++;
                continue;
            }

            p.Finish(PushPhase.Refused, refusal);
            return;
        }
    }

    // Chunks from index `from` with a window; follows the station's "update" member after every result.
    private async Task<Step> SendChunksAsync(StationSide station, int from, CancellationToken ct)
    {
        StationPush p = station.Row;
        p.Phase = PushPhase.Sending;
        int next = from;
        var inFlight = new Dictionary<string, int>(StringComparer.Ordinal);
        while (true)
        {
            while (inFlight.Count < Math.Max(1, _settings.Window) && next < _chunks.Count)
            {
                (int file, int offset) = _chunks[next];
                string id = await _link.SendAsync(p.Station, "update.chunk", _package.ChunkArgs(file, offset), ct).ConfigureAwait(false);
                inFlight[id] = next++;
                p.ChunksSent++;
            }

            if (inFlight.Count == 0)
            {
                // Every chunk answered, yet the station never said verified: ask it where it stands.
                return Step.Resume;
            }

            StationMessage? r = await station.ResultAsync(inFlight.Keys, _settings.Timeout, ct).ConfigureAwait(false);
            if (r is null)
            {
                return Step.Silent;
            }

            inFlight.Remove(r.Text("id")!);
            UpdateProgress? at = station.Take(r);
            Note(p, at);
            if (Accepted(r))
            {
                if (at?.State == "verified")
                {
                    return Step.Done;
                }

                // A station ahead of us (it had more than we thought) moves us forward; never back (the results of
                // the chunks still in flight are on their way).
                next = Math.Max(next, IndexOf(at));
                continue;
            }

            string reason = r.Text("reason") ?? "refused";
            switch (reason)
            {
                case "out-of-order":
                    // A chunk before this one was lost: everything in flight after it is answered out-of-order too
                    // (and ignored); send again from the one it wants.
                    int wanted = IndexOf(at);
                    p.Resends += Math.Max(0, next - wanted);
                    inFlight.Clear();
                    next = wanted;
                    break;
                case "no-update":
                case "flash-mismatch":
                    p.Reason = reason;
                    return Step.Resume;
                default:
                    p.Reason = reason;
                    return Step.Refused;
            }
        }
    }

    private async Task AwaitOutcomeAsync(StationSide station, CancellationToken ct)
    {
        (PushPhase phase, string? reason)? outcome = await station.OutcomeAsync(_settings.OutcomeWait, ct).ConfigureAwait(false);
        if (outcome is { } o)
        {
            station.Row.Finish(o.phase, o.reason);
        }
        else
        {
            station.Row.Finish(PushPhase.Unconfirmed, "no outcome within --wait");
        }
    }

    private async Task<StationMessage?> RequestAsync(StationSide station, string cmd, string args, CancellationToken ct)
    {
        string id = await _link.SendAsync(station.Row.Station, cmd, args, ct).ConfigureAwait(false);
        return await station.ResultAsync(new[] { id }, _settings.Timeout, ct).ConfigureAwait(false);
    }

    // The chunk index of the station's next wanted (file, offset); the chunk count once it has all.
    private int IndexOf(UpdateProgress? at)
    {
        if (at is null)
        {
            return 0;
        }

        for (int i = 0; i < _chunks.Count; i++)
        {
            if (_chunks[i].File == at.File && _chunks[i].Offset == at.Offset)
            {
                return i;
            }
        }

        return at.File >= _package.Names.Count ? _chunks.Count : 0;
    }

    private void Note(StationPush p, UpdateProgress? at)
    {
        if (at?.Pending == _package.Version)
        {
            p.ChunksVerified = at.State is "verified" or "trial" ? _chunks.Count : at.State == "receiving" ? IndexOf(at) : p.ChunksVerified;
        }
    }

    private static bool Accepted(StationMessage result) => result.Text("result") == "accepted";

    private enum Step
    {
        Done,
        Resume,
        Silent,
        Refused,
    }
}
