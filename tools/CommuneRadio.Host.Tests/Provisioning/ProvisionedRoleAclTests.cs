using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

/// <summary>
/// Each role's own credentials file (DIR/roles/…/credentials.json) on a real Mosquitto with the generated ACL: logged in
/// with exactly what the role was handed, it publishes to every command topic of a two-province fleet, and each station
/// receives exactly the messages of the topics it hears that the ACL gives that user — nothing else. Non-delivery is
/// observed as in <see cref="ProvisionedAclTests"/>: a control message published afterwards arrives after anything
/// that would have been delivered.
/// </summary>
[TestClass]
public sealed class ProvisionedRoleAclTests
{
    [TestMethod]
    public async Task EveryRole_PublishesToEveryCommandTopic_DeliveredExactlyWhereTheAclAllows()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync(inventory: ProvisionTestData.TwoProvinces());
        string p = live.Prefix;
        FleetFile fleet = live.Fleet;
        var stations = new Dictionary<string, ProvisionedBroker.Probe>(StringComparer.Ordinal);
        foreach (FleetStation s in fleet.Stations)
        {
            stations[s.Id] = await live.ConnectAsync(s.Id, Subscriptions(p, s));
        }

        string[] commandTopics = fleet.Stations.SelectMany(s => Subscriptions(p, s)).Distinct(StringComparer.Ordinal).ToArray();
        string[] roles = { "vn", "prov.ha-tinh", "prov.quang-tri", "com.ha-tinh.an-binh", "com.ha-tinh.ky-anh", "com.quang-tri.cam-lo", ProvisionLayout.EngineerRole("ha-tinh", "an-binh"), ProvisionLayout.EngineerRole("quang-tri", "cam-lo") };
        var expected = fleet.Stations.ToDictionary(s => s.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (string role in roles)
        {
            Dictionary<string, string> handed = FleetCredentials.Load(live.Layout.Role(role).Credentials);
            Assert.IsTrue(handed.Count >= 1);
            foreach ((string user, string password) in handed)
            {
                ProvisionedBroker.Probe sender = await live.ConnectWithAsync(user, password);
                IReadOnlyList<string> allowed = FleetAcl.CommandTopics(fleet, fleet.Issuer(user));
                foreach (string topic in commandTopics)
                {
                    string payload = user + " " + topic;
                    await sender.PublishAsync(topic, payload);
                    if (allowed.Any(a => Matches(a, topic)))
                    {
                        foreach (FleetStation s in fleet.Stations.Where(s => Subscriptions(p, s).Contains(topic)))
                        {
                            expected[s.Id].Add(payload);
                        }
                    }
                }
            }
        }

        ProvisionedBroker.Probe control = await live.ConnectAsync("vn");
        foreach (FleetStation s in fleet.Stations)
        {
            await control.PublishAsync($"{p}/st/{s.Id}/cmd", "control");
        }

        foreach (FleetStation s in fleet.Stations)
        {
            await stations[s.Id].WaitForAsync("control");
            string[] got = stations[s.Id].Received.Select(m => m.Payload).Where(m => m != "control").ToArray();
            CollectionAssert.AreEquivalent(expected[s.Id].ToArray(), got, $"{s.Id} received: {string.Join("; ", got)}");
        }

        // The commune operator of An Binh reached An Binh's stations and no one else's.
        Assert.IsTrue(expected["ht-ab-001"].Any(m => m.StartsWith("com.ha-tinh.an-binh ", StringComparison.Ordinal)));
        Assert.IsFalse(expected["ht-ka-001"].Concat(expected["qt-cl-001"]).Any(m => m.StartsWith("com.ha-tinh.an-binh ", StringComparison.Ordinal)));
        Assert.IsFalse(expected["ht-ab-001"].Any(m => m.StartsWith("prov.quang-tri ", StringComparison.Ordinal)));
    }

    private static string[] Subscriptions(string prefix, FleetStation s) =>
        new[] { $"{prefix}/st/{s.Id}/cmd" }.Concat(s.Groups.Select(g => $"{prefix}/g/{g}/cmd")).ToArray();

    // An ACL topic with '+' (the national user) against a concrete topic.
    private static bool Matches(string filter, string topic)
    {
        string[] f = filter.Split('/');
        string[] t = topic.Split('/');
        return f.Length == t.Length && f.Zip(t).All(x => x.First == "+" || x.First == x.Second);
    }
}
