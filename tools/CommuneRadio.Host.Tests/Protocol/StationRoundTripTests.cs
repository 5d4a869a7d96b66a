using System;
using System.Collections.Generic;
using System.Text;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Protocol;

/// <summary>
/// Commands signed by <see cref="CommandSigner"/>, and the shared vectors, go through the firmware Core's
/// StationEndpoint: what the host signs, the station accepts.
/// </summary>
[TestClass]
public sealed class StationRoundTripTests
{
    private const string Commune = "com.ha-tinh.an-binh";
    private const string CommuneGroup = "g/com.ha-tinh.an-binh";
    private const string CommuneTopic = "cr/v1/g/com.ha-tinh.an-binh/cmd";

    private const string MorningNews = "{\"item\":{\"id\":\"morning-news\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],"
        + "\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}";

    private static byte[] CommuneKey => ProtocolVectors.KeyOf(Commune);

    private static byte[] ProvinceKey => ProtocolVectors.KeyOf("prov.ha-tinh");

    public static IEnumerable<object[]> ValidVectors => ProtocolVectors.Rows(ProtocolVectors.Valid);

    public static IEnumerable<object[]> TamperedVectors => ProtocolVectors.Rows(ProtocolVectors.Tampered);

    private static string Accepted(string id) => "{\"id\":\"" + id + "\",\"station\":\"ht-ab-001\",\"result\":\"accepted\"}";

    private static string BadSignature(string id) => "{\"id\":\"" + id + "\",\"station\":\"ht-ab-001\",\"result\":\"refused\",\"reason\":\"bad-signature\",\"field\":\"sig\"}";

    private static CommandBody AddMorningNews(long ctr) =>
        new(CommandBody.Version, "c-" + ctr, Commune, CommuneGroup, 1763850000, 1763850600, ctr, "schedule.add", MorningNews);

    [TestMethod]
    public void Sign_ScheduleAdd_AcceptedAndItemStored()
    {
        VectorStation station = new(synced: true);
        Assert.AreEqual(Accepted("c-1"), station.Send(CommuneTopic, CommandSigner.Sign(AddMorningNews(1), CommuneKey)));
        Assert.IsTrue(station.Core.Schedule.TryGet("morning-news", out ScheduleEntry entry));
        Assert.AreEqual(Commune, entry.Item.Issuer);
        Assert.AreEqual(1800, entry.Item.DurationSeconds);
    }

    [TestMethod]
    public void SignBody_WhitespaceAndOrderChosenByTheSigner_Accepted()
    {
        VectorStation station = new(synced: true);
        string body = "{ \"cmd\" : \"status\", \"args\" : { },\n \"v\" : 1, \"id\" : \"c-2\", \"iss\" : \"com.ha-tinh.an-binh\",\n"
            + " \"to\" : \"st/ht-ab-001\", \"iat\" : 1763850000, \"exp\" : 1763850600, \"ctr\" : 2 }";
        Assert.AreEqual(Accepted("c-2"), station.Send("cr/v1/st/ht-ab-001/cmd", CommandSigner.SignBody(Encoding.UTF8.GetBytes(body), CommuneKey)));
    }

    [TestMethod]
    public void Sign_OneBodyByteChangedAfterSigning_RefusedAsBadSignature()
    {
        VectorStation station = new(synced: true);
        byte[] payload = CommandSigner.Sign(AddMorningNews(3), CommuneKey);
        string text = Encoding.UTF8.GetString(payload).Replace("\"duration\":1800", "\"duration\":1801", StringComparison.Ordinal);
        Assert.AreEqual(BadSignature("c-3"), station.Send(CommuneTopic, Encoding.UTF8.GetBytes(text)));
        Assert.AreEqual(0, station.Core.Schedule.Count);
    }

    [TestMethod]
    public void Sign_WithAnotherIssuersKey_RefusedAsBadSignature()
    {
        VectorStation station = new(synced: true);
        Assert.AreEqual(BadSignature("c-4"), station.Send(CommuneTopic, CommandSigner.Sign(AddMorningNews(4), ProvinceKey)));
    }

    [TestMethod]
    [DynamicData(nameof(ValidVectors))]
    public void Vector_Valid_AcceptedByTheStation(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        VectorStation station = new(synced: false);
        Assert.AreEqual(Accepted(IdOf(v)), station.Send(v.Topic, Encoding.UTF8.GetBytes(v.Envelope)));
    }

    [TestMethod]
    [DynamicData(nameof(TamperedVectors))]
    public void Vector_Tampered_RefusedAsBadSignature(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        VectorStation station = new(synced: false);
        Assert.AreEqual(BadSignature(IdOf(v)), station.Send(v.Topic, Encoding.UTF8.GetBytes(v.Envelope)));
    }

    private static string IdOf(ProtocolVector v)
    {
        using System.Text.Json.JsonDocument doc = System.Text.Json.JsonDocument.Parse(v.Body);
        return doc.RootElement.GetProperty("id").GetString()!;
    }
}
