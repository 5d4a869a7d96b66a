using System;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Station;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Host.Time;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>
/// What docs/protocol.md §1 promises about a command published with retain, on a real Mosquitto: MQTT 3.1.1 clears
/// the flag on delivery to an established subscription, so a station subscribed at the time executes it once; a
/// station that subscribes later gets the broker's retained copy (flag set) and refuses it as <c>retained</c>. The same
/// bytes published again without the flag are <c>replayed</c> where they ran (the counter is used up) and run where
/// only the retained copy was seen (a <c>retained</c> refusal is decided before the signature and uses up nothing).
/// </summary>
[TestClass]
public sealed class RetainedCommandTests
{
    [TestMethod]
    public async Task RetainedPublish_OneMemberOnline_ExecutedOnceThereAndRefusedByTheLaterSubscriber()
    {
        await using LiveFleet live = await LiveFleet.StartAsync(4, startStations: false);
        FleetIssuer commune = live.IssuerEntry("commune");
        FleetStation[] members = live.Fleet.Stations.Where(s => Array.IndexOf(s.Groups, commune.Name) >= 0).ToArray();
        Assert.AreEqual(2, members.Length);
        await using SimulatedStation online = NewStation(live, members[0]);
        await using SimulatedStation later = NewStation(live, members[1]);
        await online.StartAsync();
        SignedCommand status = new CommandIssuer(live.Fleet, commune).Create(commune.Scopes[0], "status", "{}");

        await live.Observer.PublishRawAsync(status.Topic, status.Payload, retain: true);
        await live.WaitForAsync(o => o.ResultsFor(status.Id).Count == 1, TimeSpan.FromSeconds(5), "the online member's result");
        await later.StartAsync();
        await live.WaitForAsync(o => o.ResultsFor(status.Id).Count == 2, TimeSpan.FromSeconds(5), "the later member's result");
        await live.Observer.PublishRawAsync(status.Topic, status.Payload, retain: false);
        await live.WaitForAsync(o => o.ResultsFor(status.Id).Count == 4, TimeSpan.FromSeconds(5), "both results of the replay");

        CommandResultRecord[] results = live.Observer.ResultsFor(status.Id).ToArray();
        Assert.AreEqual("accepted", Outcome(results[0]), "subscribed when it was published: delivered without the flag, executed");
        Assert.AreEqual(online.Id, results[0].Station);
        Assert.AreEqual((later.Id, "retained"), (results[1].Station, Outcome(results[1])));
        Assert.AreEqual("replayed", Outcome(results.Skip(2).Single(r => r.Station == online.Id)));
        Assert.AreEqual("accepted", Outcome(results.Skip(2).Single(r => r.Station == later.Id)));
        Assert.AreEqual(1, online.Core.Counters.Accepted, "executed once where it was live");
        Assert.AreEqual(1, later.Core.Counters.Accepted, "the retained copy was not executed; the live re-send was");
    }

    private static string Outcome(CommandResultRecord r) => r.Accepted ? "accepted" : r.Reason ?? "?";

    private static SimulatedStation NewStation(LiveFleet live, FleetStation entry) => new(
        new SimulatedStationOptions(
            new StationSettings(BoardProfiles.Layout(entry.Board)),
            new ProtocolSettings(live.Fleet.Prefix, entry.Id, entry.Groups),
            live.Fleet.KeyringFor(entry),
            live.Broker.CreateClientOptions())
        {
            Clock = new SystemClock(),
        });
}
