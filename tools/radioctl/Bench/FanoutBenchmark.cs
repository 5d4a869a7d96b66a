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
/// one province (every station subscribes to <c>g/prov.*</c>); the sender is a <see cref="FleetObserver"/> that
/// signs with the province issuer's key.</item>
/// <item>Baseline first: N <see cref="BareClientFleet"/> clients. Then N <see cref="SimulatedStation"/>s
/// (<see cref="SimulatedFleet"/>, ticked every 250 ms), which start with every relay off.</item>
/// <item>Each round publishes <c>emergency.start</c> (lines 0-3, source 1) to the group and waits until every
/// station has all four lines connected and every result is back; then <c>emergency.stop</c> and waits until every
/// relay is off again, so each round starts from the same all-off state. The bare clients answer both commands
/// the same way. <see cref="Warmup"/> unmeasured rounds come first on each side (JIT, connection buffers).</item>
/// </list>
/// </summary>
public sealed class FanoutBenchmark
{
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
        FileLimit.TryRaise(BenchBroker.Wanted(_stations));
        FleetFile fleet = FleetGenerator.Generate(_stations, provinces: 1);
        await using BenchBroker broker = await BenchBroker.StartAsync(_stations, ct).ConfigureAwait(false);
        fleet.Broker = $"mqtt://{broker.Mosquitto.Host}:{broker.Mosquitto.Port}";
        result.Machine = MachineInfo.Collect(broker);
        FleetIssuer province = fleet.Issuers.First(i => i.Level == "province");
        var sender = new Sender(new CommandIssuer(fleet, province), province.Scopes[0], new FleetObserver(fleet.Prefix));
        FanoutSide Side(bool stations) => stations
            ? FanoutSide.Stations(fleet, _ => broker.Mosquitto.CreateClientOptions())
            : FanoutSide.Bare(fleet, _ => broker.Mosquitto.CreateClientOptions());

        await using (sender.Observer.ConfigureAwait(false))
        {
            await sender.Observer.StartAsync(broker.Mosquitto.CreateClientOptions("bench-sender"), ct).ConfigureAwait(false);
            _log($"{fleet.Broker}; {_stations} stations in {sender.Group}; {result.Machine}");
            await using (FanoutSide bare = Side(false))
            {
                await RunSideAsync(bare, false, broker, sender, result, ct).ConfigureAwait(false);
            }

            await using (FanoutSide stations = Side(true))
            {
                await RunSideAsync(stations, true, broker, sender, result, ct).ConfigureAwait(false);
            }
        }

        result.Elapsed = clock.Elapsed;
        return result;
    }

    // The rounds of one side. Stations: first relay write and all lines connected; bare clients: command received.
    private async Task RunSideAsync(FanoutSide side, bool stations, BenchBroker broker, Sender sender, FanoutResult result, CancellationToken ct)
    {
        string name = stations ? "stations" : "baseline";
        var first = new List<double>();
        var linesOn = new List<double>();
        var answered = new List<double>();
        await side.StartAsync(ct).ConfigureAwait(false);
        _log(stations ? $"stations: {side.Count} simulated stations connected and subscribed, relays off" : $"baseline: {side.Count} bare clients connected and subscribed");
        ProcessSampler? sampler = null;
        double brokerCpu = 0;
        double maxTick = 0;
        long tickErrors = 0;
        var wall = new Stopwatch();
        for (int round = -Warmup; round < _rounds; round++)
        {
            if (round == 0)
            {
                (sampler, brokerCpu) = (new ProcessSampler(), broker.BrokerCpuSeconds);
                wall.Start();
            }

            SignedCommand start = sender.Issuer.Create(sender.Group, "emergency.start", ArgsJson.Emergency(EmergencySeconds, AllLines, EmergencySource));
            var burst = new BurstCpu(broker);
            long t0 = await sender.Observer.PublishAsync(start, ct).ConfigureAwait(false);
            int n = side.Count;

            // First every station switched (bare client: received) and answered — the burst of work —, then the warm-up to the lines.
            bool switched = await WaitAsync(side, start.Id, p => p.Switched >= n && sender.Observer.AnsweredCount(start.Id) >= n, sampler, ct).ConfigureAwait(false);
            burst.Stop(round >= 0 ? (stations ? result.StationsBurst : result.BaselineBurst) : null);
            bool done = switched && await WaitAsync(
                side,
                start.Id,
                p =>
                {
                    maxTick = round >= 0 ? Math.Max(maxTick, p.MaxTickMs) : maxTick;
                    tickErrors = p.TickErrors;
                    return p.AllLines >= n;
                },
                sampler,
                ct).ConfigureAwait(false);
            IReadOnlyList<MemberTimes> times = side.Times(start.Id, t0);
            Dictionary<string, long> results = sender.ResultsFor(start.Id, acceptedOnly: stations);
            List<double> roundFirst = times.Where(t => t.First > 0).Select(t => (double)(t.First - t0)).ToList();
            int delivered = times.Count(t => t.Lines > 0);
            if (round >= 0)
            {
                first.AddRange(roundFirst);
                linesOn.AddRange(times.Where(t => t.Lines > 0).Select(t => (double)(t.Lines - t0)));
                answered.AddRange(results.Values.Select(t => (double)(t - t0)));
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
            SignedCommand stop = sender.Issuer.Create(sender.Group, "emergency.stop", "{}");
            await sender.Observer.PublishAsync(stop, ct).ConfigureAwait(false);
            bool off = await WaitAsync(side, stop.Id, p => p.AllOff >= n && sender.Observer.AnsweredCount(stop.Id) >= n, sampler, ct).ConfigureAwait(false);
            Check(result, off, stations ? $"round {round}: relays not all off after the stop" : $"baseline round {round}: stop not answered by all");
            await Task.Delay(Settle, ct).ConfigureAwait(false);
            string label = round < 0 ? "warm-up" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            double resultP99 = LatencyStats.From(results.Values.Select(t => (double)(t - t0))).P99;
            _log(stations
                ? $"round {label}: relays on p99 {LatencyStats.From(roundFirst).P99} ms, result p99 {resultP99} ms"
                : $"baseline round {label}: received p99 {LatencyStats.From(roundFirst).P99} ms, result p99 {resultP99} ms");
        }

        string process = sampler?.ToString() ?? string.Empty;
        double brokerCores = Cores(broker.BrokerCpuSeconds - brokerCpu, wall.Elapsed);
        if (stations)
        {
            result.RelayOn = LatencyStats.From(first);
            result.LinesOn = LatencyStats.From(linesOn);
            result.Result = LatencyStats.From(answered);
            result.StationsProcess = process;
            result.MaxTickMs = Math.Round(maxTick, 1);
            result.BrokerCpuCores = (brokerCores, result.BrokerCpuCores.Baseline);
            Check(result, tickErrors == 0, $"{tickErrors} station ticks threw");
        }
        else
        {
            result.BaselineReceived = LatencyStats.From(first);
            result.BaselineResult = LatencyStats.From(answered);
            result.BaselineProcess = process;
            result.BrokerCpuCores = (result.BrokerCpuCores.Stations, brokerCores);
        }

        await side.StopAsync().ConfigureAwait(false);
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

    private static async Task<bool> WaitAsync(FanoutSide side, string commandId, Func<FanoutProgress, bool> done, ProcessSampler? sampler, CancellationToken ct)
    {
        var timeout = Stopwatch.StartNew();
        while (!done(side.Progress(commandId)))
        {
            sampler?.Sample();
            if (timeout.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }

        return true;
    }

    private static double Cores(double cpuSeconds, TimeSpan wall) => wall.TotalSeconds <= 0 ? 0 : Math.Round(cpuSeconds / wall.TotalSeconds, 2);

    private static void Check(FanoutResult result, bool ok, string problem)
    {
        if (!ok)
        {
            result.Problems.Add(problem);
        }
    }

    private sealed record Sender(CommandIssuer Issuer, string Group, FleetObserver Observer)
    {
        public Dictionary<string, long> ResultsFor(string commandId, bool acceptedOnly = false)
        {
            var byStation = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (CommandResultRecord r in Observer.ResultsFor(commandId))
            {
                if (r.Accepted || !acceptedOnly)
                {
                    byStation.TryAdd(r.Station, r.ReceivedUtcMs);
                }
            }

            return byStation;
        }
    }
}
