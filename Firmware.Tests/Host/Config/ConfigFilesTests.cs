using System.IO;
using CommuneRadio.Tests.Core.Config;
using CommuneRadio.Tests.Subset;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Config
{
    /// <summary>
    /// Host-only: the example configurations embedded in the portable tests (<see cref="ConfigFiles"/>; a device
    /// cannot read the repository) are byte-for-byte the files engineers deploy from Firmware/Config.
    /// </summary>
    [TestClass]
    public sealed class ConfigFilesTests
    {
        [TestMethod]
        public void EmbeddedDevkit4Relay_ComparedWithFile_Equal()
        {
            Assert.AreEqual(ConfigFiles.Devkit4Relay, File.ReadAllText(RepoPaths.Combine("Firmware/Config/devkit-4relay.json")), "regenerate Firmware.Tests/Core/Config/ConfigFiles.cs");
        }

        [TestMethod]
        public void EmbeddedBoard8Relay_ComparedWithFile_Equal()
        {
            Assert.AreEqual(ConfigFiles.Board8Relay, File.ReadAllText(RepoPaths.Combine("Firmware/Config/board-8relay.json")), "regenerate Firmware.Tests/Core/Config/ConfigFiles.cs");
        }
    }
}
