using System.IO;
using CommuneRadio.Cli.Simulate;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Simulate;

[TestClass]
public sealed class SimulationDirectoryTests
{
    [TestMethod]
    public void For_WithoutData_CreatesATemporaryDirectoryRemovedWithItsFiles()
    {
        string path;
        using (SimulationDirectory workspace = SimulationDirectory.For(null))
        {
            path = workspace.Path;
            Assert.IsTrue(workspace.Temporary);
            Directory.CreateDirectory(Path.Combine(path, "stations", "p01-c001-001"));
            File.WriteAllText(Path.Combine(path, "fleet.json"), "{}");
            File.WriteAllText(Path.Combine(path, "stations", "p01-c001-001", "keys.a"), "x");
        }

        Assert.IsFalse(Directory.Exists(path));
    }

    [TestMethod]
    public void For_WithData_CreatesItIfMissingAndKeepsIt()
    {
        string parent = Directory.CreateTempSubdirectory("radioctl-tests-simulate-").FullName;
        try
        {
            var data = new DirectoryInfo(Path.Combine(parent, "sim"));
            using (SimulationDirectory workspace = SimulationDirectory.For(data))
            {
                Assert.IsFalse(workspace.Temporary);
                Assert.AreEqual(data.FullName, workspace.Path);
                File.WriteAllText(Path.Combine(workspace.Path, "fleet.json"), "{}");
            }

            Assert.IsTrue(File.Exists(Path.Combine(data.FullName, "fleet.json")));
        }
        finally
        {
            Directory.Delete(parent, true);
        }
    }
}
