using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Tests.Stations;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Observe;

[TestClass]
public sealed class FleetObserverTests
{
    [TestMethod]
    public async Task ResultsFor_AndAnsweredCount_CountEachStationOnceForItsCommand()
    {
        var client = new FakeMqttClient();
        await using var observer = new FleetObserver("cr/v1", client);

        Result(client, "st-1", "c-1", "accepted");
        Result(client, "st-2", "c-1", "refused", "expired");
        Result(client, "st-1", "c-2", "accepted");
        Result(client, "st-1", "c-1", "refused", "replayed"); // a redelivery answered again
        Result(client, "st-3", "c-1", "accepted");
        client.Deliver("cr/v1/st/st-4/result", Encoding.UTF8.GetBytes("{\"station\":\"st-4\",\"result\":\"refused\",\"reason\":\"bad-json\"}"));

        Assert.AreEqual(3, observer.AnsweredCount("c-1"));
        Assert.AreEqual(2, observer.AnsweredCount("c-1", acceptedOnly: true));
        Assert.AreEqual(1, observer.AnsweredCount("c-2"));
        Assert.AreEqual(0, observer.AnsweredCount("c-9"));
        CollectionAssert.AreEqual(new[] { "st-1", "st-2", "st-1", "st-3" }, observer.ResultsFor("c-1").Select(r => r.Station).ToArray());
        Assert.AreEqual("replayed", observer.ResultsFor("c-1")[2].Reason);
        Assert.AreEqual(6, observer.Results.Count);
        Assert.AreEqual(0, observer.ResultsFor("c-9").Count);
    }

    private static void Result(FakeMqttClient client, string station, string id, string result, string? reason = null)
    {
        string json = $"{{\"id\":\"{id}\",\"station\":\"{station}\",\"result\":\"{result}\"" + (reason is null ? string.Empty : $",\"reason\":\"{reason}\"") + "}";
        client.Deliver($"cr/v1/st/{station}/result", Encoding.UTF8.GetBytes(json));
    }
}
