using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The proof that the real-mscorlib build (Firmware/Host/NanoCheck: Core compiled against nanoFramework.CoreLibrary
    /// 1.17.11's mscorlib.dll, no .NET reference assemblies) is what decides: a copy with files that .NET 10 compiles,
    /// that the banned list does not name, but that nanoFramework's mscorlib lacks, fails with a compiler error in each
    /// of those files, while the unmodified copy builds.
    /// </summary>
    [TestClass]
    public sealed class NanoBuildRejectsBadCodeTests
    {
        /// <summary>One file per API the device lacks: name, a method body returning object, the error expected there.</summary>
        private static readonly string[][] Cases =
        {
            // string overloads nanoFramework's String does not have
            new[] { "StringInsert", "return \"ab\".Insert(1, \"x\");", "CS1061" },
            new[] { "StringIndexOfComparison", "return \"ab\".IndexOf(\"b\", System.StringComparison.Ordinal);", "CS0234" },
            // DateTime members it lacks
            new[] { "DateTimeAddYears", "return new System.DateTime(2026, 1, 1).AddYears(1);", "CS1061" },
            new[] { "DateTimeIsLeapYear", "return System.DateTime.IsLeapYear(2028);", "CS0117" },
            // generic collections and System.Math are not in mscorlib
            new[] { "GenericList", "return new System.Collections.Generic.List<int>();", "CS0234" },
            new[] { "MathMax", "return System.Math.Max(1, 2);", "CS0234" },
            new[] { "EnvironmentTickCount64", "return System.Environment.TickCount64;", "CS0234" },
        };

        private static readonly Lazy<ProcessResult> CleanBuild = new Lazy<ProcessResult>(() => BuildWith(new string[0][]));
        private static readonly Lazy<ProcessResult> BadBuild = new Lazy<ProcessResult>(() => BuildWith(Cases));

        public static IEnumerable<object[]> CaseRows => Cases.Select(c => new object[] { c[0], c[2] });

        [TestMethod]
        public void Build_UnmodifiedCopy_Succeeds()
        {
            ProcessResult build = CleanBuild.Value;

            Assert.AreEqual(0, build.ExitCode, "The unmodified copy of the real-mscorlib build must build:" + Environment.NewLine + build.Output);
        }

        [TestMethod]
        public void Build_WithApisMscorlibLacks_Fails()
        {
            Assert.AreNotEqual(0, BadBuild.Value.ExitCode, "The real-mscorlib build accepted files using APIs it lacks:" + Environment.NewLine + BadBuild.Value.Output);
        }

        [TestMethod]
        [DynamicData(nameof(CaseRows))]
        public void Build_FileUsingApiMscorlibLacks_ReportsErrorInThatFile(string file, string code)
        {
            string[] errors = BuildRejectsBadCodeTests.ErrorLines(BadBuild.Value.Output, file);

            Assert.IsTrue(errors.Any(e => e.Contains("error " + code, StringComparison.Ordinal)),
                "Expected error " + code + " in " + file + ".cs; errors there:" + Environment.NewLine + string.Join(Environment.NewLine, errors) +
                Environment.NewLine + "Build output:" + Environment.NewLine + BadBuild.Value.Output);
        }

        private static ProcessResult BuildWith(string[][] cases)
        {
            using var copy = new CoreBuildCopy(CoreBuildCopy.NanoProject);
            BuildRejectsBadCodeTests.AddCases(copy, cases);
            return copy.Build();
        }
    }
}
