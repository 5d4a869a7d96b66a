using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// <c>radioctl bench national --provinces K --stations N</c>: a national emergency through Mosquitto bridges.
/// <list type="number">
/// <item>A national Mosquitto (plain listener for the senders, TLS listener for the bridges) and K provincial ones,
/// each its own process (<see cref="BenchBroker"/>, so descriptors are counted per broker), each province bridged to
/// the national broker by the lines <see cref="FleetFederation.BridgeConfiguration"/> generates for
/// <c>radioctl broker --province</c> (TLS, QoS 1, cleansession false) plus the same lines for the baseline's prefix.
/// Listeners are anonymous and without ACL, as in <c>bench fanout</c>.</item>
/// <item>N stations (<see cref="FleetGenerator"/>, K provinces), each on its province's broker, and N bare clients
/// (<see cref="BareClientFleet"/>) beside them under <see cref="FanoutBenchmark.BaselinePrefix"/>: the same brokers, the
/// same bridges. Both senders sit on the national broker.</item>
/// <item>Rounds alternate the sides as in <c>bench fanout</c> (both connected at once); when this process cannot hold
/// 2N connections (its descriptor limit) every baseline round runs first with only the bare clients connected, then
/// the stations' rounds (<see cref="NationalResult.Sequential"/>, said in the output).</item>
/// <item>A round: <c>emergency.start</c> to <c>g/vn</c> signed by the national issuer; measured per member publish →
/// first relay on (bare client: received) and publish → result at the national sender; then <c>emergency.stop</c>
/// until every relay is off.</item>
/// </list>
/// </summary>
public sealed class NationalBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(60);
    private readonly int _provinces;
    private readonly int _stations;
    private readonly int _rounds;
    private readonly Action<string> _log;

    /// <summary>Creates the benchmark; <paramref name="log"/> receives progress lines.</summary>
    public NationalBenchmark(int provinces, int stations, int rounds, Action<string> log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(provinces, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stations, provinces);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        _provinces = provinces;
        _stations = stations;
        _rounds = rounds;
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Unmeasured rounds before the measured ones, on each side (default 1).</summary>
    public int Warmup { get; init; } = 1;

    /// <summary>Runs the benchmark. Throws <see cref="System.IO.FileNotFoundException"/> when Mosquitto is missing.</summary>
    public async Task<NationalResult> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long limit = FileLimit.TryRaise(BenchBroker.Wanted(2 * _stations));
        bool sequential = limit > 0 && limit < (2L * _stations) + 512;
        var result = new NationalResult { Provinces = _provinces, Stations = _stations, Rounds = _rounds, Warmup = Warmup, Sequential = sequential };
        FleetFile fleet = FleetGenerator.Generate(_stations, communes: Math.Max((_stations + 9) / 10, _provinces), provinces: _provinces);
        var baselineFleet = new FleetFile { Prefix = FanoutBenchmark.BaselinePrefix, Stations = fleet.Stations, Issuers = fleet.Issuers };
        IReadOnlyList<string> provinces = FleetFederation.Provinces(fleet);
        await using var brokers = new NationalBrokers();
        brokers.National = await BenchBroker.StartAsync(4 + (2 * provinces.Count), o => o.EnableTls = true, ct).ConfigureAwait(false);
        string caFile = System.IO.Path.Combine(brokers.National.Mosquitto.WorkingDirectory, "ca.pem");
        var timing = new BridgeTiming { RestartTimeout = "1 5" };
        foreach (string province in provinces)
        {
            var link = new BridgeLink
            {
                Province = province,
                Address = $"mqtts://127.0.0.1:{brokers.National.Mosquitto.TlsPort}",
                Username = FleetFederation.BridgeUser(province),
                Password = "bench",
                CaPem = "bench",
            };
            int members = fleet.Stations.Count(s => s.Province == province);
            string bridge = FleetFederation.BridgeConfiguration(fleet, province, link, caFile, timing) + FleetFederation.BridgeTopicLines(baselineFleet, province);
            brokers.Provinces[province] = await BenchBroker.StartAsync((2 * members) + 4, o => o.ExtraConfiguration += "\n" + bridge, ct).ConfigureAwait(false);
        }

        result.Machine = MachineInfo.Collect(brokers.National);
        await using var stationsSender = new FleetObserver(fleet.Prefix);
        await using var baselineSender = new FleetObserver(FanoutBenchmark.BaselinePrefix);
        await stationsSender.StartAsync(brokers.National.Mosquitto.CreateClientOptions("bench-national-sender"), ct).ConfigureAwait(false);
        await baselineSender.StartAsync(brokers.National.Mosquitto.CreateClientOptions("bench-national-sender-baseline"), ct).ConfigureAwait(false);
        await brokers.WaitBridgesAsync(provinces, ct).ConfigureAwait(false);
        result.IdleRssBytes = brokers.Provinces.Values.Sum(b => b.BrokerRssBytes);
        _log($"national broker + {provinces.Count} provincial brokers bridged over TLS; {_stations} stations and as many bare clients{(sequential ? $" one side at a time (descriptor limit {limit})" : ", rounds alternating")}; {result.Machine}");

        var issuer = new CommandIssuer(fleet, fleet.Issuer(FleetGenerator.NationalIssuer));
        var baseline = new Side("baseline", FanoutSide.Bare(fleet, s => brokers.Provinces[s.Province].Mosquitto.CreateClientOptions(), FanoutBenchmark.BaselinePrefix, "bare-"), baselineSender, fleet.Prefix.Length);
        var stations = new Side("stations", FanoutSide.Stations(fleet, s => brokers.Provinces[s.Province].Mosquitto.CreateClientOptions()), stationsSender, null);
        try
        {
            if (sequential)
            {
                await RunSidesAsync(new[] { baseline }, issuer, result, brokers, ct).ConfigureAwait(false);
                await baseline.DisposeAsync().ConfigureAwait(false);
                await RunSidesAsync(new[] { stations }, issuer, result, brokers, ct).ConfigureAwait(false);
            }
            else
            {
                await RunSidesAsync(new[] { baseline, stations }, issuer, result, brokers, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await stations.DisposeAsync().ConfigureAwait(false);
            await baseline.DisposeAsync().ConfigureAwait(false);
        }

        result.RelayOn = LatencyStats.From(stations.First);
        result.Result = LatencyStats.From(stations.Answered);
        result.BaselineReceived = LatencyStats.From(baseline.First);
        result.BaselineResult = LatencyStats.From(baseline.Answered);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    private async Task RunSidesAsync(Side[] sides, CommandIssuer issuer, NationalResult result, NationalBrokers brokers, CancellationToken ct)
    {
        foreach (Side side in sides)
        {
            long before = brokers.Provinces.Values.Sum(b => b.BrokerRssBytes);
            await side.Members.StartAsync(ct).ConfigureAwait(false);
            long after = brokers.Provinces.Values.Sum(b => b.BrokerRssBytes);
            result.RssPerConnection[side.Name] = (after - before) / (double)side.Members.Count;
            _log($"{side.Name}: {side.Members.Count} connected and subscribed on {brokers.Provinces.Count} provincial brokers (+{(after - before) / 1048576.0:F1} MB broker RSS)");
        }

        for (int round = -Warmup; round < _rounds; round++)
        {
            foreach (Side side in (round & 1) == 0 ? sides : sides.Reverse())
            {
                await RunRoundAsync(side, round, issuer, result, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task RunRoundAsync(Side side, int round, CommandIssuer issuer, NationalResult result, CancellationToken ct)
    {
        int n = side.Members.Count;
        bool stations = side.Prefix is null;
        // Stations hold per-province keys: a national command goes out as one signed copy per province, one id.
        IReadOnlyList<AddressedCommand> starts = issuer.CreateAll(FleetGroups.Target(FleetGroups.National), "emergency.start", ArgsJson.Emergency(600, FanoutSide.AllLines, 1));
        SignedCommand start = starts[0].Command;
        long t0 = await PublishAllAsync(side, starts, ct).ConfigureAwait(false);
        bool done = await WaitAsync(() => side.Members.Progress(start.Id).Switched >= n && side.Sender.AnsweredCount(start.Id) >= n, ct).ConfigureAwait(false);
        IReadOnlyList<MemberTimes> times = side.Members.Times(start.Id, t0);
        var results = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (CommandResultRecord r in side.Sender.ResultsFor(start.Id))
        {
            if (r.Accepted || !stations)
            {
                results.TryAdd(r.Station, r.ReceivedUtcMs);
            }
        }

        List<double> first = times.Where(t => t.First > 0).Select(t => (double)(t.First - t0)).ToList();
        if (round >= 0)
        {
            side.First.AddRange(first);
            side.Answered.AddRange(results.Values.Select(t => (double)(t - t0)));
            if (stations)
            {
                result.Delivered += first.Count;
                result.Accepted += results.Count;
            }
            else
            {
                result.BaselineDelivered += first.Count;
                result.BaselineAnswered += results.Count;
            }
        }

        if (!done)
        {
            result.Problems.Add($"{side.Name} round {round}: {n - first.Count} members without the emergency, {n - results.Count} results missing at the national sender");
        }

        IReadOnlyList<AddressedCommand> stops = issuer.CreateAll(FleetGroups.Target(FleetGroups.National), "emergency.stop", "{}");
        SignedCommand stop = stops[0].Command;
        await PublishAllAsync(side, stops, ct).ConfigureAwait(false);
        if (!await WaitAsync(() => side.Members.Progress(stop.Id).AllOff >= n && side.Sender.AnsweredCount(stop.Id) >= n, ct).ConfigureAwait(false))
        {
            result.Problems.Add($"{side.Name} round {round}: stop not answered by all (or relays not all off)");
        }

        await Task.Delay(500, ct).ConfigureAwait(false);
        _log($"{side.Name} round {(round < 0 ? "warm-up" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}: "
            + $"{(stations ? "relays on" : "received")} p99 {LatencyStats.From(first).P99} ms, result at national p99 {LatencyStats.From(results.Values.Select(t => (double)(t - t0))).P99} ms, {first.Count}/{n} reached, {results.Count}/{n} results");
    }

    /// <summary>Publishes every copy; the time of the first publish (latencies count from it).</summary>
    private static async Task<long> PublishAllAsync(Side side, IReadOnlyList<AddressedCommand> copies, CancellationToken ct)
    {
        long t0 = await side.PublishAsync(copies[0].Command, ct).ConfigureAwait(false);
        for (int i = 1; i < copies.Count; i++)
        {
            await side.PublishAsync(copies[i].Command, ct).ConfigureAwait(false);
        }

        return t0;
    }

    private static async Task<bool> WaitAsync(Func<bool> done, CancellationToken ct)
    {
        var timeout = Stopwatch.StartNew();
        while (!done())
        {
            if (timeout.Elapsed > RoundTimeout)
            {
                return false;
            }

            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }

        return true;
    }

    // One side: its members, its sender on the national broker, its samples. Prefix null = the stations (fleet prefix).
    private sealed class Side : IAsyncDisposable
    {
        private readonly int? _fleetPrefixLength;
        private bool _disposed;

        public Side(string name, FanoutSide members, FleetObserver sender, int? fleetPrefixLength)
        {
            Name = name;
            Members = members;
            Sender = sender;
            _fleetPrefixLength = fleetPrefixLength;
        }

        public string Name { get; }

        public FanoutSide Members { get; }

        public FleetObserver Sender { get; }

        public string? Prefix => _fleetPrefixLength is null ? null : FanoutBenchmark.BaselinePrefix;

        public List<double> First { get; } = new();

        public List<double> Answered { get; } = new();

        public async ValueTask DisposeAsync()
        {
            if (!_disposed)
            {
                _disposed = true;
                await Members.DisposeAsync().ConfigureAwait(false);
            }
        }

        public async Task<long> PublishAsync(SignedCommand command, CancellationToken ct)
        {
            if (_fleetPrefixLength is not int cut)
            {
                return await Sender.PublishAsync(command, ct).ConfigureAwait(false);
            }

            long sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Sender.PublishRawAsync(FanoutBenchmark.BaselinePrefix + command.Topic[cut..], command.Payload, false, ct).ConfigureAwait(false);
            return sent;
        }
    }
}
