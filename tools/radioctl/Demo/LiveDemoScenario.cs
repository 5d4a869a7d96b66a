using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Broker;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Demo;

/// <summary>
/// The live demo: a local Mosquitto, 20 simulated stations of one province in two communes (real MQTT, wall
/// clock), and the province's server (a <see cref="FleetObserver"/>) that
/// <list type="number">
/// <item>has each commune schedule a 16 s announcement (lines 0-3, source 0) starting a few seconds ahead;</item>
/// <item>5 s into it, pushes a 5 s emergency (source 1) to the province group, signed with the province key;</item>
/// <item>collects every station's proof-of-play events and checks: announcement started everywhere, emergency
/// on the speakers within 3 s of publishing (EN 54-16), the announcement preempted, resumed and ended, every
/// relay off at the end.</item>
/// </list>
/// About 25 s in all.
/// </summary>
public sealed class LiveDemoScenario
{
    /// <summary>Announcement item id.</summary>
    public const string AnnouncementId = "announcement";

    private const int LeadSeconds = 4;
    private const int AnnouncementSeconds = 16;
    private const int EmergencyAfterSeconds = 5;
    private const int EmergencySeconds = 5;
    private const int AllLines = 0xF;
    private static readonly TimeSpan EnDeadline = TimeSpan.FromSeconds(3);

    private readonly int _stations;
    private readonly Action<string> _log;
    private readonly string? _broker;
    private readonly LiveDemoResult _result = new();

    /// <summary>
    /// Creates the scenario; <paramref name="log"/> receives progress lines (or nothing in quiet mode);
    /// <paramref name="broker"/> is the <c>--broker</c> value (<see cref="BrokerTarget"/>; null = embedded).
    /// </summary>
    public LiveDemoScenario(int stations, Action<string> log, string? broker = null)
    {
        _stations = stations;
        _log = log;
        _broker = broker;
    }

    /// <summary>
    /// Runs the demo. Throws <see cref="System.IO.FileNotFoundException"/> when <c>--broker mosquitto</c> is not
    /// installed, <see cref="FormatException"/> for a bad <c>--broker</c> value.
    /// </summary>
    public async Task<LiveDemoResult> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        FleetFile fleet = FleetGenerator.Generate(_stations, communes: 2, provinces: 1);
        await using BrokerTarget broker = await BrokerTarget.StartAsync(_broker, ct).ConfigureAwait(false);
        fleet.Broker = broker.Address.ToString();
        await using var observer = new FleetObserver(fleet.Prefix);
        await observer.StartAsync(broker.CreateClientOptions("province-server"), ct).ConfigureAwait(false);
        await using var simulated = new SimulatedFleet(fleet, _ => broker.CreateClientOptions());
        await simulated.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        bool online = await observer.WaitUntilAsync(o => fleet.Stations.All(s => o.Online.GetValueOrDefault(s.Id)), TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        Check(online, "not every station announced itself online");
        _log($"{Now()}  broker {fleet.Broker} ({broker.Description}); {simulated.Stations.Count} stations online in 2 communes of {fleet.Stations[0].Province}");

        try
        {
            await PlayAsync(fleet, simulated, observer, ct).ConfigureAwait(false);
        }
        finally
        {
            await simulated.StopAsync().ConfigureAwait(false);
        }

        bool offline = await observer.WaitUntilAsync(o => fleet.Stations.All(s => !o.Online.GetValueOrDefault(s.Id, true)), TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
        Check(offline, "not every station reported offline after the clean shutdown");
        _log($"{Now()}  clean shutdown: every station published {{\"online\":false}} and disconnected");
        _result.Elapsed = clock.Elapsed;
        return _result;
    }

    private async Task PlayAsync(FleetFile fleet, SimulatedFleet simulated, FleetObserver observer, CancellationToken ct)
    {
        long nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long startUtc = (nowMs / 1000 + LeadSeconds + 1) * 1000;
        _result.AnnouncementUtcMs = startUtc;
        var commands = new List<string>();
        foreach (FleetIssuer commune in fleet.Issuers.Where(i => i.Level == "commune"))
        {
            string args = ArgsJson.ScheduleOnce(AnnouncementId, ArgsJson.LocalTime(startUtc), AnnouncementSeconds, "normal", AllLines, 0);
            SignedCommand add = new CommandIssuer(fleet, commune).Create(commune.Scopes[0], "schedule.add", args);
            commands.Add(add.Id);
            await observer.PublishAsync(add, ct).ConfigureAwait(false);
        }

        _log($"{Now()}  each commune schedules a {AnnouncementSeconds} s announcement for {Local(startUtc)} (lines 0-3, source 0)");
        await DelayUntil(startUtc + EmergencyAfterSeconds * 1000, ct).ConfigureAwait(false);

        FleetIssuer province = fleet.Issuers.First(i => i.Level == "province");
        SignedCommand emergency = new CommandIssuer(fleet, province).Create(province.Scopes[0], "emergency.start", ArgsJson.Emergency(EmergencySeconds, AllLines, 1));
        commands.Add(emergency.Id);
        _result.EmergencyPublishedUtcMs = await observer.PublishAsync(emergency, ct).ConfigureAwait(false);
        _log($"{Now()}  {province.Name} pushes a {EmergencySeconds} s emergency to {province.Scopes[0]} (source 1)");

        long endUtc = startUtc + AnnouncementSeconds * 1000;
        int n = fleet.Stations.Count;
        bool ended = await observer.WaitUntilAsync(
            o => o.Events.Count(e => e.Kind == "ended" && e.Programme == AnnouncementId) >= n,
            TimeSpan.FromMilliseconds(endUtc - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5000), ct).ConfigureAwait(false);
        Check(ended, "the announcement did not end everywhere");
        _log($"{Now()}  the announcement ended; waiting for the amplifiers to switch off");

        // Lines go off at the end, amplifiers LineOffToAmpOffMs (1 s) later.
        var deadline = Stopwatch.StartNew();
        while (simulated.Stations.Any(s => s.Board.AmplifierMask != 0 || s.Board.LinesMask != 0) && deadline.Elapsed < TimeSpan.FromSeconds(4))
        {
            await Task.Delay(100, ct).ConfigureAwait(false);
        }

        Collect(simulated, observer, commands);
    }

    private void Collect(SimulatedFleet simulated, FleetObserver observer, List<string> commands)
    {
        IReadOnlyList<PlayEventRecord> events = observer.Events;
        IReadOnlyList<CommandResultRecord> results = observer.Results.Where(r => r.Id is not null && commands.Contains(r.Id)).ToList();
        _result.Accepted = results.Count(r => r.Accepted);
        _result.Refused = results.Count(r => !r.Accepted);
        Check(_result.Refused == 0, $"{_result.Refused} commands refused ({string.Join(", ", results.Where(r => !r.Accepted).Select(r => r.Reason).Distinct())})");
        foreach (SimulatedStation s in simulated.Stations)
        {
            PlayEventRecord? First(Func<PlayEventRecord, bool> match) => events.FirstOrDefault(e => e.Station == s.Id && match(e));
            long firstRelay = s.Board.Timeline.FirstOrDefault(r => r.Write.On && r.UtcMs >= _result.AnnouncementUtcMs - 1000).UtcMs;
            var station = new LiveDemoStation(
                s.Id,
                firstRelay,
                First(e => e.Kind == "started" && e.Programme == AnnouncementId)?.AtUtcMs ?? 0,
                First(e => e.Kind == "started" && e.Class == "emergency")?.AtUtcMs ?? 0,
                First(e => e.Kind == "resumed" && e.Programme == AnnouncementId)?.AtUtcMs ?? 0,
                First(e => e.Kind == "ended" && e.Programme == AnnouncementId)?.AtUtcMs ?? 0,
                First(e => e.Kind == "preempted" && e.Programme == AnnouncementId) is not null,
                s.Board.AmplifierMask == 0 && s.Board.LinesMask == 0 && s.Board.Source < 0);
            _result.Stations.Add(station);
        }

        List<LiveDemoStation> all = _result.Stations;
        CheckAll(all, s => s.FirstRelayUtcMs > 0 && s.FirstRelayUtcMs - _result.AnnouncementUtcMs <= 1000, "relays not switched within 1 s of the announcement's time");
        CheckAll(all, s => s.AnnouncementStartUtcMs > 0, "announcement never started");
        CheckAll(all, s => s.AnnouncementStartUtcMs == 0 || s.AnnouncementStartUtcMs - _result.AnnouncementUtcMs <= EnDeadline.TotalMilliseconds, "announcement more than 3 s late");
        CheckAll(all, s => s.EmergencyStartUtcMs > 0, "emergency never on the speakers");
        CheckAll(all, s => s.EmergencyStartUtcMs == 0 || s.EmergencyStartUtcMs - _result.EmergencyPublishedUtcMs <= EnDeadline.TotalMilliseconds, "emergency took more than 3 s");
        CheckAll(all, s => s.Preempted, "announcement not reported preempted");
        CheckAll(all, s => s.ResumedUtcMs > 0, "announcement did not resume");
        CheckAll(all, s => s.EndedUtcMs > 0, "announcement did not end");
        CheckAll(all, s => s.RelaysOff, "relays left on");
    }

    private void CheckAll(List<LiveDemoStation> stations, Func<LiveDemoStation, bool> ok, string problem)
    {
        List<string> bad = stations.Where(s => !ok(s)).Select(s => s.Id).ToList();
        Check(bad.Count == 0, $"{problem} on {bad.Count} station(s) ({string.Join(", ", bad.Take(3))}{(bad.Count > 3 ? ", …" : string.Empty)})");
    }

    private void Check(bool condition, string problem)
    {
        if (!condition)
        {
            _result.Problems.Add(problem);
        }
    }

    private static async Task DelayUntil(long utcMs, CancellationToken ct)
    {
        long wait = utcMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Local wall time (+07:00) of a UTC instant, HH:mm:ss.fff.</summary>
    public static string Local(long utcMs) =>
        DateTime.UnixEpoch.AddMilliseconds(utcMs + ArgsJson.VietnamOffsetMinutes * 60000L).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Now() => Local(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
}
