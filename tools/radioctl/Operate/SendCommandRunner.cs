using System;
using System.CommandLine;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// The body shared by play, stop, emergency and schedule add/remove/sync: read the options, resolve the
/// target, build the request, send through <see cref="SendFlow"/>, let the command record what was accepted,
/// print the outcome and return its exit code.
/// </summary>
public static class SendCommandRunner
{
    /// <summary>Runs one send command.</summary>
    /// <param name="context">Console and environment.</param>
    /// <param name="parse">The parse result.</param>
    /// <param name="common">The command's common options.</param>
    /// <param name="targets">The command's target options.</param>
    /// <param name="build">Builds the request for the resolved target (may throw <see cref="OperatorException"/>).</param>
    /// <param name="accepted">Called for each member that accepted, with the issuer and the open store (schedule records).</param>
    /// <param name="extra">Extra members of the JSON document.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="text">Extra tables for people, after the outcome (not with --json).</param>
    public static async Task<int> RunAsync(
        CliContext context, ParseResult parse, CommonOptions common, TargetOptions targets, Func<FleetFile, Target, SendRequest> build,
        Action<string, FleetIssuer, EventStore>? accepted, Action<Utf8JsonWriter, GroupOutcome>? extra, CancellationToken cancellationToken, Action<GroupOutcome>? text = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(common);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(build);
        OperatorSettings settings = common.Read(parse, context);
        FleetFile fleet = settings.LoadFleet();
        Target target = targets.Resolve(parse, fleet);
        SendRequest request = build(fleet, target);
        using EventStore? store = SendFlow.TryOpenStore(context, settings);
        (GroupOutcome outcome, FleetIssuer issuer) = await SendFlow.RunAsync(context, settings, fleet, target, request, store, cancellationToken).ConfigureAwait(false);
        if (store is not null && accepted is not null)
        {
            foreach (StationAnswer a in outcome.Answers)
            {
                if (a.Result == "accepted")
                {
                    accepted(a.Station, issuer, store);
                }
            }
        }

        OutcomeReport.Write(context, outcome, settings.Json, settings.Timeout, extra is null ? null : w => extra(w, outcome));
        if (!settings.Json)
        {
            text?.Invoke(outcome);
        }

        return outcome.ExitCode;
    }
}
