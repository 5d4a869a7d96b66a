using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Relays;
using CommuneRadio.Host.Stations;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>
/// Simulated stations through a real Mosquitto on 127.0.0.1, on the wall clock: schedules a few seconds ahead
/// (1 s resolution, local time = UTC + 7 h), emergencies, last will and retained commands.
/// </summary>
[TestClass]
public sealed class StationOverMqttTests
{
    private const int AllLines = 0xF;

    [TestMethod]
    public async Task ScheduleAdd_ItemTwoSecondsAhead_SwitchesRelaysWithinOneSecondOfItsTime()
    {
        await using LiveFleet live = await LiveFleet.StartAsync(4);
        long startUtc = LiveFleet.NextSecondUtc(2000);
        FleetIssuer commune = live.IssuerEntry("commune");
        SignedCommand add = live.Issuer("commune").Create(commune.Scopes[0], "schedule.add", ArgsJson.ScheduleOnce("slot", ArgsJson.LocalTime(startUtc), 5, "normal", AllLines, 0));
        await live.PublishAsync(add);
        List<SimulatedStation> members = live.Stations.Stations.Where(s => Array.IndexOf(s.Endpoint.Settings.Groups, commune.Name) >= 0).ToList();

        await live.WaitForAsync(o => members.All(s => o.Events.Any(e => e.Station == s.Id && e.Kind == "started" && e.Programme == "slot")), TimeSpan.FromSeconds(10), "slot started on every commune member");

        Assert.AreEqual(2, members.Count);
        foreach (SimulatedStation s in members)
        {
            RelayTimelineEntry first = s.Board.Timeline.First(r => r.Write.On);
            Assert.IsTrue(first.UtcMs >= startUtc, $"{s.Id} switched {startUtc - first.UtcMs} ms before the item's time");
            Assert.IsTrue(first.UtcMs - startUtc <= 1000, $"{s.Id} switched {first.UtcMs - startUtc} ms after the item's time");
        }

        // The other commune's stations were not addressed and stay silent.
        Assert.IsTrue(live.Stations.Stations.Except(members).All(s => !s.Board.Timeline.Any(r => r.Write.On)));
    }

    [TestMethod]
    public async Task EmergencyStart_ToProvinceGroupDuringItem_PreemptsEveryMemberWithinOneSecondAndItemResumes()
    {
        await using LiveFleet live = await LiveFleet.StartAsync(4);
        long startUtc = LiveFleet.NextSecondUtc(1500);
        foreach (FleetIssuer commune in live.Fleet.Issuers.Where(i => i.Level == "commune"))
        {
            await live.PublishAsync(new CommandIssuer(live.Fleet, commune).Create(commune.Scopes[0], "schedule.add", ArgsJson.ScheduleOnce("slot", ArgsJson.LocalTime(startUtc), 30, "normal", AllLines, 0)));
        }

        int n = live.Fleet.Stations.Count;
        await live.WaitForAsync(o => Count(o, "started", "slot") == n, TimeSpan.FromSeconds(10), "slot on air everywhere");
        FleetIssuer province = live.IssuerEntry("province");
        SignedCommand emergency = live.Issuer("province").Create(province.Scopes[0], "emergency.start", ArgsJson.Emergency(3, AllLines, 1));
        long published = await live.PublishAsync(emergency);

        await live.WaitForAsync(o => Count(o, "preempted", "slot") == n && o.Events.Count(e => e.Kind == "started" && e.Programme == emergency.Id) == n, TimeSpan.FromSeconds(5), "emergency on every member");
        foreach (PlayEventRecord e in live.Observer.Events.Where(e => e.Kind == "preempted" && e.Programme == "slot"))
        {
            Assert.IsTrue(e.AtUtcMs - published <= 1000, $"{e.Station} preempted {e.AtUtcMs - published} ms after the emergency was published");
        }

        foreach (PlayEventRecord e in live.Observer.Events.Where(e => e.Kind == "started" && e.Programme == emergency.Id))
        {
            Assert.IsTrue(e.AtUtcMs - published <= 3000, $"{e.Station}: emergency on the speakers {e.AtUtcMs - published} ms after publishing (EN 54-16: 3 s)");
        }

        await live.WaitForAsync(o => Count(o, "resumed", "slot") == n, TimeSpan.FromSeconds(8), "slot resumed everywhere after the emergency");
        Assert.IsTrue(live.Stations.Stations.All(s => s.Board.LinesMask == AllLines && s.Board.Source == 0));
    }

    [TestMethod]
    public async Task KillAsync_OneStation_LastWillMarksItOfflineAndOthersStayOnline()
    {
        await using LiveFleet live = await LiveFleet.StartAsync(2);
        SimulatedStation victim = live.Stations.Stations[0];
        SimulatedStation other = live.Stations.Stations[1];

        await victim.KillAsync();

        await live.WaitForAsync(o => !o.Online.GetValueOrDefault(victim.Id, true), TimeSpan.FromSeconds(5), "the broker publishing the killed station's will");
        Assert.IsTrue(live.Observer.Online[other.Id]);
    }

    [TestMethod]
    public async Task RetainedCommand_LeftOnBrokerBeforeStart_IsNotExecutedAndRefusedAsRetained()
    {
        await using LiveFleet live = await LiveFleet.StartAsync(2, startStations: false);
        string station = live.Fleet.Stations[0].Id;
        SignedCommand ghost = live.Issuer("province").Create(FleetGroups.StationTarget(station), "emergency.start", ArgsJson.Emergency(60, AllLines, 0));
        await live.Observer.PublishRawAsync(ghost.Topic, ghost.Payload, retain: true);

        await live.StartStationsAsync();

        await live.WaitForAsync(o => o.Results.Any(r => r.Id == ghost.Id), TimeSpan.FromSeconds(5), "the result of the retained command");
        CommandResultRecord result = live.Observer.Results.Single(r => r.Id == ghost.Id);
        Assert.AreEqual(station, result.Station);
        Assert.IsFalse(result.Accepted);
        Assert.AreEqual("retained", result.Reason);

        // Give it a few ticks: nothing may switch on.
        await Task.Delay(1000);
        Assert.IsFalse(live.Stations[station].Board.Timeline.Any(r => r.Write.On), "a retained command switched a relay");
        Assert.IsFalse(live.Observer.Events.Any(e => e.Programme == ghost.Id));
    }

    private static int Count(FleetObserver o, string kind, string programme) => o.Events.Count(e => e.Kind == kind && e.Programme == programme);
}
