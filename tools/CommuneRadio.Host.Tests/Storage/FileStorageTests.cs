using System.IO;
using CommuneRadio.Host.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Storage;

[TestClass]
public sealed class FileStorageTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Path.Combine(Directory.CreateTempSubdirectory("host-tests-storage-").FullName, "station");

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(Path.GetDirectoryName(_directory)!, true);

    [TestMethod]
    public void Write_ThenRead_ReturnsTheCountedBytesAndLeavesNoTempFile()
    {
        var storage = new FileStorage(_directory);

        Assert.IsTrue(storage.Write("schedule.a", new byte[] { 1, 2, 3, 4 }, 3));

        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, storage.Read("schedule.a"));
        CollectionAssert.AreEqual(new[] { Path.Combine(_directory, "schedule.a") }, Directory.GetFiles(_directory));
    }

    [TestMethod]
    public void Read_MissingFile_ReturnsNull()
    {
        Assert.IsNull(new FileStorage(_directory).Read("keys.a"));
    }

    [TestMethod]
    public void Write_NameLeavingTheDirectory_ReturnsFalseWithoutThrowing()
    {
        var storage = new FileStorage(_directory);

        Assert.IsFalse(storage.Write("../escape", new byte[] { 1 }, 1));
        Assert.IsFalse(storage.Write("x.tmp", new byte[] { 1 }, 1));
        Assert.IsNull(storage.Read(".."));
    }

    [TestMethod]
    public void Delete_ExistingFile_RemovesIt()
    {
        var storage = new FileStorage(_directory);
        storage.Write("events.b", new byte[] { 9 }, 1);

        Assert.IsTrue(storage.Delete("events.b"));
        Assert.IsNull(storage.Read("events.b"));
    }
}
