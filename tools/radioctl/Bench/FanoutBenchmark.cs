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
    private const int AllLines = 0xF;
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
        await using (sender.Observer.ConfigureAwait(false))
        {
            await sender.Observer.StartAsync(broker.Mosquitto.CreateClientOptions("bench-sender"), ct).ConfigureAwait(false);
            _log($"{fleet.Broker}; {_stations} stations in {sender.Group}; {result.Machine}");
            await RunBaselineAsync(fleet, broker, sender, result, ct).ConfigureAwait(false);
            await RunStationsAsync(fleet, broker, sender, result, ct).ConfigureAwait(false);
        }

        result.Elapsed = clock.Elapsed;
        return result;
    }

    private async Task RunBaselineAsync(FleetFile fleet, BenchBroker broker, Sender sender, FanoutResult result, CancellationToken ct)
    {
        var received = new List<double>();
        var answered = new List<double>();
        await using var bare = new BareClientFleet(fleet, _ => broker.Mosquitto.CreateClientOptions());
        await bare.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        _log($"baseline: {bare.Count} bare clients connected and subscribed");
        ProcessSampler? sampler = null;
        double brokerCpu = 0;
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
            bool done = await WaitAsync(() => bare.ReceivedAt(start.Id).All(t => t > 0) && sender.Observer.AnsweredCount(start.Id) >= _stations, sampler, ct).ConfigureAwait(false);
            burst.Stop(round >= 0 ? result.BaselineBurst : null);
            long[] at = bare.ReceivedAt(start.Id);
            Dictionary<string, long> results = sender.ResultsFor(start.Id);
            if (round >= 0)
            {
                received.AddRange(at.Where(t => t > 0).Select(t => (double)(t - t0)));
                answered.AddRange(results.Values.Select(t => (double)(t - t0)));
                result.BaselineDelivered += at.Count(t => t > 0);
            }

            Check(result, done, $"baseline round {round}: {at.Count(t => t == 0)} clients without the command, {_stations - results.Count} results missing");
            SignedCommand stop = sender.Issuer.Create(sender.Group, "emergency.stop", "{}");
            await sender.Observer.PublishAsync(stop, ct).ConfigureAwait(false);
            Check(result, await WaitAsync(() => sender.Observer.AnsweredCount(stop.Id) >= _stations, sampler, ct).ConfigureAwait(false), $"baseline round {round}: stop not answered by all");
            await Task.Delay(Settle, ct).ConfigureAwait(false);
            _log($"baseline round {(round < 0 ? "warm-up" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}: received p99 {LatencyStats.From(at.Where(t => t > 0).Select(t => (double)(t - t0))).P99} ms, result p99 {LatencyStats.From(results.Values.Select(t => (double)(t - t0))).P99} ms");
        }

        result.BaselineReceived = LatencyStats.From(received);
        result.BaselineResult = LatencyStats.From(answered);
        result.BaselineProcess = sampler?.ToString() ?? string.Empty;
        result.BrokerCpuCores = (result.BrokerCpuCores.Stations, Cores(broker.BrokerCpuSeconds - brokerCpu, wall.Elapsed));
    }

    private async Task RunStationsAsync(FleetFile fleet, BenchBroker broker, Sender sender, FanoutResult result, CancellationToken ct)
    {
        var relayOn = new List<double>();
        var linesOn = new List<double>();
        var answered = new List<double>();
        await using var simulated = new SimulatedFleet(fleet, _ => broker.Mosquitto.CreateClientOptions());
        await simulated.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        IReadOnlyList<SimulatedStation> stations = simulated.Stations;
        _log($"stations: {stations.Count} simulated stations connected and subscribed, relays off");
        ProcessSampler? sampler = null;
        double brokerCpu = 0;
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

            // First every station switched and answered (the burst of work), then the warm-up to the lines.
            bool switched = await WaitAsync(() => stations.All(s => s.Board.AmplifierMask != 0) && sender.Observer.AnsweredCount(start.Id) >= _stations, sampler, ct).ConfigureAwait(false);
            burst.Stop(round >= 0 ? result.StationsBurst : null);
            bool done = switched && await WaitAsync(
                () =>
                {
                    sampler?.Note(simulated.Scheduler.LastTickDuration.TotalMilliseconds);
                    return stations.All(s => s.Board.LinesMask == AllLines) && sender.Observer.AnsweredCount(start.Id) >= _stations;
                },
                sampler,
                ct).ConfigureAwait(false);
            Dictionary<string, long> results = sender.ResultsFor(start.Id, acceptedOnly: true);
            int delivered = 0;
            var roundRelay = new List<double>();
            foreach (SimulatedStation s in stations)
            {
                (long first, long lines) = RelayTimes(s.Board.TimelineSince(t0), t0);
                if (first > 0)
                {
                    roundRelay.Add(first - t0);
                }

                if (lines > 0 && round >= 0)
                {
                    linesOn.Add(lines - t0);
                    delivered++;
                }
            }

            if (round >= 0)
            {
                relayOn.AddRange(roundRelay);
                answered.AddRange(results.Values.Select(t => (double)(t - t0)));
                result.Delivered += delivered;
                result.Accepted += results.Count;
            }

            Check(result, done, $"round {round}: {stations.Count(s => s.Board.LinesMask != AllLines)} stations without every line, {_stations - results.Count} accepted results missing");
            SignedCommand stop = sender.Issuer.Create(sender.Group, "emergency.stop", "{}");
            await sender.Observer.PublishAsync(stop, ct).ConfigureAwait(false);
            bool off = await WaitAsync(
                () => stations.All(s => s.Board.AmplifierMask == 0 && s.Board.LinesMask == 0 && s.Board.Source < 0) && sender.Observer.AnsweredCount(stop.Id) >= _stations,
                sampler,
                ct).ConfigureAwait(false);
            Check(result, off, $"round {round}: relays not all off after the stop");
            await Task.Delay(Settle, ct).ConfigureAwait(false);
            _log($"round {(round < 0 ? "warm-up" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}: relays on p99 {LatencyStats.From(roundRelay).P99} ms, result p99 {LatencyStats.From(results.Values.Select(t => (double)(t - t0))).P99} ms, tick {simulated.Scheduler.LastTickDuration.TotalMilliseconds:F1} ms");
        }

        result.RelayOn = LatencyStats.From(relayOn);
        result.LinesOn = LatencyStats.From(linesOn);
        result.Result = LatencyStats.From(answered);
        result.StationsProcess = sampler?.ToString() ?? string.Empty;
        result.MaxTickMs = Math.Round(sampler?.MaxNoted ?? 0, 1);
        result.BrokerCpuCores = (Cores(broker.BrokerCpuSeconds - brokerCpu, wall.Elapsed), result.BrokerCpuCores.Baseline);
        Check(result, simulated.Scheduler.Errors == 0, $"{simulated.Scheduler.Errors} station ticks threw: {simulated.Scheduler.FirstError?.Message}");
        await simulated.StopAsync().ConfigureAwait(false);
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

    private static async Task<bool> WaitAsync(Func<bool> done, ProcessSampler? sampler, CancellationToken ct)
    {
        var timeout = Stopwatch.StartNew();
        while (!done())
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
