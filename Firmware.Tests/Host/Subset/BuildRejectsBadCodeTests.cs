using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The proof that the host build of Core fails on code nanoFramework cannot run: a copy of the Core
    /// build with deliberately bad files added fails with RS0030 naming each banned member, while the
    /// unmodified copy builds (so the failure has the right cause). What BannedSymbols.*.txt cannot express
    /// (generics, int?, int[,], decimal in a declaration) builds, and <see cref="SubsetInspector"/> on the
    /// built assembly reports it, as CoreAssemblySubsetTests does for the real Core.
    /// </summary>
    [TestClass]
    public sealed class BuildRejectsBadCodeTests
    {
        /// <summary>One bad file per banned member: name, the body of a method returning object, what RS0030 names.</summary>
        private static readonly string[][] BannedCases =
        {
            new[] { "DateTimeNow", "return System.DateTime.Now;", "'DateTime.Now'" },
            new[] { "DateTimeUtcNow", "return System.DateTime.UtcNow;", "'DateTime.UtcNow'" },
            new[] { "StringReplace", "return \"a\".Replace(\"a\", \"b\");", "'string.Replace(string, string?)'" },
            new[] { "StringReplaceChar", "return \"a\".Replace('a', 'b');", "'string.Replace(char, char)'" },
            new[] { "StringJoin", "return string.Join(\",\", new string[] { \"a\" });", "'string.Join(" },
            new[] { "StringIsNullOrWhiteSpace", "return string.IsNullOrWhiteSpace(\" \");", "'string.IsNullOrWhiteSpace(" },
            new[] { "StringContainsChar", "return \"ab\".Contains('a');", "'string.Contains(char)'" },
            new[] { "ThreadSleep", "System.Threading.Thread.Sleep(1); return null;", "'Thread'" },
            new[] { "ThreadCurrent", "return System.Threading.Thread.CurrentThread;", "'Thread'" },
            new[] { "DecimalParse", "return decimal.Parse(\"1.5\");", "'decimal'" },
            new[] { "EnumGetValues", "return System.Enum.GetValues(typeof(System.DayOfWeek));", "'Enum.GetValues(" },
            new[] { "InterlockedLong", "long x = 0; return System.Threading.Interlocked.Increment(ref x);", "'Interlocked.Increment(" },
            new[] { "MonitorTryEnter", "return System.Threading.Monitor.TryEnter(new object());", "'Monitor.TryEnter(" },
            new[] { "WaitOneTimeout", "return new System.Threading.ManualResetEvent(false).WaitOne(5);", "'WaitHandle.WaitOne(int)'" },
            new[] { "EnvironmentTickCount", "return System.Environment.TickCount;", "'Environment.TickCount'" },
            new[] { "StopwatchStart", "return System.Diagnostics.Stopwatch.StartNew();", "'Stopwatch'" },
            new[] { "RandomNew", "return new System.Random();", "'Random'" },
            new[] { "ConsoleWrite", "System.Console.WriteLine(); return null;", "'Console'" },
            new[] { "FileExists", "return System.IO.File.Exists(\"x\");", "'File'" },
            new[] { "DateTimeOffsetNow", "return System.DateTimeOffset.UtcNow;", "'DateTimeOffset'" },
            new[] { "TaskCompleted", "return System.Threading.Tasks.Task.CompletedTask;", "'Task'" },
            new[] { "LinqCount", "return System.Linq.Enumerable.Count(new int[0]);", "'Enumerable'" },
            new[] { "MathClamp", "return System.Math.Clamp(5, 0, 3);", "'Math.Clamp(" },
            new[] { "ArrayEmpty", "return System.Array.Empty<int>();", "'Array.Empty" },
        };

        /// <summary>Bad files the analyzer cannot see: name, a method body returning object, what the inspector reports.</summary>
        private static readonly string[][] InspectorCases =
        {
            new[] { "GenericList", "return new System.Collections.Generic.List<int>();", "generic type System.Collections.Generic.List`1<Int32>" },
            new[] { "GenericDelegate", "System.Func<int> f = () => 1; return f;", "generic type System.Func`1<Int32>" },
            new[] { "NullableInt", "int? x = System.Environment.ProcessorCount > 1 ? 1 : (int?)null; return x;", "nullable value type (int?)" },
            new[] { "MultidimensionalArray", "return new int[2, 2];", "multidimensional array Int32[,]" },
            new[] { "DecimalLocal", "decimal d = 1.5m; return d;", "decimal System.Decimal" },
        };

        private static readonly Lazy<ProcessResult> CleanBuild = new Lazy<ProcessResult>(() => BuildWith(new string[0][]));
        private static readonly Lazy<ProcessResult> BannedBuild = new Lazy<ProcessResult>(() => BuildWith(BannedCases));
        private static readonly Lazy<IReadOnlyList<string>> InspectedBuild = new Lazy<IReadOnlyList<string>>(InspectBuildWithInspectorCases);

        public static IEnumerable<object[]> BannedCaseRows => BannedCases.Select(c => new object[] { c[0], c[2] });

        public static IEnumerable<object[]> InspectorCaseRows => InspectorCases.Select(c => new object[] { c[0], c[2] });

        [TestMethod]
        public void Build_UnmodifiedCopy_Succeeds()
        {
            ProcessResult build = CleanBuild.Value;

            Assert.AreEqual(0, build.ExitCode, "The unmodified copy of the Core build must build:" + Environment.NewLine + build.Output);
        }

        [TestMethod]
        public void Build_WithBannedMembers_Fails()
        {
            ProcessResult build = BannedBuild.Value;

            Assert.AreNotEqual(0, build.ExitCode, "The Core build accepted files using banned members:" + Environment.NewLine + build.Output);
        }

        [TestMethod]
        [DynamicData(nameof(BannedCaseRows))]
        public void Build_FileUsingBannedMember_ReportsRS0030InThatFile(string file, string symbol)
        {
            string[] errors = ErrorLines(BannedBuild.Value.Output, file);

            Assert.IsTrue(errors.Any(e => e.Contains("error RS0030", StringComparison.Ordinal) && e.Contains(symbol, StringComparison.Ordinal)),
                "Expected error RS0030 on " + symbol + " in " + file + ".cs; errors there:" + Environment.NewLine + string.Join(Environment.NewLine, errors) +
                Environment.NewLine + "Build output:" + Environment.NewLine + BannedBuild.Value.Output);
        }

        [TestMethod]
        [DynamicData(nameof(InspectorCaseRows))]
        public void Inspect_BuiltCopyWithSubsetViolation_ReportsIt(string file, string expected)
        {
            string[] atFile = InspectedBuild.Value.Where(v => v.StartsWith("CommuneRadio.Core.Bad." + file, StringComparison.Ordinal)).ToArray();

            Assert.IsTrue(atFile.Any(v => v.Contains(expected, StringComparison.Ordinal)),
                "Expected '" + expected + "' in " + file + "; reported:" + Environment.NewLine + string.Join(Environment.NewLine, InspectedBuild.Value));
        }

        private static IReadOnlyList<string> InspectBuildWithInspectorCases()
        {
            using var copy = new CoreBuildCopy();
            AddCases(copy, InspectorCases);
            ProcessResult build = copy.Build();
            Assert.AreEqual(0, build.ExitCode, "These files are meant to pass the analyzer and be caught in the IL:" + Environment.NewLine + build.Output);
            return SubsetInspector.Inspect(copy.OutputAssembly);
        }

        private static ProcessResult BuildWith(string[][] cases)
        {
            using var copy = new CoreBuildCopy();
            AddCases(copy, cases);
            return copy.Build();
        }

        /// <summary>Adds one Core file per case: a class named c[0] whose method body is c[1].</summary>
        internal static void AddCases(CoreBuildCopy copy, string[][] cases)
        {
            foreach (string[] c in cases)
            {
                copy.AddCoreFile(c[0], "namespace CommuneRadio.Core.Bad\n{\n    internal static class " + c[0] + "\n    {\n" +
                    "        internal static object Use()\n        {\n            " + c[1] + "\n        }\n    }\n}\n");
            }
        }

        /// <summary>The build's error lines located in <paramref name="file"/>.cs (MSBuild prints each twice; duplicates removed).</summary>
        internal static string[] ErrorLines(string output, string file) =>
            output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Contains(file + ".cs(", StringComparison.Ordinal) && l.Contains(": error ", StringComparison.Ordinal))
                .Distinct()
                .ToArray();
    }
}
