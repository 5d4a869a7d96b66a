using System;
using System.IO;
using System.Text;
using CommuneRadio.Server.Ingest;
using CommuneRadio.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Storage;

[TestClass]
public sealed class SqliteFleetStoreTests
{
    private string _dir = string.Empty;

    [TestInitialize]
    public void Init() => _dir = Directory.CreateTempSubdirectory("cr-store-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [TestMethod]
    public void Open_NewFile_MigratesToLatestAndReopensWithoutChange()
    {
        string path = Path.Combine(_dir, "fleet.db");
        using (SqliteFleetStore store = SqliteFleetStore.Open(path))
        {
            Assert.AreEqual(SqliteMigrations.Latest, store.SchemaVersion);
            store.Write(new[] { Event("st-1", 1, 1000) });
        }

        using SqliteFleetStore again = SqliteFleetStore.Open(path);
        Assert.AreEqual(SqliteMigrations.Latest, again.SchemaVersion);
        Assert.AreEqual(1, again.Events("st-1", 0, long.MaxValue, 10).Count);
    }

    [TestMethod]
    public void Open_SchemaNewerThanServer_RefusedWithReason()
    {
        string path = Path.Combine(_dir, "fleet.db");
        SqliteFleetStore.Open(path).Dispose();
        using (var db = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            db.Open();
            using SqliteCommand cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE schema_version SET version = 99";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.ThrowsExactly<InvalidOperationException>(() => SqliteFleetStore.Open(path));
        StringAssert.Contains(ex.Message, "newer");
    }

    [TestMethod]
    public void Write_RedeliveredEvent_StoredOnce()
    {
        using SqliteFleetStore store = SqliteFleetStore.Open(Path.Combine(_dir, "fleet.db"));
        store.Write(new[] { Event("st-1", 7, 5000) });
        store.Write(new[] { Event("st-1", 7, 5000), Event("st-1", 8, 6000) });

        Assert.AreEqual(2, store.Events("st-1", 0, long.MaxValue, 10).Count);
    }

    [TestMethod]
    public void Events_StationAndPeriod_ReturnsOnlyThoseInOrder()
    {
        using SqliteFleetStore store = SqliteFleetStore.Open(Path.Combine(_dir, "fleet.db"));
        store.Write(new[] { Event("st-1", 1, 1000), Event("st-1", 2, 2000), Event("st-1", 3, 3000), Event("st-2", 1, 2000) });

        var events = store.Events("st-1", 2000, 3000, 10);

        Assert.AreEqual(1, events.Count);
        Assert.AreEqual(2L, events[0].Seq);
        Assert.AreEqual(2, store.Events(null, 2000, 3001, 10).Count - 1);
    }

    [TestMethod]
    public void SilentSince_OneStationQuiet_ReturnsOnlyIt()
    {
        using SqliteFleetStore store = SqliteFleetStore.Open(Path.Combine(_dir, "fleet.db"));
        store.Write(new[] { Message("st-1", "health", "{\"station\":\"st-1\",\"faults\":[\"mains-lost\"]}", 1000), Message("st-2", "health", "{\"station\":\"st-2\",\"faults\":[]}", 9000) });

        var silent = store.SilentSince(5000);

        Assert.AreEqual(1, silent.Count);
        Assert.AreEqual("st-1", silent[0].Station);
        Assert.AreEqual("mains-lost", silent[0].Faults);
    }

    [TestMethod]
    public void Write_RetainedState_SetsOnlineButIsNoSignOfLife()
    {
        using SqliteFleetStore store = SqliteFleetStore.Open(Path.Combine(_dir, "fleet.db"));
        store.Write(new[] { new StationMessage("st-1", "state", Encoding.UTF8.GetBytes("{\"online\":false}"), true, 4000) });

        StationStatus s = store.Stations()[0];

        Assert.AreEqual(false, s.Online);
        Assert.AreEqual(0L, s.LastSeenUtcMs);
    }

    [TestMethod]
    public void Write_MalformedPayloadInBatch_OthersStoredAndItIsKeptAsRejected()
    {
        string path = Path.Combine(_dir, "fleet.db");
        using (SqliteFleetStore store = SqliteFleetStore.Open(path))
        {
            store.Write(new[] { Message("st-1", "event", "{not json", 1000), Event("st-1", 1, 1000), Message("st-1", "event", "{\"seq\":\"x\"}", 1000) });
            Assert.AreEqual(1, store.Events("st-1", 0, long.MaxValue, 10).Count);
        }

        using var db = new SqliteConnection($"Data Source={path};Pooling=false");
        db.Open();
        using SqliteCommand cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM rejected";
        Assert.AreEqual(2L, (long)cmd.ExecuteScalar()!);
    }

    internal static StationMessage Event(string station, long seq, long at) =>
        Message(station, "event", $"{{\"station\":\"{station}\",\"seq\":{seq},\"kind\":\"started\",\"programme\":\"p\",\"occurrence\":0,\"class\":\"normal\",\"reason\":\"none\",\"at\":{at},\"mono\":1,\"clock\":true,\"dropped\":0}}", at);

    internal static StationMessage Message(string station, string kind, string json, long received) =>
        new(station, kind, Encoding.UTF8.GetBytes(json), false, received);
}
