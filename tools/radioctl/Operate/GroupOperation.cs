using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Sends one signed command to a target and waits for its members' results (protocol §5: exactly one per
/// station). First it reads the retained states (up to <see cref="SettleTime"/>) so it knows who is online;
/// then it publishes and waits until every member has answered or is known offline (a last will arriving
/// meanwhile counts), or until the timeout. Offline stations are not waited for: the broker keeps the command
/// in their session and they answer when they come back, if it has not expired.
/// </summary>
public static class GroupOperation
{
    /// <summary>How long to wait for the retained states before publishing.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(750);

    /// <summary>Runs the operation.</summary>
    /// <param name="link">Connected link subscribed to result and state (and health when <paramref name="needHealth"/>).</param>
    /// <param name="commands">The signed command: one for the target's addressee, or one per member (all with the same id).</param>
    /// <param name="cmd">Its name, for the outcome.</param>
    /// <param name="issuer">The issuer that signed it.</param>
    /// <param name="target">Addressee and members.</param>
    /// <param name="timeout">How long to wait for answers after publishing.</param>
    /// <param name="needHealth">Also wait for a health snapshot from each member that accepted (status).</param>
    /// <param name="doneWhen">Also wait until this holds for each member that accepted (e.g. the programme's first event arrived).</param>
    /// <param name="progress">Gets (answered, members) after every change.</param>
    /// <param name="observe">Sees every message received (the event store).</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<GroupOutcome> RunAsync(
        OperatorLink link, IReadOnlyList<SignedCommand> commands, string cmd, string issuer, Target target, TimeSpan timeout, bool needHealth, Func<StationAnswer, bool>? doneWhen,
        Action<int, int>? progress, Action<StationMessage>? observe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(target);
        SignedCommand command = commands[0];
        var answers = target.Members.ToDictionary(s => s.Id, s => new StationAnswer(s.Id), StringComparer.Ordinal);
        var others = new List<StationAnswer>();
        var freshHealth = new HashSet<string>(StringComparer.Ordinal);
        long sentUtcMs = 0;

        void Apply(StationMessage m)
        {
            observe?.Invoke(m);
            if (!answers.TryGetValue(m.Station, out StationAnswer? a))
            {
                if (m.Kind == "result" && m.Text("id") == command.Id)
                {
                    others.Add(new StationAnswer(m.Station) { Result = m.Text("result"), Reason = m.Text("reason"), Field = m.Text("field") });
                }

                return;
            }

            if (!m.Retained)
            {
                a.LastSeenUtcMs = m.ReceivedUtcMs;
            }

            switch (m.Kind)
            {
                case "state":
                    a.Online = m.Flag("online");
                    a.Firmware = m.Text("fw") ?? a.Firmware;
                    break;
                case "result" when sentUtcMs != 0 && m.Text("id") == command.Id:
                    a.Result = m.Text("result");
                    a.Reason = m.Text("reason");
                    a.Field = m.Text("field");
                    a.LatencyMs = m.ReceivedUtcMs - sentUtcMs;
                    a.Online ??= true;
                    break;
                case "event" when sentUtcMs != 0:
                    if (m.Text("programme") == command.Id)
                    {
                        a.PlayEvent ??= m.Text("kind");
                    }

                    if (PlayRecord.From(m) is { } e)
                    {
                        a.Events.Add(e);
                    }

                    break;
                case "health":
                    a.Health = m;
                    if (sentUtcMs != 0)
                    {
                        freshHealth.Add(m.Station);
                    }

                    break;
            }
        }

        bool Settled(StationAnswer a) =>
            (a.Result is not null && (!needHealth || a.Result != "accepted" || freshHealth.Contains(a.Station))
                && (doneWhen is null || a.Result != "accepted" || doneWhen(a))) || (a.Result is null && a.Online == false);

        // Retained states first: who is online decides whom to wait for.
        await ReadUntilAsync(link, Apply, () => answers.Values.All(a => a.Online is not null), SettleTime, cancellationToken).ConfigureAwait(false);
        sentUtcMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.WhenAll(commands.Select(c => link.PublishAsync(c, cancellationToken))).ConfigureAwait(false);
        progress?.Invoke(0, answers.Count);
        int reported = 0;
        bool done = await ReadUntilAsync(
            link,
            m =>
            {
                Apply(m);
                int answered = answers.Values.Count(a => a.Result is not null);
                if (answered != reported)
                {
                    reported = answered;
                    progress?.Invoke(answered, answers.Count);
                }
            },
            () => answers.Values.All(Settled),
            timeout,
            cancellationToken).ConfigureAwait(false);

        IReadOnlyList<StationAnswer> ordered = target.Members.Select(s => answers[s.Id]).ToList();
        return new GroupOutcome(cmd, command.Id, issuer, target, ordered, others, !done);
    }

    /// <summary>Reads messages into <paramref name="apply"/> until <paramref name="done"/> holds (true) or the time is up (false).</summary>
    public static async Task<bool> ReadUntilAsync(OperatorLink link, Action<StationMessage> apply, Func<bool> done, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(done);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(limit);
        while (!done())
        {
            try
            {
                if (!await link.Inbox.WaitToReadAsync(timer.Token).ConfigureAwait(false))
                {
                    return done();
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return done();
            }

            while (link.Inbox.TryRead(out StationMessage? m))
            {
                apply(m);
            }
        }

        return true;
    }
}
