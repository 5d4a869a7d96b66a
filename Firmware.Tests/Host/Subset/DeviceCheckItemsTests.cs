using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The host check of the device code compiles exactly what the device build compiles besides Core: the Compile
    /// items of Firmware/Firmware.nfproj (other than the imported Core.projitems) and of
    /// Firmware/Host/DeviceCheck/CommuneRadio.DeviceCheck.csproj (other than its Stubs/) are the same files, and they
    /// are every .cs file of Firmware/Device plus Program.cs, so a new adapter cannot be left out of either build.
    /// </summary>
    [TestClass]
    public sealed class DeviceCheckItemsTests
    {
        private const string Nfproj = "Firmware/Firmware.nfproj";
        private const string DeviceCheck = "Firmware/Host/DeviceCheck/CommuneRadio.DeviceCheck.csproj";

        [TestMethod]
        public void DeviceCheck_CompileItems_EqualTheNfprojList()
        {
            SortedSet<string> nfproj = Items(Nfproj);
            SortedSet<string> check = Items(DeviceCheck);

            Assert.IsTrue(nfproj.SetEquals(check),
                "Only in " + Nfproj + ": " + Join(nfproj.Except(check)) + Environment.NewLine +
                "Only in " + DeviceCheck + ": " + Join(check.Except(nfproj)));
        }

        [TestMethod]
        public void Nfproj_CompileItems_AreEveryDeviceFileAndProgram()
        {
            SortedSet<string> nfproj = Items(Nfproj);
            string device = RepoPaths.Combine("Firmware/Device");
            var present = new SortedSet<string>(StringComparer.Ordinal) { "Firmware/Program.cs" };
            foreach (string file in Directory.EnumerateFiles(device, "*.cs", SearchOption.AllDirectories))
            {
                present.Add("Firmware/Device/" + Path.GetRelativePath(device, file).Replace(Path.DirectorySeparatorChar, '/'));
            }

            Assert.IsTrue(nfproj.SetEquals(present),
                "Not listed in " + Nfproj + ": " + Join(present.Except(nfproj)) + Environment.NewLine +
                "Listed but missing: " + Join(nfproj.Except(present)));
        }

        /// <summary>
        /// Repository-relative paths of the project's Compile items, skipping the host check's own Stubs/ (the nfproj
        /// has no Stubs/, and its Core files come through an Import, not Compile items).
        /// </summary>
        private static SortedSet<string> Items(string project)
        {
            string path = RepoPaths.Combine(project);
            string dir = Path.GetDirectoryName(path);
            var items = new SortedSet<string>(StringComparer.Ordinal);
            foreach (XElement compile in XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                string include = ((string)compile.Attribute("Include") ?? string.Empty).Replace('\\', '/');
                if (include.StartsWith("Stubs/", StringComparison.Ordinal))
                {
                    continue;
                }

                string full = Path.GetFullPath(Path.Combine(dir, include.Replace('/', Path.DirectorySeparatorChar)));
                items.Add(Path.GetRelativePath(RepoPaths.Root, full).Replace(Path.DirectorySeparatorChar, '/'));
            }

            return items;
        }

        private static string Join(IEnumerable<string> items)
        {
            string[] list = items.ToArray();
            return list.Length == 0 ? "none" : string.Join(", ", list);
        }
    }
}
