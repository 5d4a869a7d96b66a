using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Station;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Host.Storage;
using CommuneRadio.Host.Time;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>A killed station restarted from its FileStorage, through a real Mosquitto.</summary>
[TestClass]
public sealed class StationRestartTests
{
    [TestMethod]
    public async Task StartAsync_AfterKillDuringPowerCut_KeepsScheduleAndReportsMissedItem()
    {
        await using LiveFleet live = await LiveFleet.StartAsync(2, startStations: false);
        FleetStation entry = live.Fleet.Stations[0];
        string data = Directory.CreateTempSubdirectory("host-tests-station-").FullName;
        try
        {
            SimulatedStation first = NewStation(live, entry, data);
            await first.StartAsync();
            long earlyUtc = LiveFleet.NextSecondUtc(2000);
            long lateUtc = earlyUtc + 7000;
            CommandIssuer commune = live.Issuer("commune");
            string to = FleetGroups.StationTarget(entry.Id);
            await live.PublishAsync(commune.Create(to, "schedule.add", ArgsJson.ScheduleOnce("early", ArgsJson.LocalTime(earlyUtc), 1, "normal", 0x3, 0)));
            await live.PublishAsync(commune.Create(to, "schedule.add", ArgsJson.ScheduleOnce("late", ArgsJson.LocalTime(lateUtc), 3, "normal", 0x3, 0)));
            await live.WaitForAsync(o => o.Results.Count(r => r.Station == entry.Id && r.Accepted) == 2, TimeSpan.FromSeconds(5), "both items accepted");

            // Power cut before "early" and until after its window has closed: the station's boot, as its clock estimates it
            // (SystemClock.MonotonicStartMs, 1 s before it starts), is after the window's end, so the miss is powered-off
            // (docs/protocol.md §6; back before the end it would be no-clock).
            await first.KillAsync();
            await first.DisposeAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(earlyUtc + 3000 - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

            SimulatedStation second = NewStation(live, entry, data);
            await using (second)
            {
                Assert.IsTrue(second.BootReport.ScheduleRestored, "the schedule was not restored from storage");
                Assert.AreEqual(2, second.Core.Schedule.Count);
                await second.StartAsync();
                live.Stations.Scheduler.Add(second);
                live.Stations.Scheduler.Start();

                await live.WaitForAsync(o => o.Events.Any(e => e.Station == entry.Id && e.Kind == "missed" && e.Programme == "early"), TimeSpan.FromSeconds(5), "early reported missed");
                await live.WaitForAsync(o => o.Events.Any(e => e.Station == entry.Id && e.Kind == "started" && e.Programme == "late"), TimeSpan.FromSeconds(10), "late played after the restart");
                PlayEventRecord missed = live.Observer.Events.First(e => e.Station == entry.Id && e.Kind == "missed" && e.Programme == "early");
                Assert.AreEqual("powered-off", missed.Reason);
                Assert.IsFalse(live.Observer.Events.Any(e => e.Kind == "started" && e.Programme == "early"), "an item whose window passed during the power cut was played late");
            }
        }
        finally
        {
            Directory.Delete(data, true);
        }
    }

    // A fresh SystemClock per boot: the monotonic clock restarts, as after a real power cut.
    private static SimulatedStation NewStation(LiveFleet live, FleetStation entry, string data) => new(
        new SimulatedStationOptions(
            new StationSettings(BoardProfiles.Layout(entry.Board)),
            new ProtocolSettings(live.Fleet.Prefix, entry.Id, entry.Groups),
            live.Fleet.KeyringFor(entry),
            live.Broker.CreateClientOptions())
        {
            Clock = new SystemClock(),
            Storage = new FileStorage(data),
        });
}
