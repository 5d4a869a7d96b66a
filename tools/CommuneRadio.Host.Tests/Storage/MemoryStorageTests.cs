using CommuneRadio.Host.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Storage;

[TestClass]
public sealed class MemoryStorageTests
{
    [TestMethod]
    public void Rewrites_ShorterThenLonger_ReadBackExactlyTheLastWrite()
    {
        var storage = new MemoryStorage();

        Assert.IsTrue(storage.Write("events.a", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 8));
        Assert.IsTrue(storage.Write("events.a", new byte[] { 9, 9, 9, 0 }, 3));
        CollectionAssert.AreEqual(new byte[] { 9, 9, 9 }, storage.Read("events.a"));

        Assert.IsTrue(storage.Write("events.a", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, 12));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, storage.Read("events.a"));
    }

    [TestMethod]
    public void Read_ReturnsACopy_AndWriteCopiesTheCallersBuffer()
    {
        var storage = new MemoryStorage();
        byte[] buffer = { 1, 2, 3 };
        storage.Write("keys.a", buffer, 3);

        buffer[0] = 7;
        byte[] read = storage.Read("keys.a")!;
        read[1] = 7;

        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, storage.Read("keys.a"));
    }

    [TestMethod]
    public void FailWrites_LeavesTheStoredRecordAsItWas()
    {
        var storage = new MemoryStorage();
        storage.Write("schedule.b", new byte[] { 4, 5 }, 2);

        storage.FailWrites = true;

        Assert.IsFalse(storage.Write("schedule.b", new byte[] { 6 }, 1));
        CollectionAssert.AreEqual(new byte[] { 4, 5 }, storage.Read("schedule.b"));
        Assert.IsTrue(storage.Delete("schedule.b"));
        Assert.IsNull(storage.Read("schedule.b"));
    }
}
