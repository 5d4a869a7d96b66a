using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Server.Ingest;
using CommuneRadio.Server.Storage;
using CommuneRadio.Server.Tests.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Ingest;

[TestClass]
public sealed class WriteBufferTests
{
    [TestMethod]
    public async Task Add_StoreUnavailableThenBack_EverythingWrittenInOrder()
    {
        var store = new FlakyStore { Down = true };
        await using var buffer = new WriteBuffer(store, 100);
        var committed = new List<Task>();
        for (int i = 1; i <= 50; i++)
        {
            committed.Add(buffer.Add(FleetStoreTests.Event("st-1", i, i), TimeSpan.Zero)!);
        }

        await Task.Delay(200);
        Assert.AreEqual(50, buffer.Pending);
        Assert.IsTrue(buffer.WriteFailures >= 1);
        store.Down = false;

        await Task.WhenAll(committed).WaitAsync(TimeSpan.FromSeconds(10));
        CollectionAssert.AreEqual(Seqs(1, 50), store.Seqs);
        Assert.AreEqual(50L, buffer.Written);
        Assert.AreEqual(0, buffer.DroppedCount.Count);
    }

    [TestMethod]
    public async Task Add_BufferFullWhileStoreDown_NewestDroppedAndCountedByKind()
    {
        var store = new FlakyStore { Down = true };
        await using var buffer = new WriteBuffer(store, 3);
        for (int i = 1; i <= 3; i++)
        {
            Assert.IsNotNull(buffer.Add(FleetStoreTests.Event("st-1", i, i), TimeSpan.Zero));
        }

        Assert.IsNull(buffer.Add(FleetStoreTests.Event("st-1", 4, 4), TimeSpan.FromMilliseconds(50)));
        Assert.IsNull(buffer.Add(FleetStoreTests.Message("st-1", "health", "{}", 5), TimeSpan.Zero));
        store.Down = false;
        await buffer.FlushAndStopAsync(TimeSpan.FromSeconds(10));

        CollectionAssert.AreEqual(Seqs(1, 3), store.Seqs);
        Assert.AreEqual(1L, buffer.DroppedCount["event"]);
        Assert.AreEqual(1L, buffer.DroppedCount["health"]);
    }

    [TestMethod]
    public async Task Add_PostgresServerStoppedThenStarted_EverythingWrittenOnceInOrder()
    {
        // Its own cluster: stopping the run's shared one would disturb nothing (tests run one at a time), but this is plainer.
        await using TemporaryPostgres cluster = await TemporaryPostgres.StartAsync();
        using IFleetStore store = PostgresFleetStore.Open(await cluster.CreateDatabaseAsync("outage"));
        await using var buffer = new WriteBuffer(store, 1000);
        await buffer.Add(FleetStoreTests.Event("st-1", 1, 1), TimeSpan.Zero)!.WaitAsync(TimeSpan.FromSeconds(10));
        await cluster.StopServerAsync();
        var committed = new List<Task>();
        for (int i = 2; i <= 200; i++)
        {
            committed.Add(buffer.Add(FleetStoreTests.Event("st-1", i, i), TimeSpan.Zero)!);
        }

        await Task.Delay(500);
        Assert.IsTrue(buffer.WriteFailures >= 1, "writes failed while the database was down");
        Assert.AreEqual(199, buffer.Pending);
        await cluster.StartServerAsync();

        await Task.WhenAll(committed).WaitAsync(TimeSpan.FromSeconds(30));
        CollectionAssert.AreEqual(Seqs(1, 200), store.Events(FleetStoreTests.All()).Select(e => e.Seq).ToList());
        Assert.AreEqual(0, buffer.DroppedCount.Count);
    }

    private static List<long> Seqs(int from, int to)
    {
        var list = new List<long>();
        for (int i = from; i <= to; i++)
        {
            list.Add(i);
        }

        return list;
    }

    // A store that throws while Down, as a locked or missing database would.
    private sealed class FlakyStore : IFleetStore
    {
        private readonly object _gate = new();

        public volatile bool Down;

        public List<long> Seqs { get; } = new();

        public string Kind => "flaky";

        public int SchemaVersion => 1;

        public void Write(IReadOnlyList<StationMessage> batch)
        {
            if (Down)
            {
                throw new InvalidOperationException("database is locked");
            }

            lock (_gate)
            {
                foreach (StationMessage m in batch)
                {
                    if (m.Kind == "event")
                    {
                        using var doc = System.Text.Json.JsonDocument.Parse(m.Payload);
                        Seqs.Add(doc.RootElement.GetProperty("seq").GetInt64());
                    }
                }
            }
        }

        public IReadOnlyList<StationStatus> Stations() => Array.Empty<StationStatus>();

        public IReadOnlyList<StoredEvent> Events(EventQuery query) => Array.Empty<StoredEvent>();

        public IReadOnlyList<StationStatus> SilentSince(long sinceUtcMs) => Array.Empty<StationStatus>();

        public IReadOnlyList<StoredResult> Results(string commandId) => Array.Empty<StoredResult>();

        public void Audit(AuditRecord record)
        {
        }

        public IReadOnlyList<AuditRecord> AuditLog(int limit) => Array.Empty<AuditRecord>();

        public void RecordCommand(StoredCommand command)
        {
        }

        public StoredCommand? Command(string id) => null;

        public IReadOnlyList<StoredCommand> ScheduleCommands() => Array.Empty<StoredCommand>();

        public IReadOnlyList<RecordedItem> ScheduleRecord(IReadOnlyCollection<string> stations) => Array.Empty<RecordedItem>();

        public IReadOnlyList<FaultRecord> FaultLog(IReadOnlyCollection<string>? stations, long fromUtcMs, long untilUtcMs, int limit) => Array.Empty<FaultRecord>();

        public long SizeBytes() => 0;

        public void Dispose()
        {
        }
    }
}
