using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The real-mscorlib builds (Firmware/Host/NanoCheck, built with this project) reference nothing of .NET: their
    /// assemblies name only nanoFramework's mscorlib, at the version of the CoreLibrary package's mscorlib.dll (and the
    /// tests the Core built the same way). A build that had silently fallen back to .NET reference assemblies would
    /// name System.Runtime here and prove nothing.
    /// </summary>
    [TestClass]
    public sealed class NanoBuildOutputTests
    {
        private static readonly string NanoMscorlib = Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");

        [TestMethod]
        [DataRow("Firmware/Host/NanoCheck/bin/Debug/net10.0/CommuneRadio.Core.Nano.dll", "mscorlib")]
        [DataRow("Firmware/Host/NanoCheck/Tests/bin/Debug/net10.0/CommuneRadio.Core.Tests.Nano.dll", "CommuneRadio.Core.Nano,mscorlib")]
        public void NanoBuild_References_OnlyNanoFrameworkMscorlib(string assembly, string expected)
        {
            string path = RepoPaths.Combine(assembly);
            Assert.IsTrue(File.Exists(path), path + " was not built with Firmware.Tests");
            Version nano = AssemblyVersion(NanoMscorlib);

            using var pe = new PEReader(File.OpenRead(path));
            MetadataReader md = pe.GetMetadataReader();
            var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).ToArray();

            Assert.AreEqual(expected, string.Join(",", references.Select(r => md.GetString(r.Name)).OrderBy(n => n, StringComparer.Ordinal)));
            AssemblyReference mscorlib = references.Single(r => md.GetString(r.Name) == "mscorlib");
            Assert.AreEqual(nano, mscorlib.Version, "mscorlib version referenced by " + assembly);
        }

        private static Version AssemblyVersion(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            return pe.GetMetadataReader().GetAssemblyDefinition().Version;
        }
    }
}
