using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The shared .projitems lists are explicit (the device build cannot rely on wildcards), so a file
    /// added to a folder but not to its list is silently left out of one build. These tests compare each
    /// list with its folder, using the same rule as tools/scripts/update-projitems.py: every .cs file
    /// below the list's folder, skipping folders named bin, obj and Host (host-only test code).
    /// </summary>
    [TestClass]
    public sealed class ProjectItemsTests
    {
        private const string ItemPrefix = "$(MSBuildThisFileDirectory)";

        [TestMethod]
        [DataRow("Firmware/Core/Core.projitems")]
        [DataRow("Firmware.Tests/Tests.projitems")]
        public void ProjectItems_ComparedWithFolder_ListExactlyItsSourceFiles(string projitems)
        {
            string path = RepoPaths.Combine(projitems);
            SortedSet<string> listed = Listed(path);
            SortedSet<string> present = Present(Path.GetDirectoryName(path));

            string[] missing = present.Except(listed).ToArray();
            string[] stale = listed.Except(present).ToArray();

            Assert.IsTrue(missing.Length == 0 && stale.Length == 0,
                projitems + " does not match its folder. Run: tools/scripts/update-projitems.py " + projitems + Environment.NewLine +
                "Not listed: " + (missing.Length == 0 ? "none" : string.Join(", ", missing)) + Environment.NewLine +
                "Listed but missing: " + (stale.Length == 0 ? "none" : string.Join(", ", stale)));
        }

        /// <summary>Compile items of the list, relative to its folder, written with '/'.</summary>
        private static SortedSet<string> Listed(string projitems)
        {
            var listed = new SortedSet<string>(StringComparer.Ordinal);
            foreach (XElement compile in XDocument.Load(projitems).Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                string include = (string)compile.Attribute("Include") ?? string.Empty;
                if (!include.StartsWith(ItemPrefix, StringComparison.Ordinal))
                {
                    Assert.Fail(projitems + ": every item must start with " + ItemPrefix + " (run tools/scripts/update-projitems.py): " + include);
                }

                listed.Add(include.Substring(ItemPrefix.Length).Replace('\\', '/'));
            }

            return listed;
        }

        /// <summary>The .cs files below <paramref name="root"/>, as update-projitems.py collects them.</summary>
        private static SortedSet<string> Present(string root)
        {
            var present = new SortedSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string file in Directory.EnumerateFiles(dir, "*.cs"))
                {
                    present.Add(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'));
                }

                foreach (string sub in Directory.EnumerateDirectories(dir))
                {
                    string name = Path.GetFileName(sub);
                    if (name != "bin" && name != "obj" && name != "Host")
                    {
                        pending.Push(sub);
                    }
                }
            }

            return present;
        }
    }
}
