using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Relays;
using CommuneRadio.Host.Stations;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// <c>radioctl bench fanout</c>: how long a province emergency takes to reach N stations that each run the real
/// Core on their own MQTT connection, against the same N connections as bare clients (the baseline).
/// <list type="number">
/// <item>A local Mosquitto tuned for many connections (<see cref="BenchBroker"/>); a generated fleet of N stations in
/// one province (every station subscribes to <c>g/prov.*</c>); commands signed with the province issuer's key.</item>
/// <item>Both sides connected at once in this process: N <see cref="SimulatedStation"/>s (<see cref="SimulatedFleet"/>,
/// ticked every 250 ms, every relay off) and N <see cref="BareClientFleet"/> clients with the same subscriptions under
/// their own topic prefix (<see cref="BaselinePrefix"/>) and client ids <c>bare-{station}</c>, so a command reaches
/// one side only. Each side has its own sender (a <see cref="FleetObserver"/> on its prefix).</item>
/// <item>The sides take turns, round by round (baseline first in even rounds, stations first in odd ones): both are
/// measured with the same heap, the same JIT state and the same thread pool. (Run one after the other, whichever ran
/// second was slower: the baseline's p99 rose from ~135 to ~190 ms when it ran after the stations.)</item>
/// <item>A round publishes <c>emergency.start</c> (lines 0-3, source 1) to the group and waits until every member
/// has switched (a station all four lines connected) and every result is back; then <c>emergency.stop</c> and waits
/// until every relay is off again, so each round starts from the same all-off state. <see cref="Warmup"/>
/// unmeasured rounds come first (JIT, connection buffers).</item>
/// </list>
/// </summary>
public sealed class FanoutBenchmark
{
    /// <summary>Topic prefix of the bare clients (the stations use the fleet's, <c>cr/v1</c>).</summary>
    public const string BaselinePrefix = "bench/baseline";

    private const int EmergencySeconds = 600;
    private const int AllLines = FanoutSide.AllLines;
    private const int EmergencySource = 1;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    private readonly int _stations;
    private readonly int _rounds;
    private readonly Action<string> _log;

    /// <summary>Creates the benchmark; <paramref name="log"/> receives progress lines.</summary>
    public FanoutBenchmark(int stations, int rounds, Action<string> log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        _stations = stations;
        _rounds = rounds;
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Unmeasured rounds before the measured ones, on each side (default 1).</summary>
    public int Warmup { get; init; } = 1;

    /// <summary>Runs the benchmark. Throws <see cref="System.IO.FileNotFoundException"/> when Mosquitto is missing.</summary>
    public async Task<FanoutResult> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var result = new FanoutResult { Stations = _stations, Rounds = _rounds, Warmup = Warmup };
        int connections = (2 * _stations) + 2;
        FileLimit.TryRaise(BenchBroker.Wanted(connections));
        FleetFile fleet = FleetGenerator.Generate(_stations, provinces: 1);
        await using BenchBroker broker = await BenchBroker.StartAsync(connections, ct).ConfigureAwait(false);
        fleet.Broker = $"mqtt://{broker.Mosquitto.Host}:{broker.Mosquitto.Port}";
        result.Machine = MachineInfo.Collect(broker);
        FleetIssuer province = fleet.Issuers.First(i => i.Level == "province");
        var issuer = new CommandIssuer(fleet, province);
        string group = province.Scopes[0];
        await using var stationsSender = new FleetObserver(fleet.Prefix);
        await using var baselineSender = new FleetObserver(BaselinePrefix);
        await stationsSender.StartAsync(broker.Mosquitto.CreateClientOptions("bench-sender"), ct).ConfigureAwait(false);
        await baselineSender.StartAsync(broker.Mosquitto.CreateClientOptions("bench-sender-baseline"), ct).ConfigureAwait(false);
        _log($"{fleet.Broker}; {_stations} stations in {group} and as many bare clients, rounds alternating; {result.Machine}");
        await using FanoutSide bareClients = FanoutSide.Bare(fleet, _ => broker.Mosquitto.CreateClientOptions(), BaselinePrefix, "bare-");
        await using FanoutSide simulated = FanoutSide.Stations(fleet, _ => broker.Mosquitto.CreateClientOptions());
        await bareClients.StartAsync(ct).ConfigureAwait(false);
        _log($"baseline: {bareClients.Count} bare clients connected and subscribed");
        await simulated.StartAsync(ct).ConfigureAwait(false);
        _log($"stations: {simulated.Count} simulated stations connected and subscribed, relays off");
        var baseline = new SideRun(bareClients, false, baselineSender, fleet.Prefix.Length);
        var stations = new SideRun(simulated, true, stationsSender, fleet.Prefix.Length);
        for (int round = -Warmup; round < _rounds; round++)
        {
            foreach (SideRun side in (round & 1) == 0 ? new[] { baseline, stations } : new[] { stations, baseline })
            {
                await RunRoundAsync(side, round, issuer, group, broker, result, ct).ConfigureAwait(false);
            }
        }

        result.RelayOn = LatencyStats.From(stations.First);
        result.LinesOn = LatencyStats.From(stations.Lines);
        result.Result = LatencyStats.From(stations.Answered);
        result.StationsProcess = stations.Sampler.ToString();
        result.MaxTickMs = Math.Round(stations.MaxTickMs, 1);
        result.BaselineReceived = LatencyStats.From(baseline.First);
        result.BaselineResult = LatencyStats.From(baseline.Answered);
        result.BaselineProcess = baseline.Sampler.ToString();
        result.BrokerCpuCores = (stations.Sampler.BrokerCpuCores, baseline.Sampler.BrokerCpuCores);
        Check(result, stations.TickErrors == 0, $"{stations.TickErrors} station ticks threw");
        await simulated.StopAsync().ConfigureAwait(false);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    // One round of one side. Stations: first relay write and all lines connected; bare clients: command received.
    private async Task RunRoundAsync(SideRun side, int round, CommandIssuer issuer, string group, BenchBroker broker, FanoutResult result, CancellationToken ct)
    {
        bool measured = round >= 0;
        bool stations = side.Stations;
        int n = side.Side.Count;
        if (measured)
        {
            side.Sampler.Resume(broker.BrokerCpuSeconds);
        }

        SignedCommand start = issuer.Create(group, "emergency.start", ArgsJson.Emergency(EmergencySeconds, AllLines, EmergencySource));
        var burst = new BurstCpu(broker);
        long t0 = await side.PublishAsync(start, ct).ConfigureAwait(false);

        // First every station switched (bare client: received) and answered — the burst of work —, then the warm-up to the lines.
        bool switched = await WaitAsync(side, start.Id, p => p.Switched >= n && side.Sender.AnsweredCount(start.Id) >= n, ct).ConfigureAwait(false);
        burst.Stop(measured ? (stations ? result.StationsBurst : result.BaselineBurst) : null);
        bool done = switched && await WaitAsync(
            side,
            start.Id,
            p =>
            {
                side.MaxTickMs = measured ? Math.Max(side.MaxTickMs, p.MaxTickMs) : side.MaxTickMs;
                side.TickErrors = p.TickErrors;
                return p.AllLines >= n;
            },
            ct).ConfigureAwait(false);
        IReadOnlyList<MemberTimes> times = side.Side.Times(start.Id, t0);
        Dictionary<string, long> results = ResultsFor(side.Sender, start.Id, acceptedOnly: stations);
        List<double> roundFirst = times.Where(t => t.First > 0).Select(t => (double)(t.First - t0)).ToList();
        int delivered = times.Count(t => t.Lines > 0);
        if (measured)
        {
            side.First.AddRange(roundFirst);
            side.Lines.AddRange(times.Where(t => t.Lines > 0).Select(t => (double)(t.Lines - t0)));
            side.Answered.AddRange(results.Values.Select(t => (double)(t - t0)));
            if (stations)
            {
                result.Delivered += delivered;
                result.Accepted += results.Count;
            }
            else
            {
                result.BaselineDelivered += delivered;
            }
        }

        Check(result, done, stations
            ? $"round {round}: {n - delivered} stations without every line, {n - results.Count} accepted results missing"
            : $"baseline round {round}: {n - delivered} clients without the command, {n - results.Count} results missing");
        SignedCommand stop = issuer.Create(group, "emergency.stop", "{}");
        await side.PublishAsync(stop, ct).ConfigureAwait(false);
        bool off = await WaitAsync(side, stop.Id, p => p.AllOff >= n && side.Sender.AnsweredCount(stop.Id) >= n, ct).ConfigureAwait(false);
        Check(result, off, stations ? $"round {round}: relays not all off after the stop" : $"baseline round {round}: stop not answered by all");
        await Task.Delay(Settle, ct).ConfigureAwait(false);
        if (measured)
        {
            side.Sampler.Pause(broker.BrokerCpuSeconds);
        }

        string label = round < 0 ? "warm-up" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        double resultP99 = LatencyStats.From(results.Values.Select(t => (double)(t - t0))).P99;
        _log(stations
            ? $"round {label}: relays on p99 {LatencyStats.From(roundFirst).P99} ms, result p99 {resultP99} ms"
            : $"baseline round {label}: received p99 {LatencyStats.From(roundFirst).P99} ms, result p99 {resultP99} ms");
    }

    /// <summary>
    /// From a station's relay timeline: the first "on" write at or after <paramref name="sinceUtcMs"/>, and the
    /// time the last of the emergency's lines was connected (0 when some line never was).
    /// </summary>
    public static (long FirstOn, long LinesOn) RelayTimes(IReadOnlyList<RelayTimelineEntry> timeline, long sinceUtcMs)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        long first = 0;
        long lines = 0;
        int connected = 0;
        foreach (RelayTimelineEntry e in timeline)
        {
            if (e.UtcMs < sinceUtcMs || !e.Write.On)
            {
                continue;
            }

            first = first == 0 ? e.UtcMs : first;
            if (e.Write.Role == Core.Relays.RelayRole.Line && (AllLines & (1 << e.Write.Index)) != 0 && (connected & (1 << e.Write.Index)) == 0)
            {
                connected |= 1 << e.Write.Index;
                lines = Math.Max(lines, e.UtcMs);
            }
        }

        return (first, connected == AllLines ? lines : 0);
    }

    private static async Task<bool> WaitAsync(SideRun side, string commandId, Func<FanoutProgress, bool> done, CancellationToken ct)
    {
        var timeout = Stopwatch.StartNew();
        while (!done(side.Side.Progress(commandId)))
        {
            side.Sampler.Sample();
            if (timeout.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }

        return true;
    }

    // Each station's first answer to the command (the accepted one only when acceptedOnly), when it arrived.
    private static Dictionary<string, long> ResultsFor(FleetObserver sender, string commandId, bool acceptedOnly)
    {
        var byStation = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (CommandResultRecord r in sender.ResultsFor(commandId))
        {
            if (r.Accepted || !acceptedOnly)
            {
                byStation.TryAdd(r.Station, r.ReceivedUtcMs);
            }
        }

        return byStation;
    }


    private static void Check(FanoutResult result, bool ok, string problem)
    {
        if (!ok)
        {
            result.Problems.Add(problem);
        }
    }

    // One side's sender, samples and figures over its measured rounds.
    private sealed class SideRun
    {
        private readonly int _fleetPrefixLength;

        public SideRun(FanoutSide side, bool stations, FleetObserver sender, int fleetPrefixLength)
        {
            Side = side;
            Stations = stations;
            Sender = sender;
            _fleetPrefixLength = fleetPrefixLength;
        }

        public FanoutSide Side { get; }

        public bool Stations { get; }

        public FleetObserver Sender { get; }

        public ProcessSampler Sampler { get; } = new();

        public List<double> First { get; } = new();

        public List<double> Lines { get; } = new();

        public List<double> Answered { get; } = new();

        public double MaxTickMs { get; set; }

        public long TickErrors { get; set; }

        // Publishes the command under this side's prefix (signed for the fleet's topic; the bare clients do not
        // check signatures) and returns the wall-clock time just before sending.
        public async Task<long> PublishAsync(SignedCommand command, CancellationToken ct)
        {
            if (Stations)
            {
                return await Sender.PublishAsync(command, ct).ConfigureAwait(false);
            }

            long sentUtcMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Sender.PublishRawAsync(BaselinePrefix + command.Topic[_fleetPrefixLength..], command.Payload, false, ct).ConfigureAwait(false);
            return sentUtcMs;
        }
    }
}
