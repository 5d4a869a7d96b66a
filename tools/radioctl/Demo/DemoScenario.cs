using CommuneRadio.Core.Events;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Relays;

namespace CommuneRadio.Cli.Demo;

/// <summary>
/// A scripted morning at one commune station, run in fake time with the device's Core:
/// 05:30 the daily news slot starts; 05:40 a national storm warning preempts it for five minutes and the
/// slot resumes; 05:50 the power fails for two minutes and the station reboots without a clock; 05:53 the
/// time server answers and the slot plays its remainder until 06:00.
/// </summary>
public sealed class DemoScenario
{
    private const int TickMs = 250;
    private const int Offset = 420;
    private static readonly long MondayUtc = LocalCalendar.ToUtc(LocalCalendar.DayFromDate(2026, 11, 23), 0, Offset);

    private readonly DemoResult _result = new();
    private StationCore _core = null!;
    private SimulatedRelayBoard _board = null!;
    private long _mono;
    private long _utc;

    /// <summary>The eight-relay board: two amplifiers, four speaker lines, two audio sources (active-low module).</summary>
    public static StationSettings EightRelaySettings()
    {
        RelayChannel[] amps = { new(25, true, 0), new(26, true, 0) };
        RelayChannel[] lines = { new(16, true, 0), new(17, true, 0), new(18, true, 1), new(19, true, 1) };
        RelayChannel[] sources = { new(21, true, 0), new(22, true, 0) };
        return new StationSettings(new RelayLayout(amps, lines, sources));
    }

    /// <summary>Runs the script and returns what happened.</summary>
    public DemoResult Run()
    {
        _utc = At(5, 0);
        _mono = 1000;
        Start(synced: true);

        ScheduleItem news = new()
        {
            Id = "morning-news", Kind = ItemKind.Weekly, DaysMask = 0x7F, StartSecond = (5 * 60 + 30) * 60,
            DurationSeconds = 30 * 60, Class = BroadcastClass.Normal, Level = IssuerLevel.Commune,
            Issuer = "commune-an-binh", Lines = 0xF, Source = 0,
        };
        Note("commune schedules the daily 05:30 news (30 min, all lines, source 0)");
        Check(_core.AddItem(news, Now).Accepted, "add item refused");
        Apply(_core.Effects);

        RunUntil(At(5, 40));
        Note("national centre: storm warning, 5 min, all lines, source 1");
        long issued = _mono;
        Check(_core.StartEmergency("storm-0540", "national", IssuerLevel.National, "ncdc", 300, 0xF, 1, Now).Accepted, "emergency refused");
        Apply(_core.Effects);
        while (!_core.Relays.Delivering && _mono - issued < 10000)
        {
            Tick();
        }

        _result.EmergencyLatencyMs = _mono - issued;
        RunUntil(At(5, 50));
        Note("power cut: every relay coil drops");
        PowerCycle(2 * 60000);
        Note("power back: station boots without a clock; relays forced off");
        RunUntil(At(5, 53));
        Note("time server answers");
        Apply(_core.ClockSynced(Now));
        RunUntil(At(6, 10));

        _result.AllOffAtEnd = _core.Relays.AllOutputsOff && _board.AmplifierMask == 0 && _board.LinesMask == 0;
        Check(_result.AllOffAtEnd, "relays left on");
        Check(_result.EmergencyLatencyMs is >= 0 and <= 3000, "emergency took longer than 3 s");
        Check(_result.Events.Exists(e => e.Kind == "resumed" && e.Programme == "morning-news"), "the news did not resume after the warning");
        return _result;
    }

    private Instant Now => new(_mono, _utc);

    private static long At(int hour, int minute) => MondayUtc + (hour * 60L + minute) * 60000;

    private void Start(bool synced, Schedule? restore = null)
    {
        _core = new StationCore(EightRelaySettings());
        _board = new SimulatedRelayBoard(_core.Settings.Relays);
        for (int i = 0; restore != null && i < restore.Count; i++)
        {
            ScheduleEntry e = restore.EntryAt(i);
            _core.RestoreItem(e.Item, e.SettledUntilUtcMs, e.HasWatermark);
        }

        Apply(_core.Boot(Now));
        if (synced)
        {
            Apply(_core.ClockSynced(Now));
        }
    }

    private void PowerCycle(long offMs)
    {
        Schedule kept = _core.Schedule;
        _utc += offMs;
        _mono = 300;
        Start(synced: false, restore: kept);
    }

    private void RunUntil(long utc)
    {
        while (_utc < utc)
        {
            Tick();
        }
    }

    private void Tick()
    {
        _mono += TickMs;
        _utc += TickMs;
        Apply(_core.Tick(Now));
    }

    private void Apply(Effects effects)
    {
        _board.Apply(effects, _utc);
        for (int i = 0; i < effects.Writes.Count; i++)
        {
            _result.Relays.Add(new RelayTimelineEntry(_utc, effects.Writes.At(i)));
        }

        while (_core.Events.Count > 0)
        {
            PlayEvent e = _core.Events.Dequeue();
            _result.Events.Add(new DemoEvent(e.AtUtcMs, PlayNames.Of(e.Kind), e.ProgrammeId, PlayNames.Of(e.Reason)));
        }
    }

    private void Note(string text) => _result.Notes.Add(new DemoNote(_utc, text));

    private void Check(bool condition, string problem)
    {
        if (!condition)
        {
            _result.Problems.Add(problem);
        }
    }
}
