using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The proof that the host check of the device code fails on what nanoFramework cannot compile or run: a copy of
    /// Firmware/Host/DeviceCheck with a bad file added to Firmware/Device fails with RS0030 (banned member), or with
    /// CS0117/CS1061 (a nanoFramework member the stand-ins do not declare), while what the analyzer cannot see (generics,
    /// String members nanoFramework lacks but no list bans) builds and <see cref="SubsetInspector"/> reports it, as
    /// DeviceAssemblySubsetTests does for the real device code. The unmodified copy is the real build itself
    /// (CommuneRadio.DeviceCheck builds with the solution).
    /// </summary>
    [TestClass]
    public sealed class DeviceBuildRejectsBadCodeTests
    {
        /// <summary>Bad files the build refuses: name, the body of a method returning object, the error it must name.</summary>
        private static readonly string[][] BuildCases =
        {
            new[] { "StringReplace", "return \"a\".Replace(\"a\", \"b\");", "error RS0030: The symbol 'string.Replace(string, string?)'" },
            new[] { "DateTimeKindLocal", "return new System.DateTime(0, System.DateTimeKind.Local);", "error RS0030: The symbol 'DateTimeKind.Local'" },
            new[] { "WaitOneTimeout", "return new System.Threading.AutoResetEvent(false).WaitOne(5);", "error RS0030: The symbol 'WaitHandle.WaitOne(int)'" },
            new[] { "ThreadName", "return System.Threading.Thread.CurrentThread.Name;", "error RS0030: The symbol 'Thread.Name'" },
            new[] { "GpioUnknownMember", "return new System.Device.Gpio.GpioController().IsPinOpen(2);", "error CS1061" },
            new[] { "SntpUnknownMember", "nanoFramework.Networking.Sntp.Stop(); return null;", "error CS0117" },
        };

        /// <summary>Bad files the analyzer cannot see: name, a method body returning object, what the inspector reports.</summary>
        private static readonly string[][] InspectorCases =
        {
            new[] { "GenericList", "return new System.Collections.Generic.List<int>();", "generic type System.Collections.Generic.List`1<Int32>" },
            new[] { "StringInsert", "return \"ab\".Insert(1, \"x\");", "System.String.Insert" },
        };

        private static readonly Lazy<ProcessResult> BadBuild = new Lazy<ProcessResult>(BuildWithBuildCases);
        private static readonly Lazy<IReadOnlyList<string>> InspectedBuild = new Lazy<IReadOnlyList<string>>(InspectBuildWithInspectorCases);

        public static IEnumerable<object[]> BuildCaseRows => BuildCases.Select(c => new object[] { c[0], c[2] });

        public static IEnumerable<object[]> InspectorCaseRows => InspectorCases.Select(c => new object[] { c[0], c[2] });

        [TestMethod]
        public void Build_WithBadDeviceCode_Fails()
        {
            Assert.AreNotEqual(0, BadBuild.Value.ExitCode, "The device check accepted bad device code:" + Environment.NewLine + BadBuild.Value.Output);
        }

        [TestMethod]
        [DynamicData(nameof(BuildCaseRows))]
        public void Build_DeviceFileUsingWhatNanoFrameworkLacks_ReportsItInThatFile(string file, string error)
        {
            string[] errors = BadBuild.Value.Output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Contains(file + ".cs(", StringComparison.Ordinal) && l.Contains(": error ", StringComparison.Ordinal))
                .Distinct()
                .ToArray();

            Assert.IsTrue(errors.Any(e => e.Contains(error, StringComparison.Ordinal)),
                "Expected '" + error + "' in " + file + ".cs; errors there:" + Environment.NewLine + string.Join(Environment.NewLine, errors) +
                Environment.NewLine + "Build output:" + Environment.NewLine + BadBuild.Value.Output);
        }

        [TestMethod]
        [DynamicData(nameof(InspectorCaseRows))]
        public void Inspect_BuiltCopyWithSubsetViolation_ReportsItAsDeviceCode(string file, string expected)
        {
            string[] atFile = InspectedBuild.Value
                .Where(v => v.StartsWith("CommuneRadio.Device.Bad." + file, StringComparison.Ordinal) && DeviceAssemblySubsetTests.IsDeviceCode(v))
                .ToArray();

            Assert.IsTrue(atFile.Any(v => v.Contains(expected, StringComparison.Ordinal)),
                "Expected '" + expected + "' in " + file + "; reported:" + Environment.NewLine + string.Join(Environment.NewLine, InspectedBuild.Value));
        }

        private static ProcessResult BuildWithBuildCases()
        {
            using var copy = new DeviceBuildCopy();
            AddCases(copy, BuildCases);
            return copy.Build();
        }

        private static IReadOnlyList<string> InspectBuildWithInspectorCases()
        {
            using var copy = new DeviceBuildCopy();
            AddCases(copy, InspectorCases);
            ProcessResult build = copy.Build();
            Assert.AreEqual(0, build.ExitCode, "These files are meant to pass the build and be caught in the IL:" + Environment.NewLine + build.Output);
            return SubsetInspector.Inspect(copy.OutputAssembly);
        }

        private static void AddCases(DeviceBuildCopy copy, string[][] cases)
        {
            foreach (string[] c in cases)
            {
                copy.AddDeviceFile(c[0], "namespace CommuneRadio.Device.Bad\n{\n    internal static class " + c[0] + "\n    {\n" +
                    "        internal static object Use()\n        {\n            " + c[1] + "\n        }\n    }\n}\n");
            }
        }
    }
}
