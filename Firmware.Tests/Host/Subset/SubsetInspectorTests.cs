using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// Proves <see cref="SubsetInspector"/> sees each construct nanoFramework stable cannot run, by
    /// compiling small snippets as Core is compiled (C# 9), and that it stays quiet on what the device
    /// does support (the "Works" list of shared/nanoframework.md).
    /// </summary>
    [TestClass]
    public sealed class SubsetInspectorTests
    {
        private const string BadSource = """
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            namespace Bad
            {
                public class UsesList { public int M() { var l = new List<int>(); l.Add(1); return l.Count; } }
                public class UsesFunc { public Func<int> F; }
                public class UsesGenericMethod { public static object Id<T>(T x) { return x; } }
                public class CallsGenericMethod { public int M(int[] a) { return Array.IndexOf(a, 1); } }
                public class UsesGenericClass<T> { public object Value; }
                public class UsesMultiArray { public int M() { var a = new int[2, 2]; a[0, 1] = 3; return a[0, 1]; } }
                public class UsesMultiArrayField { public byte[,] Grid; }
                public class UsesEnumGetValues { public Array M() { return Enum.GetValues(typeof(DayOfWeek)); } }
                public class UsesEnumParse { public object M() { return Enum.Parse(typeof(DayOfWeek), "Monday"); } }
                public class UsesEnumIsDefined { public bool M() { return Enum.IsDefined(typeof(DayOfWeek), 3); } }
                public class UsesCompareOrdinal { public int M(string a, string b) { return string.CompareOrdinal(a, b); } }
                public class UsesStringInsert { public string M(string s) { return s.Insert(0, "x"); } }
                public class UsesNullable { public int M(int x) { int? y = x > 0 ? x : (int?)null; return y ?? 0; } }
                public class UsesAsyncTask { public async Task M() { await Task.Yield(); } }
                public class UsesAsyncVoid { public async void M() { await Task.Yield(); } }
                public class UsesLinq { public int M(int[] a) { return a.Where(x => x > 1).Count(); } }
                public class UsesYield { public IEnumerable M() { yield return 1; } }
                public class UsesVolatile { public volatile int X; }
                public class UsesTuple { public int M() { var t = (1, 2); return t.Item1 + t.Item2; } }
                public class UsesRange { public Range M() { return 1..3; } }
                public record UsesRecord(int X);
            }
            """;

        private const string CleanSource = """
            using System;
            using System.Collections;
            using System.Text;

            namespace Clean
            {
                [Flags]
                public enum Faults { None = 0, Mains = 1, Amp = 2 }

                public delegate void Handler(object sender, EventArgs e);

                public interface IGreeter { string Greet(string name) { return "hi " + name; } }

                public struct Point { public int X; public int Y; }

                public sealed class Features : IGreeter, IDisposable
                {
                    private readonly object _gate = new object();
                    private readonly ArrayList _items = new ArrayList();
                    private readonly Hashtable _byName = new Hashtable();
                    private int[] _jagged = new int[] { 1, 2, 3 };

                    public event Handler Changed;

                    public string Describe(int x, string s, Faults f, params object[] rest)
                    {
                        switch (s)
                        {
                            case "alpha": case "beta": case "gamma": case "delta": case "epsilon": case "zeta": case "eta":
                                return $"{s} {x:D3} {rest.Length}";
                        }

                        string kind = x switch { 0 => "zero", < 0 => "negative", _ => "positive" };
                        return kind + (f.HasFlag(Faults.Amp) ? " amp" : "") + f.ToString() + string.Format("{0,5}", x);
                    }

                    public int Sum()
                    {
                        int total = 0;
                        lock (_gate)
                        {
                            foreach (object item in _items)
                            {
                                total += (int)item;
                            }
                        }

                        int Twice(int v) => v * 2;
                        Handler h = (sender, e) => total += Twice(_jagged[0]);
                        h(this, EventArgs.Empty);
                        Changed?.Invoke(this, EventArgs.Empty);
                        return total + _byName.Count;
                    }

                    public string Build()
                    {
                        using var b = new System.IO.MemoryStream();
                        var sb = new StringBuilder();
                        try
                        {
                            sb.Append("x").Replace("x", "y");
                        }
                        catch (InvalidOperationException e) when (e.Message.Length > 0)
                        {
                            return null;
                        }

                        char c = 'c';
                        return sb.ToString() + c + "d" + 'e' + _jagged.Length + Faults.Mains;
                    }

                    public string Tag(char c, string s) { return s + c; }

                    public string Tags(char c, string s) { return s + c + s + c + s + c + string.Format("none"); }

                    public unsafe int Peek(int* p) { return *p; }

                    public void Dispose() { }
                }
            }
            """;

        private static IReadOnlyList<string> _badViolations;
        private static IReadOnlyList<string> _cleanViolations;

        [ClassInitialize]
        public static void CompileSnippets(TestContext context)
        {
            using var temp = new TempDirectory("subset-snippets");
            _badViolations = SubsetInspector.Inspect(SnippetCompiler.Compile(BadSource, temp.Path, "Bad"));
            _cleanViolations = SubsetInspector.Inspect(SnippetCompiler.Compile(CleanSource, temp.Path, "Clean"));
        }

        [TestMethod]
        [DataRow("Bad.UsesList", "generic type System.Collections.Generic.List`1<Int32>")]
        [DataRow("Bad.UsesList", "generic collection System.Collections.Generic.List`1")]
        [DataRow("Bad.UsesFunc", "generic type System.Func`1<Int32>")]
        [DataRow("Bad.UsesGenericMethod", "generic method definition")]
        [DataRow("Bad.CallsGenericMethod", "generic method instantiation System.Array.IndexOf<Int32>")]
        [DataRow("Bad.UsesGenericClass`1", "generic type definition")]
        [DataRow("Bad.UsesMultiArray", "multidimensional array Int32[,]")]
        [DataRow("Bad.UsesMultiArrayField", "multidimensional array Byte[,]")]
        [DataRow("Bad.UsesEnumGetValues", "Enum reflection System.Enum.GetValues")]
        [DataRow("Bad.UsesEnumParse", "Enum reflection System.Enum.Parse")]
        [DataRow("Bad.UsesEnumIsDefined", "Enum reflection System.Enum.IsDefined")]
        [DataRow("Bad.UsesCompareOrdinal", "not in nanoFramework's String: System.String.CompareOrdinal")]
        [DataRow("Bad.UsesStringInsert", "not in nanoFramework's String: System.String.Insert")]
        [DataRow("Bad.UsesNullable", "nullable value type (int?) System.Nullable`1")]
        [DataRow("Bad.UsesAsyncTask", "async state machine (async/await)")]
        [DataRow("Bad.UsesAsyncTask", "Task/async System.Threading.Tasks.Task")]
        [DataRow("Bad.UsesAsyncVoid", "async state machine (async/await)")]
        [DataRow("Bad.UsesLinq", "LINQ System.Linq.Enumerable")]
        [DataRow("Bad.UsesYield", "yield iterator")]
        [DataRow("Bad.UsesVolatile", "volatile field")]
        [DataRow("Bad.UsesTuple", "tuple System.ValueTuple`2")]
        [DataRow("Bad.UsesRange", "range or index-from-end (.. / ^) System.Range")]
        [DataRow("Bad.UsesRecord", "init accessor or record (IsExternalInit)")]
        public void Inspect_SnippetOutsideSubset_ReportsIt(string type, string expected)
        {
            string[] atType = _badViolations.Where(v => IsIn(v, type)).ToArray();

            Assert.IsTrue(atType.Any(v => v.Contains(expected, StringComparison.Ordinal)),
                "Expected '" + expected + "' at " + type + "; reported there:" + Environment.NewLine + string.Join(Environment.NewLine, atType));
        }

        [TestMethod]
        public void Inspect_SnippetOutsideSubset_NamesTheContainingMethod()
        {
            CollectionAssert.Contains(_badViolations.ToList(), "Bad.UsesEnumGetValues.M: Enum reflection System.Enum.GetValues");
        }

        [TestMethod]
        public void Inspect_SnippetInsideSubset_ReportsNothing()
        {
            Assert.IsEmpty(_cleanViolations, string.Join(Environment.NewLine, _cleanViolations));
        }

        /// <summary>True when a violation is located in <paramref name="type"/> or a type nested in it (compiler-generated ones too).</summary>
        private static bool IsIn(string violation, string type) =>
            violation.StartsWith(type, StringComparison.Ordinal) && ".+:".Contains(violation[type.Length]);
    }
}
