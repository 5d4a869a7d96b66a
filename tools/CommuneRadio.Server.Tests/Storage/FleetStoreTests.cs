using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CommuneRadio.Server.Ingest;
using CommuneRadio.Server.Storage;
using CommuneRadio.Server.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Storage;

/// <summary>Both stores, one test each: SQLite (a temporary file) and PostgreSQL (a database on the run's temporary cluster).</summary>
[TestClass]
public sealed class FleetStoreTests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Open_NewDatabase_MigratesToLatestAndReopensWithoutChange(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using (IFleetStore store = db.Open())
        {
            Assert.AreEqual(SqliteMigrations.Latest, store.SchemaVersion);
            Assert.AreEqual(kind, store.Kind);
            store.Write(new[] { Event("st-1", 1, 1000) });
        }

        using IFleetStore again = db.Open();
        Assert.AreEqual(SqliteMigrations.Latest, again.SchemaVersion);
        Assert.AreEqual(PostgresMigrations.Latest, SqliteMigrations.Latest, "both databases have the same schema versions");
        Assert.AreEqual(1, again.Events(All()).Count);
        Assert.AreEqual(1L, Count(db, "SELECT count(*) FROM schema_version"));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Open_SchemaNewerThanServer_RefusedWithReason(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        db.Open().Dispose();
        db.Execute("UPDATE schema_version SET version = 99");

        var ex = Assert.ThrowsExactly<InvalidOperationException>(() => db.Open());
        StringAssert.Contains(ex.Message, "newer");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Open_Version2DatabaseWithFaultedStation_MigratesKeepingRowsAndOpensItsFaults(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        string[] scripts = kind == "sqlite" ? SqliteMigrations.Scripts : PostgresMigrations.Scripts;
        db.Execute("CREATE TABLE schema_version(version INTEGER NOT NULL)");
        db.Execute(scripts[0]);
        db.Execute(scripts[1]);
        db.Execute("INSERT INTO schema_version VALUES(2)");
        db.Execute("INSERT INTO stations(station, last_seen, health_at, faults) VALUES('st-1', 7000, 7000, 'mains-lost,clock-lost')");

        using IFleetStore store = db.Open();

        Assert.AreEqual(SqliteMigrations.Latest, store.SchemaVersion, "every later migration runs too");
        Assert.AreEqual("mains-lost,clock-lost", store.Stations().Single().Faults);
        var open = store.FaultLog(null, 0, long.MaxValue, 10);
        CollectionAssert.AreEquivalent(new[] { "mains-lost", "clock-lost" }, open.Select(f => f.Fault).ToArray());
        Assert.IsTrue(open.All(f => f.RaisedUtcMs == 7000 && f.ClearedUtcMs is null));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Write_StateWithFirmwareThenWill_VersionKeptWhileOffline(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.Write(new[] { Message("st-1", "state", "{\"online\":true,\"station\":\"st-1\",\"fw\":\"0.1.0\"}", 1000) });
        Assert.AreEqual("0.1.0", store.Stations().Single().Firmware);

        store.Write(new[] { Message("st-1", "state", "{\"online\":false,\"station\":\"st-1\"}", 2000) });
        StationStatus s = store.Stations().Single();
        Assert.AreEqual(false, s.Online);
        Assert.AreEqual("0.1.0", s.Firmware, "the will carries no version");

        store.Write(new[] { Message("st-1", "state", "{\"online\":true,\"station\":\"st-1\",\"fw\":\"0.2.0\"}", 3000) });
        Assert.AreEqual("0.2.0", store.Stations().Single().Firmware);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Write_RedeliveredEvent_StoredOnce(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.Write(new[] { Event("st-1", 7, 5000) });
        store.Write(new[] { Event("st-1", 7, 5000), Event("st-1", 8, 6000) });

        Assert.AreEqual(2, store.Events(All()).Count);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Write_RedeliveredResult_StoredOnceAndADifferentAnswerKept(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.Write(new[] { Result("st-1", "c-1", "accepted") });
        store.Write(new[] { Result("st-1", "c-1", "accepted"), Result("st-1", "c-1", "refused"), Result("st-2", "c-1", "accepted") });

        CollectionAssert.AreEquivalent(new[] { "st-1 accepted", "st-1 refused", "st-2 accepted" }, store.Results("c-1").Select(r => r.Station + " " + r.Result).ToArray());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Open_Version3DatabaseWithRedeliveredResults_MigratesKeepingOneOfEach(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        string[] scripts = kind == "sqlite" ? SqliteMigrations.Scripts : PostgresMigrations.Scripts;
        db.Execute("CREATE TABLE schema_version(version INTEGER NOT NULL)");
        for (int i = 0; i < 3; i++)
        {
            db.Execute(scripts[i]);
        }

        db.Execute("INSERT INTO schema_version VALUES(3)");
        for (int copy = 0; copy < 3; copy++)
        {
            db.Execute($"INSERT INTO results(command_id, station, result, reason, field, received) VALUES('c-1', 'st-1', 'refused', 'replayed', NULL, {100 + copy})");
        }

        db.Execute("INSERT INTO results(command_id, station, result, reason, field, received) VALUES('c-1', 'st-1', 'accepted', NULL, NULL, 90)");

        using IFleetStore store = db.Open();

        Assert.AreEqual(SqliteMigrations.Latest, store.SchemaVersion, "4 and every later migration");
        var kept = store.Results("c-1");
        Assert.HasCount(2, kept);
        Assert.AreEqual(100L, kept.Single(r => r.Result == "refused").ReceivedUtcMs, "the first copy is kept");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Events_StationsProgrammeAndPeriod_ReturnsOnlyThoseInOrder(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.Write(new[] { Event("st-1", 1, 1000), Event("st-1", 2, 2000), Event("st-1", 3, 3000), Event("st-2", 1, 2000), Event("st-3", 1, 2500, "other") });

        var one = store.Events(new EventQuery(new[] { "st-1" }, null, 2000, 3000, 10));
        var period = store.Events(new EventQuery(null, null, 2000, 3001, 10));
        var two = store.Events(new EventQuery(new[] { "st-2", "st-3" }, null, 0, long.MaxValue, 10));
        var programme = store.Events(new EventQuery(null, "other", 0, long.MaxValue, 10));

        Assert.AreEqual(1, one.Count);
        Assert.AreEqual(2L, one[0].Seq);
        CollectionAssert.AreEqual(new[] { "st-1", "st-2", "st-3", "st-1" }, period.Select(e => e.Station).ToArray(), "by time");
        CollectionAssert.AreEqual(new[] { "st-2", "st-3" }, two.Select(e => e.Station).ToArray());
        Assert.AreEqual("st-3", programme.Single().Station);
        Assert.AreEqual(0, store.Events(new EventQuery(Array.Empty<string>(), null, 0, long.MaxValue, 10)).Count);
        Assert.AreEqual(2, store.Events(new EventQuery(null, null, 0, long.MaxValue, 2)).Count, "limit");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task SilentSince_OneStationQuiet_ReturnsOnlyIt(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.Write(new[] { Health("st-1", 1000, "mains-lost"), Health("st-2", 9000) });

        var silent = store.SilentSince(5000);

        Assert.AreEqual(1, silent.Count);
        Assert.AreEqual("st-1", silent[0].Station);
        Assert.AreEqual("mains-lost", silent[0].Faults);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Write_RetainedState_SetsOnlineButIsNoSignOfLife(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.Write(new[] { new StationMessage("st-1", "state", Encoding.UTF8.GetBytes("{\"online\":false}"), true, 4000) });

        StationStatus s = store.Stations()[0];

        Assert.AreEqual(false, s.Online);
        Assert.AreEqual(0L, s.LastSeenUtcMs);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Write_MalformedPayloadInBatch_OthersStoredAndItIsKeptAsRejected(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using (IFleetStore store = db.Open())
        {
            store.Write(new[] { Message("st-1", "event", "{not json", 1000), Event("st-1", 1, 1000), Message("st-1", "event", "{\"seq\":\"x\"}", 1000), Message("st-1", "state", "[1]", 1000) });
            Assert.AreEqual(1, store.Events(All()).Count);
        }

        Assert.AreEqual(3L, Count(db, "SELECT count(*) FROM rejected"));
        Assert.AreEqual(1L, Count(db, "SELECT count(*) FROM rejected WHERE reason = 'invalid-field: seq, at or kind'"));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Write_HealthFaultsComeAndGo_FaultLogOpensAndClearsEachEpisode(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.Write(new[] { Health("st-1", 1000, "mains-lost"), Health("st-2", 1000) });
        store.Write(new[] { Health("st-1", 2000, "mains-lost", "clock-lost") });
        store.Write(new[] { Health("st-1", 3000, "clock-lost"), Health("st-1", 4000), Health("st-1", 5000, "mains-lost") });

        var log = store.FaultLog(null, 0, long.MaxValue, 100);
        var inPeriod = store.FaultLog(new[] { "st-1" }, 4500, 4900, 100);

        CollectionAssert.AreEqual(
            new[] { "mains-lost 1000-3000", "clock-lost 2000-4000", "mains-lost 5000-open" },
            log.Select(f => $"{f.Fault} {f.RaisedUtcMs}-{(f.ClearedUtcMs is long c ? c.ToString(CultureInfo.InvariantCulture) : "open")}").ToArray());
        Assert.AreEqual(0, inPeriod.Count, "no episode overlaps [4500, 4900)");
        Assert.AreEqual("clock-lost", store.FaultLog(new[] { "st-1" }, 3500, 4500, 100).Single().Fault);
        Assert.AreEqual("mains-lost", store.Stations().Single(s => s.Station == "st-1").Faults);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Write_AcceptedResultsOfScheduleCommands_UpdateEachStationsRecord(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        store.RecordCommand(Command("c-1", 100, "schedule.add", "{\"item\":{\"id\":\"news\",\"kind\":\"once\"}}"));
        store.RecordCommand(Command("c-2", 200, "schedule.sync", "{\"version\":4,\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}]}"));
        store.RecordCommand(Command("c-3", 300, "schedule.remove", "{\"item_id\":\"a\"}"));
        store.RecordCommand(Command("c-4", 400, "play", "{}"));

        store.Write(new[] { Result("st-1", "c-1", "accepted"), Result("st-2", "c-1", "refused"), Result("st-2", "c-2", "accepted") });
        store.Write(new[] { Result("st-2", "c-3", "accepted"), Result("st-1", "c-4", "accepted"), Result("st-3", "c-9", "accepted") });

        var record = store.ScheduleRecord(new[] { "st-1", "st-2", "st-3" });
        CollectionAssert.AreEqual(new[] { "st-1 news c-1", "st-2 b c-2" }, record.Select(i => $"{i.Station} {i.ItemId} {i.CommandId}").ToArray());
        Assert.AreEqual("{\"id\":\"news\",\"kind\":\"once\"}", record[0].Item);
        Assert.AreEqual("commune", record[0].Level);
        CollectionAssert.AreEqual(new[] { "c-1", "c-2", "c-3" }, store.ScheduleCommands().Select(c => c.Id).ToArray());
        Assert.AreEqual("play", store.Command("c-4")!.Cmd);
        Assert.IsNull(store.Command("c-9"));
        Assert.AreEqual(2, store.Results("c-1").Count);
        Assert.AreEqual("invalid-lines", store.Results("c-1").Single(r => r.Station == "st-2").Reason);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Audit_TwoRecords_NewestFirstAndSizeGrowsWithRows(string kind)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(kind);
        using IFleetStore store = db.Open();
        long empty = store.SizeBytes();
        store.Audit(new AuditRecord(1000, "op", "commune", "com.a", "play", "g/com.a", "com.a", "c-1", "{}", "sent: 1 accepted, 0 refused, 0 silent"));
        store.Audit(new AuditRecord(2000, "op", "commune", "com.a", "stop", "g/com.b", string.Empty, string.Empty, "{}", "refused: out-of-scope"));
        store.Write(Enumerable.Range(1, 2000).Select(i => Health("st-" + (i % 50), i)).ToArray());

        var audit = store.AuditLog(10);

        CollectionAssert.AreEqual(new[] { "stop", "play" }, audit.Select(a => a.Command).ToArray());
        Assert.AreEqual("refused: out-of-scope", audit[0].Outcome);
        Assert.IsTrue(store.SizeBytes() > empty + 2000 * 40, $"{store.SizeBytes()} bytes after 2,000 health rows, {empty} empty");
    }

    internal static EventQuery All() => new(null, null, 0, long.MaxValue, 1000);

    internal static StationMessage Event(string station, long seq, long at, string programme = "p") =>
        Message(station, "event", $"{{\"station\":\"{station}\",\"seq\":{seq},\"kind\":\"started\",\"programme\":\"{programme}\",\"occurrence\":0,\"class\":\"normal\",\"reason\":\"none\",\"at\":{at},\"mono\":1,\"clock\":true,\"dropped\":0}}", at);

    internal static StationMessage Health(string station, long received, params string[] faults) =>
        Message(station, "health", $"{{\"station\":\"{station}\",\"schedule\":{{\"count\":0,\"digest\":\"00000000\",\"version\":0}},\"faults\":[{string.Join(",", faults.Select(f => "\"" + f + "\""))}]}}", received);

    internal static StationMessage Result(string station, string id, string result) =>
        Message(station, "result", $"{{\"id\":\"{id}\",\"station\":\"{station}\",\"result\":\"{result}\"{(result == "refused" ? ",\"reason\":\"invalid-lines\",\"field\":\"args.item.lines\"" : string.Empty)}}}", 5000);

    internal static StoredCommand Command(string id, long sent, string cmd, string args) => new(id, sent, "op", cmd, "g/com.a", "com.a", "commune", args);

    internal static StationMessage Message(string station, string kind, string json, long received) =>
        new(station, kind, Encoding.UTF8.GetBytes(json), false, received);

    private static long Count(TestDatabase db, string sql) => Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);
}
