using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The device build's package pins are written in four places: Firmware/packages.config, Firmware.Tests/packages.config,
    /// the .nfproj hint paths and the evidence table of Firmware/README.md ("Packages"). nanoFramework deploys only a set
    /// whose assembly versions agree, and NuGet will not enforce it (plain-version nuspec dependencies), so these must
    /// never drift apart.
    /// </summary>
    [TestClass]
    public sealed class PackagePinsTests
    {
        [TestMethod]
        public void FirmwarePackagesConfig_EveryPin_MatchesTheReadmeTable()
        {
            Dictionary<string, string> readme = ReadmePins();
            foreach (KeyValuePair<string, string> pin in ConfigPins("Firmware/packages.config"))
            {
                Assert.IsTrue(readme.ContainsKey(pin.Key), pin.Key + " is pinned but not in Firmware/README.md's package table");
                Assert.AreEqual(readme[pin.Key], pin.Value, pin.Key + ": packages.config and Firmware/README.md disagree");
            }
        }

        [TestMethod]
        public void TestsPackagesConfig_SharedPins_EqualTheFirmwarePins()
        {
            Dictionary<string, string> firmware = ConfigPins("Firmware/packages.config");
            Dictionary<string, string> readme = ReadmePins();
            foreach (KeyValuePair<string, string> pin in ConfigPins("Firmware.Tests/packages.config"))
            {
                string expected = firmware.ContainsKey(pin.Key) ? firmware[pin.Key] : readme.GetValueOrDefault(pin.Key);
                Assert.AreEqual(expected, pin.Value, pin.Key + ": Firmware.Tests/packages.config differs from the firmware's set");
            }
        }

        [TestMethod]
        [DataRow("Firmware/Firmware.nfproj", "Firmware/packages.config")]
        [DataRow("Firmware.Tests/Firmware.Tests.nfproj", "Firmware.Tests/packages.config")]
        public void Nfproj_HintPaths_PointAtThePinnedVersions(string project, string config)
        {
            Dictionary<string, string> pins = ConfigPins(config);
            MatchCollection hints = Regex.Matches(File.ReadAllText(RepoPaths.Combine(project)), @"packages\\(nanoFramework\.[A-Za-z0-9.]+?)\.(\d+\.\d+\.\d+)\\");

            Assert.IsTrue(hints.Count >= pins.Count - 1, project + " has fewer package references than " + config);
            foreach (Match hint in hints)
            {
                string id = hint.Groups[1].Value;
                Assert.IsTrue(pins.ContainsKey(id), project + " references " + id + ", which " + config + " does not pin");
                Assert.AreEqual(pins[id], hint.Groups[2].Value, project + ": hint path of " + id);
            }
        }

        private static Dictionary<string, string> ConfigPins(string path) =>
            Regex.Matches(File.ReadAllText(RepoPaths.Combine(path)), @"<package id=""([^""]+)"" version=""([^""]+)""")
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        /// <summary>Rows "| nanoFramework.X (note) | 1.2.3 | …" of the README's package table.</summary>
        private static Dictionary<string, string> ReadmePins()
        {
            string text = File.ReadAllText(RepoPaths.Combine("Firmware/README.md"));
            int start = text.IndexOf("### Packages", StringComparison.Ordinal);
            Assert.IsTrue(start >= 0, "Firmware/README.md has no Packages section");
            var pins = new Dictionary<string, string>();
            foreach (Match row in Regex.Matches(text.Substring(start), @"^\| (nanoFramework\.[A-Za-z0-9.]+)[^|]*\| (\d+\.\d+\.\d+) \|", RegexOptions.Multiline))
            {
                pins[row.Groups[1].Value] = row.Groups[2].Value;
            }

            Assert.IsTrue(pins.Count >= 16, "Read only " + pins.Count + " pins from Firmware/README.md");
            return pins;
        }
    }
}
